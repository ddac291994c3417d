using PressConference.Api.Infrastructure;
using PressConference.Api.Series;

namespace PressConference.Tests.Series;

/// <summary>The rule arithmetic on its own: month ends, leap years, nth and last weekdays, local time.</summary>
public sealed class SeriesRuleTests
{
    private static BriefingSeries LastThursday() => new()
    {
        Weekday = DayOfWeek.Thursday, WeekOfMonth = BriefingSeries.LastWeek, LocalStartTime = new TimeOnly(15, 0), HorizonMonths = 6,
        TitleTemplate = "Họp báo định kỳ tháng {month}/{year}",
    };

    [TestCase(2026, 11, 26)]
    [TestCase(2026, 12, 31)] // the month ends on a Thursday
    [TestCase(2027, 2, 25)]
    [TestCase(2028, 2, 24)] // leap February ends on a Tuesday
    [TestCase(2027, 4, 29)]
    [TestCase(2027, 9, 30)]
    public void Last_thursday_is_found_in_every_month(int year, int month, int day) =>
        Assert.That(LastThursday().OccurrenceDate(year, month), Is.EqualTo(new DateOnly(year, month, day)));

    [TestCase(1, 2026, 10, 1)] // the month starts on a Thursday
    [TestCase(2, 2026, 10, 8)]
    [TestCase(4, 2026, 10, 22)]
    [TestCase(1, 2026, 11, 5)]
    [TestCase(4, 2028, 2, 24)]
    public void Nth_thursday_counts_from_the_first_of_the_month(int week, int year, int month, int day)
    {
        var series = LastThursday();
        series.WeekOfMonth = week;
        Assert.That(series.OccurrenceDate(year, month), Is.EqualTo(new DateOnly(year, month, day)));
    }

    [TestCase(28, 2027, 2)]
    [TestCase(28, 2028, 2)]
    [TestCase(1, 2027, 1)]
    public void Day_of_month_exists_in_every_month_up_to_28(int day, int year, int month)
    {
        var series = new BriefingSeries { DayOfMonth = day, LocalStartTime = new TimeOnly(9, 0) };
        Assert.That(series.OccurrenceDate(year, month), Is.EqualTo(new DateOnly(year, month, day)));
    }

    [Test]
    public void Occurrences_start_after_now_and_stop_at_the_horizon_in_local_time()
    {
        // 26 Nov 2026 15:00 in Hanoi is 08:00 UTC: a series created that morning still includes November.
        var now = new DateTime(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);
        var occurrences = SeriesGenerator.Occurrences(LastThursday(), now).ToList();
        Assert.That(occurrences.Select(o => o.Date), Is.EqualTo(new[]
        {
            new DateOnly(2026, 11, 26), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 28),
            new DateOnly(2027, 2, 25), new DateOnly(2027, 3, 25), new DateOnly(2027, 4, 29),
        }));
        Assert.That(occurrences[0].StartsAt, Is.EqualTo(new DateTime(2026, 11, 26, 8, 0, 0, DateTimeKind.Utc)));

        var afterStart = SeriesGenerator.Occurrences(LastThursday(), new DateTime(2026, 11, 26, 8, 0, 0, DateTimeKind.Utc)).First();
        Assert.That(afterStart.Date, Is.EqualTo(new DateOnly(2026, 12, 31)), "an occurrence that has started is not generated");
    }

    [Test]
    public void Title_templates_fill_month_and_year() =>
        Assert.That(BriefingSeries.Render("Họp báo định kỳ tháng {month}/{year} ({month2}, {date})", new DateOnly(2027, 2, 25)),
            Is.EqualTo("Họp báo định kỳ tháng 2/2027 (02, 25/02/2027)"));

    [Test]
    public void Local_times_convert_to_utc_and_back_at_plus_seven()
    {
        var utc = VietnamTime.FromLocal(new DateOnly(2027, 1, 1), new TimeOnly(6, 30));
        Assert.That(utc, Is.EqualTo(new DateTime(2026, 12, 31, 23, 30, 0, DateTimeKind.Utc)));
        Assert.That(VietnamTime.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            Is.EqualTo("2027-01-01T06:30:00+07:00"));
        Assert.That(VietnamTime.LocalDate(utc), Is.EqualTo(new DateOnly(2027, 1, 1)));
    }

    [TestCase("2026-12-24T15:00", "2026-12-24T08:00:00Z")]
    [TestCase("2026-12-24T15:00:00", "2026-12-24T08:00:00Z")]
    [TestCase("2026-12-24", "2026-12-23T17:00:00Z")]
    [TestCase("2026-12-24T08:00:00Z", "2026-12-24T08:00:00Z")]
    [TestCase("2026-12-24T10:00:00+09:00", "2026-12-24T01:00:00Z")]
    [TestCase("2026-12-24T03:00:00-05:00", "2026-12-24T08:00:00Z")]
    public void Api_times_without_offset_are_hanoi_time(string input, string expectedUtc)
    {
        Assert.That(VietnamTime.TryParse(input, out var value), Is.True);
        Assert.That(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expectedUtc));
    }

    [TestCase("")]
    [TestCase("24/12/2026")]
    [TestCase("2026-13-01T10:00")]
    [TestCase("tomorrow")]
    public void Unreadable_times_are_refused(string input) => Assert.That(VietnamTime.TryParse(input, out _), Is.False);
}
