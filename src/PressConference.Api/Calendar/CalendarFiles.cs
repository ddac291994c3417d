using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using PressConference.Api.Briefings;

namespace PressConference.Api.Calendar;

/// <summary>
/// iCalendar for Google Calendar and Outlook: one UID per briefing for life, SEQUENCE bumped on every move, and
/// STATUS:CANCELLED so subscribed calendars drop a cancelled briefing instead of keeping a stale one. Served by the
/// calendar endpoints and attached to notification e-mails.
/// </summary>
public sealed class CalendarFiles
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public byte[] Serialize(IEnumerable<Briefing> briefings, DateTime now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//PressConference//Lich hop bao//VI", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", "Lịch họp báo");
        calendar.AddProperty("X-WR-TIMEZONE", VietnamTime.ZoneId);
        foreach (var b in briefings)
        {
            calendar.Events.Add(ToEvent(b, now));
        }

        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? string.Empty);
    }

    private static CalendarEvent ToEvent(Briefing b, DateTime now)
    {
        var description = new StringBuilder();
        if (b.Topic is not null)
        {
            description.AppendLine(b.Topic);
        }

        description.Append(b.HostAgency);
        if (b.CancellationReason is not null)
        {
            description.AppendLine().Append("Đã hủy / Cancelled: ").Append(b.CancellationReason);
        }

        return new CalendarEvent
        {
            Uid = $"briefing-{b.Id}@pressconference",
            Summary = b.Title,
            Description = description.ToString(),
            Location = b.Venue,
            DtStart = new CalDateTime(DateTime.SpecifyKind(b.StartsAt, DateTimeKind.Utc)),
            DtEnd = new CalDateTime(DateTime.SpecifyKind(b.EndsAt, DateTimeKind.Utc)),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(now, DateTimeKind.Utc)),
            Sequence = b.Sequence,
            Status = b.Status == BriefingStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };
    }
}

public static class CalendarSetup
{
    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CalendarFiles>();
        return builder;
    }
}
