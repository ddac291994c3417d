using Microsoft.Extensions.Options;
using PressConference.Api.Briefings;
using PressConference.Api.RemotePoints;

namespace PressConference.Api.Notifications;

/// <summary>
/// What a remote point's contact hears: that it is linked to a published briefing (when, its seats, the video link)
/// before anything else about it, a reminder before the briefing (with the reporters expected there), the changes of
/// the briefing once it has heard of the link, and that it is no longer linked. A point without a contact e-mail
/// hears nothing.
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

    /// <summary>On publication: every point linked by then is told of its link.</summary>
    internal async Task PlanLinkedAsync(Briefing briefing, CancellationToken ct)
    {
        foreach (var link in await LinksAsync(briefing.Id, ct))
        {
            await PlanLinkedAsync(briefing, link, ct);
        }
    }

    /// <summary>The link as this unit of work sees it (just linked included).</summary>
    internal async Task<BriefingRemotePoint?> LinkAsync(Guid briefingId, Guid remotePointId, CancellationToken ct) =>
        (await LinksAsync(briefingId, ct)).FirstOrDefault(l => l.RemotePointId == remotePointId);

    /// <summary>
    /// The point is told at once that it is linked to the (published) briefing, with its seats and video link; the
    /// notice shows the briefing as it is when it goes out. One notice per link: linked again later, told again.
    /// </summary>
    internal async Task PlanLinkedAsync(Briefing briefing, BriefingRemotePoint link, CancellationToken ct)
    {
        var point = link.RemotePoint ?? await db.RemotePoints.FindAsync([link.RemotePointId], ct);
        if (point is null || RecipientOf(point) is not { } recipient)
        {
            return;
        }

        var data = await outbox.AtRemotePointAsync(new RemotePointLinkData(link.Capacity) { RemotePointId = point.Id }, briefing.Id, ct);
        await outbox.UpsertAsync(recipient, LinkSubject(briefing.Id, "remote-point-linked", link.LinkedAt), NotificationKind.RemotePointLinked,
            briefing.Id, null, point.Id, data, outbox.Now, briefing.EndsAt, ct);
    }

    /// <summary>
    /// The point was unlinked: what was planned for it about this briefing goes, and a point that had heard of the
    /// link (of a briefing still to be held) hears that it is gone. One that had not heard of it yet hears nothing.
    /// </summary>
    internal async Task UnlinkAsync(Briefing briefing, Guid remotePointId, CancellationToken ct)
    {
        // The link's row is removed in this unit of work but not saved yet: the database still has when it was made.
        var linkedAt = await db.BriefingRemotePoints.AsNoTracking().Where(l => l.BriefingId == briefing.Id && l.RemotePointId == remotePointId)
            .Select(l => (DateTime?)l.LinkedAt).FirstOrDefaultAsync(ct);
        var told = briefing.PublishedAt is not null && Briefing.LiveStatuses.Contains(briefing.Status)
            && await HeardOfLinkAsync(briefing.Id, remotePointId, linkedAt, ct);
        await outbox.CancelPendingAsync(briefing.Id, CancelReasons.RemotePointUnlinked, ct,
            row => row.RemotePointId == remotePointId && row.RecipientKey == RecipientKey(remotePointId));
        if (!told || await db.RemotePoints.FindAsync([remotePointId], ct) is not { } point || RecipientOf(point) is not { } recipient)
        {
            return;
        }

        var data = await outbox.AtRemotePointAsync(new RemotePointLinkData { RemotePointId = point.Id }, briefing.Id, ct);
        await outbox.UpsertAsync(recipient, LinkSubject(briefing.Id, "remote-point-unlinked", linkedAt), NotificationKind.RemotePointUnlinked,
            briefing.Id, null, point.Id, data, outbox.Now, briefing.EndsAt, ct);
    }

    /// <summary>
    /// A reschedule, venue change or cancellation, told at once to every linked point that has heard of its link. One
    /// whose notice of the link has not gone out yet needs nothing more: that notice shows the briefing as it is when
    /// sent, and a cancellation took it back.
    /// </summary>
    internal async Task PlanChangeNoticeAsync(Briefing briefing, NotificationKind kind, AttendanceData notice, CancellationToken ct)
    {
        foreach (var link in await LinksAsync(briefing.Id, ct))
        {
            var point = link.RemotePoint ?? await db.RemotePoints.FindAsync([link.RemotePointId], ct);
            if (point is not null && RecipientOf(point) is { } recipient && await HeardOfLinkAsync(briefing.Id, point.Id, link.LinkedAt, ct))
            {
                var data = await outbox.AtRemotePointAsync(notice with { RemotePointId = point.Id }, briefing.Id, ct);
                await outbox.UpsertAsync(recipient, NotificationOutbox.Subjects.Change(briefing, kind), kind, briefing.Id, null, point.Id, data,
                    outbox.Now, briefing.EndsAt, ct);
            }
        }
    }

    /// <summary>
    /// Whether the notice of the link went out (sending, sent or failed after its attempts). A link older than these
    /// notices has none and counts as known: its point heard of the briefing from its reminders and change notices.
    /// </summary>
    private async Task<bool> HeardOfLinkAsync(Guid briefingId, Guid remotePointId, DateTime? linkedAt, CancellationToken ct)
    {
        if (linkedAt is null)
        {
            return true;
        }

        var key = RecipientKey(remotePointId);
        var subject = LinkSubject(briefingId, "remote-point-linked", linkedAt);
        var row = db.Notifications.Local.FirstOrDefault(n => n.RecipientKey == key && n.Subject == subject && n.Kind == NotificationKind.RemotePointLinked)
            ?? await db.Notifications.FirstOrDefaultAsync(n => n.RecipientKey == key && n.Subject == subject && n.Kind == NotificationKind.RemotePointLinked, ct);
        return row is null || row.Status is not (NotificationStatus.Pending or NotificationStatus.Cancelled);
    }

    /// <summary>One subject per link (a point linked, unlinked and linked again hears each time).</summary>
    private static string LinkSubject(Guid briefingId, string what, DateTime? linkedAt) =>
        NotificationOutbox.Subjects.OfBriefing(briefingId, linkedAt is { } at ? $"{what}:{at.Ticks}" : what);

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
