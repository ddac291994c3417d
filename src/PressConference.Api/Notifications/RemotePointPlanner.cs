using Microsoft.Extensions.Options;
using PressConference.Api.Briefings;
using PressConference.Api.RemotePoints;

namespace PressConference.Api.Notifications;

/// <summary>
/// What a remote point's contact hears: a reminder before each briefing the point is linked to (with its video link
/// and the reporters expected there), and the changes of those briefings. A point without a contact e-mail hears nothing.
/// </summary>
public sealed class RemotePointPlanner(AppDbContext db, NotificationOutbox outbox, IOptions<NotificationOptions> options,
    ILogger<RemotePointPlanner> logger)
{
    /// <summary>On publication: a reminder for every point linked by then.</summary>
    internal async Task PlanRemindersAsync(Briefing briefing, CancellationToken ct)
    {
        foreach (var link in await LinksAsync(briefing.Id, ct))
        {
            await PlanReminderAsync(briefing, link, ct);
        }
    }

    internal async Task PlanReminderAsync(Briefing briefing, BriefingRemotePoint link, CancellationToken ct)
    {
        var point = link.RemotePoint ?? await db.RemotePoints.FindAsync([link.RemotePointId], ct);
        if (point is null || RecipientOf(point) is not { } recipient)
        {
            logger.LogInformation("Remote point {RemotePointId} has no contact e-mail: no reminder for briefing {BriefingId}", link.RemotePointId, briefing.Id);
            return;
        }

        await outbox.UpsertAsync(recipient, NotificationOutbox.Subjects.OfBriefing(briefing.Id, "remote-point-reminder"), NotificationKind.RemotePointReminder,
            briefing.Id, null, point.Id, await outbox.AtRemotePointAsync(new ReminderData { RemotePointId = point.Id }, briefing.Id, ct),
            briefing.StartsAt - options.Value.RemotePointReminderBefore, briefing.StartsAt, ct);
    }

    /// <summary>The point was unlinked: what was planned for it about this briefing goes.</summary>
    internal Task CancelForRemotePointAsync(Guid briefingId, Guid remotePointId, CancellationToken ct) =>
        outbox.CancelPendingAsync(briefingId, CancelReasons.RemotePointUnlinked, ct,
            row => row.RemotePointId == remotePointId && row.RecipientKey == RecipientKey(remotePointId));

    /// <summary>A reschedule, venue change or cancellation, told at once to every linked point.</summary>
    internal async Task PlanChangeNoticeAsync(Briefing briefing, NotificationKind kind, AttendanceData notice, CancellationToken ct)
    {
        foreach (var link in await LinksAsync(briefing.Id, ct))
        {
            var point = link.RemotePoint ?? await db.RemotePoints.FindAsync([link.RemotePointId], ct);
            if (point is not null && RecipientOf(point) is { } recipient)
            {
                var data = await outbox.AtRemotePointAsync(notice with { RemotePointId = point.Id }, briefing.Id, ct);
                await outbox.UpsertAsync(recipient, NotificationOutbox.Subjects.Change(briefing, kind), kind, briefing.Id, null, point.Id, data,
                    outbox.Now, briefing.EndsAt, ct);
            }
        }
    }

    private static string RecipientKey(Guid remotePointId) => $"remote-point:{remotePointId}";

    private static Recipient? RecipientOf(RemotePoint point) => point.ContactEmail is { Length: > 0 } email
        ? new Recipient(RecipientKey(point.Id), email, point.ContactName ?? point.Name, "vi", null)
        : null;

    /// <summary>The briefing's remote point links as this unit of work sees them (just linked included, just unlinked not).</summary>
    private async Task<List<BriefingRemotePoint>> LinksAsync(Guid briefingId, CancellationToken ct)
    {
        await db.BriefingRemotePoints.Include(l => l.RemotePoint).Where(l => l.BriefingId == briefingId).LoadAsync(ct);
        return db.BriefingRemotePoints.Local.Where(l => l.BriefingId == briefingId).ToList();
    }
}
