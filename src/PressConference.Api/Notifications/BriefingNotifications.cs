using PressConference.Api.Briefings;

namespace PressConference.Api.Notifications;

/// <summary>
/// Follows every briefing change inside the unit of work that saves it: reminders planned on publication, moved on
/// a reschedule, cancelled with the briefing; the people concerned told of a new time, venue or a cancellation.
/// </summary>
internal sealed class BriefingNotifications(NotificationOutbox outbox, ReporterPlanner reporters, RemotePointPlanner points, OfficePlanner office)
    : IBriefingChangeHandler
{
    public async Task HandleAsync(BriefingChange change, CancellationToken ct)
    {
        var briefing = change.Briefing;
        switch (change)
        {
            case BriefingPublished:
                await points.PlanLinkedAsync(briefing, ct);
                await points.PlanRemindersAsync(briefing, ct);
                await office.PlanBriefingAsync(briefing, ct);
                break;

            case BriefingRegistrationClosed:
                await office.PlanDigestNowAsync(briefing, ct);
                break;

            case BriefingRescheduled { OldStartsAt: var oldStart } rescheduled:
                await outbox.MoveRemindersAsync(briefing.Id, briefing.StartsAt - oldStart, ct);
                await TellAsync(briefing, NotificationKind.BriefingRescheduled, new RescheduledData(oldStart, rescheduled.OldEndsAt, change.Reason), ct);
                break;

            case BriefingVenueChanged venueChanged:
                await TellAsync(briefing, NotificationKind.BriefingVenueChanged, new VenueChangedData(venueChanged.OldVenue, change.Reason), ct);
                break;

            case BriefingCancelled:
                await outbox.CancelPendingAsync(briefing.Id, CancelReasons.BriefingCancelled, ct);
                if (briefing.PublishedAt is not null)
                {
                    await TellAsync(briefing, NotificationKind.BriefingCancelled, new CancelledData(change.Reason ?? briefing.CancellationReason), ct);
                }

                break;

            case BriefingCompleted:
                await outbox.CancelPendingAsync(briefing.Id, CancelReasons.BriefingCompleted, ct);
                if (briefing.Kind == BriefingKind.Regular)
                {
                    await office.PlanComplianceWarningAsync(briefing, ct);
                }

                break;

            case BriefingRemotePointLinked { RemotePointId: var linked } when Briefing.LiveStatuses.Contains(briefing.Status):
                var link = briefing.RemotePoints.FirstOrDefault(l => l.RemotePointId == linked)
                    ?? await points.LinkAsync(briefing.Id, linked, ct)
                    ?? new BriefingRemotePoint { BriefingId = briefing.Id, RemotePointId = linked, LinkedAt = change.At };
                // Told first, then reminded: a point hears nothing about a briefing before it hears it is linked to it.
                await points.PlanLinkedAsync(briefing, link, ct);
                await points.PlanReminderAsync(briefing, link, ct);
                break;

            case BriefingRemotePointUnlinked { RemotePointId: var unlinked }:
                await points.UnlinkAsync(briefing, unlinked, ct);
                break;
        }
    }

    /// <summary>A change told at once to the linked remote points and the reporters registered (the briefing is read as it is when sent).</summary>
    private async Task TellAsync(Briefing briefing, NotificationKind kind, AttendanceData notice, CancellationToken ct)
    {
        await points.PlanChangeNoticeAsync(briefing, kind, notice, ct);
        await reporters.PlanChangeNoticeAsync(briefing, kind, notice, ct);
    }
}
