using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.Briefings;
using PressConference.Api.Data;
using PressConference.Api.Infrastructure;

namespace PressConference.Api.Calendar;

/// <summary>
/// iCalendar for Google Calendar and Outlook: one UID per briefing for life, SEQUENCE bumped on every move, and
/// STATUS:CANCELLED so subscribed calendars drop a cancelled briefing instead of keeping a stale one.
/// </summary>
public static class CalendarEndpoints
{
    private const string ContentType = "text/calendar; charset=utf-8";

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/briefings/{id:guid}/calendar.ics", One).WithTags("Calendar").AllowAnonymous();
        app.MapGet("/api/calendar.ics", Feed).WithTags("Calendar").AllowAnonymous();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> One(Guid id, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var briefing = await db.Briefings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (briefing is null || !briefing.IsPublic)
        {
            return Problems.NotFound("entity.briefing");
        }

        return TypedResults.File(Serialize([briefing], clock.GetUtcNow().UtcDateTime), ContentType, $"briefing-{id}.ics");
    }

    /// <summary>Public briefings from 30 days ago onward (cancelled ones included, so calendars remove them).</summary>
    private static async Task<FileContentHttpResult> Feed(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-30);
        var briefings = await db.Briefings.AsNoTracking()
            .Where(b => b.EndsAt >= since && b.Status != BriefingStatus.Draft && (b.Status != BriefingStatus.Cancelled || b.PublishedAt != null))
            .OrderBy(b => b.StartsAt).Take(500).ToListAsync(ct);
        return TypedResults.File(Serialize(briefings, now), ContentType, "pressconference.ics");
    }

    public static byte[] Serialize(IEnumerable<Briefing> briefings, DateTime now)
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

    public static CalendarEvent ToEvent(Briefing b, DateTime now)
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
