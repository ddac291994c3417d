using System.ComponentModel.DataAnnotations;

namespace PressConference.Api.Infrastructure;

/// <summary>The city office this service runs for: its name as a host agency and its main venue.</summary>
public sealed class OfficeOptions
{
    public const string Section = "Office";

    [Required, MaxLength(300)]
    public string HostAgency { get; set; } = "Văn phòng UBND thành phố Hà Nội";

    [Required, MaxLength(300)]
    public string MainVenue { get; set; } = "Trụ sở Sở Văn hóa và Thể thao, 47 Hàng Dầu, Hoàn Kiếm, Hà Nội";

    [Range(0, 100_000)]
    public int MainVenueCapacity { get; set; } = 120;
}

/// <summary>Upper bounds on what a client may send.</summary>
public sealed class RequestLimitOptions
{
    public const string Section = "RequestLimits";

    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
