using System.Globalization;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PressConference.Api.Briefings;

namespace PressConference.Api.Series;

/// <summary>
/// A rule that generates regular briefings, in local time: a day of the month (1–28) or the nth/last weekday of
/// the month (e.g. the last Thursday at 15:00). Each generated briefing is a "yyyy-MM" period of the series.
/// </summary>
public sealed class BriefingSeries
{
    public const int LastWeek = -1;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string TitleTemplate { get; set; } = string.Empty;
    public string? TopicTemplate { get; set; }
    public int? DayOfMonth { get; set; }
    public DayOfWeek? Weekday { get; set; }

    /// <summary>1–4, or -1 for the last such weekday of the month.</summary>
    public int? WeekOfMonth { get; set; }

    public TimeOnly LocalStartTime { get; set; }
    public int DurationMinutes { get; set; }
    public string Venue { get; set; } = string.Empty;
    public string HostAgency { get; set; } = string.Empty;
    public int Capacity { get; set; }
    public Guid? SpokespersonId { get; set; }
    public int HorizonMonths { get; set; }

    /// <summary>Whether occurrences are generated as Published (true) or Draft.</summary>
    public bool Publish { get; set; }

    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The local date of this series' briefing in the given month.</summary>
    public DateOnly OccurrenceDate(int year, int month)
    {
        if (DayOfMonth is { } day)
        {
            return new DateOnly(year, month, day);
        }

        var weekday = Weekday!.Value;
        if (WeekOfMonth == LastWeek)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
        }

        var first = new DateOnly(year, month, 1);
        return first.AddDays((((int)weekday - (int)first.DayOfWeek + 7) % 7) + (7 * (WeekOfMonth!.Value - 1)));
    }

    public static string Period(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public string RenderTitle(DateOnly date) => Render(TitleTemplate, date);

    public string? RenderTopic(DateOnly date) => TopicTemplate is null ? null : Render(TopicTemplate, date);

    /// <summary>Placeholders: {month} (12), {month2} (12, two digits), {year} (2026), {date} (24/12/2026).</summary>
    public static string Render(string template, DateOnly date) => template
        .Replace("{month}", date.Month.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{month2}", date.Month.ToString("00", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{year}", date.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{date}", date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static readonly string[] Placeholders = ["{month}", "{month2}", "{year}", "{date}"];
}

internal sealed class BriefingSeriesConfiguration : IEntityTypeConfiguration<BriefingSeries>
{
    public void Configure(EntityTypeBuilder<BriefingSeries> builder)
    {
        builder.Property(s => s.TitleTemplate).HasMaxLength(300);
        builder.Property(s => s.TopicTemplate).HasMaxLength(4000);
        builder.Property(s => s.Venue).HasMaxLength(300);
        builder.Property(s => s.HostAgency).HasMaxLength(300);
        builder.HasOne<Spokespersons.Spokesperson>().WithMany().HasForeignKey(s => s.SpokespersonId).OnDelete(DeleteBehavior.Restrict);

        // Configured from this side so that Briefing keeps only SeriesId and Briefings never names a series.
        builder.HasMany<Briefing>().WithOne().HasForeignKey(b => b.SeriesId).OnDelete(DeleteBehavior.SetNull);
    }
}
