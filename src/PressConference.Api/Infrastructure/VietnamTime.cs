using System.Globalization;

namespace PressConference.Api.Infrastructure;

/// <summary>
/// Vietnam keeps UTC+07:00 all year (Asia/Ho_Chi_Minh, no daylight saving). Instants are stored in UTC;
/// people see and type local times, so every conversion between the two goes through here.
/// </summary>
public static class VietnamTime
{
    public const string ZoneId = "Asia/Ho_Chi_Minh";

    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static readonly TimeZoneInfo Zone = FindZone();

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            // A machine without tzdata still gets the right answer: the offset has been fixed since 1975.
            return TimeZoneInfo.CreateCustomTimeZone(ZoneId, Offset, "Indochina Time", "ICT");
        }
    }

    /// <summary>The local wall-clock time of a UTC instant, with its +07:00 offset.</summary>
    public static DateTimeOffset ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Zone);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The UTC instant of a wall-clock time in Vietnam.</summary>
    public static DateTime FromLocal(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public static DateTime FromLocal(DateOnly date, TimeOnly time) => FromLocal(date.ToDateTime(time));

    public static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc).DateTime);

    /// <summary>
    /// Reads "2026-12-24T15:00" (local, taken as Asia/Ho_Chi_Minh), "2026-12-24" (local midnight),
    /// or an instant with an offset ("2026-12-24T08:00:00Z", "...+07:00").
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (HasOffset(text))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        value = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone.GetUtcOffset(local));
        return true;
    }

    private static bool HasOffset(string text)
    {
        if (text.EndsWith('Z') || text.EndsWith('z'))
        {
            return true;
        }

        var timePart = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (timePart < 0)
        {
            return false;
        }

        var tail = text[timePart..];
        return tail.Contains('+') || tail.Contains('-');
    }
}
