using PressConference.Api.Briefings;

namespace PressConference.Api.Notifications;

/// <summary>
/// Follows every briefing change inside the unit of work that saves it: reminders planned on publication, moved on
/// a reschedule, cancelled with the briefing; the people concerned told of a new time, venue or a cancellation.
/// </summary>
internal sealed class BriefingNotifications(NotificationPlanner planner) : IBriefingChangeHandler
{
    public async Task HandleAsync(BriefingChange change, CancellationToken ct)
    {
        var briefing = change.Briefing;
        switch (change)
        {
            case BriefingPublished:
                await planner.PlanBriefingAsync(briefing, ct);
                break;

            case BriefingRegistrationClosed:
                await planner.PlanDigestNowAsync(briefing, ct);
                break;

            case BriefingRescheduled { OldStartsAt: var oldStart } rescheduled:
                await planner.MoveRemindersAsync(briefing, briefing.StartsAt - oldStart, ct);
                await planner.PlanChangeNoticeAsync(briefing, NotificationKind.BriefingRescheduled, new Dictionary<string, string?>
                {
                    ["oldStartsAt"] = NotificationPlanner.Instant(oldStart),
                    ["oldEndsAt"] = NotificationPlanner.Instant(rescheduled.OldEndsAt),
                    ["reason"] = change.Reason,
                }, ct);
                break;

            case BriefingVenueChanged venueChanged:
                await planner.RefreshAsync(briefing, ct);
                await planner.PlanChangeNoticeAsync(briefing, NotificationKind.BriefingVenueChanged, new Dictionary<string, string?>
                {
                    ["oldVenue"] = venueChanged.OldVenue,
                    ["reason"] = change.Reason,
                }, ct);
                break;

            case BriefingCancelled:
                await planner.CancelPendingAsync(briefing.Id, CancelReasons.BriefingCancelled, ct);
                if (briefing.PublishedAt is not null)
                {
                    await planner.PlanChangeNoticeAsync(briefing, NotificationKind.BriefingCancelled,
                        new Dictionary<string, string?> { ["reason"] = change.Reason ?? briefing.CancellationReason }, ct);
                }

                break;

            case BriefingCompleted:
                await planner.CancelPendingAsync(briefing.Id, CancelReasons.BriefingCompleted, ct);
                if (briefing.Kind == BriefingKind.Regular)
                {
                    await planner.PlanComplianceWarningAsync(briefing, ct);
                }

                break;

            case BriefingRemotePointLinked { RemotePointId: var linked } when Briefing.LiveStatuses.Contains(briefing.Status):
                var link = briefing.RemotePoints.FirstOrDefault(l => l.RemotePointId == linked);
                await planner.PlanRemotePointReminderAsync(briefing, link ?? new BriefingRemotePoint { BriefingId = briefing.Id, RemotePointId = linked }, ct);
                break;

            case BriefingRemotePointUnlinked { RemotePointId: var unlinked }:
                await planner.CancelForRemotePointAsync(briefing.Id, unlinked, ct);
                break;
        }
    }
}
