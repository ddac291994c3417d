using System.ComponentModel.DataAnnotations;

namespace PressConference.Api.Accreditation;

public sealed class AccreditationOptions
{
    public const string Section = "Accreditation";

    /// <summary>Cards of the 2021–2025 series (issued before <see cref="NewSeriesStartsOn"/>) are valid up to this date, whatever they print.</summary>
    public DateOnly CardSeriesCutOff { get; set; } = new(2026, 3, 31);

    /// <summary>First issue date of the cards valid five years from their own issue date.</summary>
    public DateOnly NewSeriesStartsOn { get; set; } = new(2026, 1, 1);

    /// <summary>
    /// Names that designate the same agency a letter may be addressed to, one group per entry, separated by '|'
    /// (e.g. "Văn phòng UBND thành phố Hà Nội|UBND thành phố Hà Nội"). Compared without case, spacing or diacritics.
    /// </summary>
    [MaxLength(200)]
    public List<string> AgencyAliases { get; set; } = [];

    /// <summary>Used when no <see cref="AgencyAliases"/> are configured.</summary>
    public static readonly string[] DefaultAgencyAliases =
    [
        "Văn phòng UBND thành phố Hà Nội|Văn phòng Ủy ban nhân dân thành phố Hà Nội|UBND thành phố Hà Nội|Ủy ban nhân dân thành phố Hà Nội|UBND TP Hà Nội|UBND TP. Hà Nội",
    ];
}
