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
        switch (change.Kind)
        {
            case BriefingChangeKind.Published:
                await points.PlanRemindersAsync(briefing, ct);
                await office.PlanBriefingAsync(briefing, ct);
                break;

            case BriefingChangeKind.RegistrationClosed:
                await office.PlanDigestNowAsync(briefing, ct);
                break;

            case BriefingChangeKind.Rescheduled when change.OldStartsAt is { } oldStart:
                await outbox.MoveRemindersAsync(briefing.Id, briefing.StartsAt - oldStart, ct);
                await TellAsync(briefing, NotificationKind.BriefingRescheduled, new RescheduledData(oldStart, change.OldEndsAt ?? oldStart, change.Reason), ct);
                break;

            case BriefingChangeKind.VenueChanged:
                await TellAsync(briefing, NotificationKind.BriefingVenueChanged, new VenueChangedData(change.OldVenue, change.Reason), ct);
                break;

            case BriefingChangeKind.Cancelled:
                await outbox.CancelPendingAsync(briefing.Id, CancelReasons.BriefingCancelled, ct);
                if (briefing.PublishedAt is not null)
                {
                    await TellAsync(briefing, NotificationKind.BriefingCancelled, new CancelledData(change.Reason ?? briefing.CancellationReason), ct);
                }

                break;

            case BriefingChangeKind.Completed:
                await outbox.CancelPendingAsync(briefing.Id, CancelReasons.BriefingCompleted, ct);
                if (briefing.Kind == BriefingKind.Regular)
                {
                    await office.PlanComplianceWarningAsync(briefing, ct);
                }

                break;

            case BriefingChangeKind.RemotePointLinked when change.RemotePointId is { } linked && Briefing.LiveStatuses.Contains(briefing.Status):
                var link = briefing.RemotePoints.FirstOrDefault(l => l.RemotePointId == linked);
                await points.PlanReminderAsync(briefing, link ?? new BriefingRemotePoint { BriefingId = briefing.Id, RemotePointId = linked }, ct);
                break;

            case BriefingChangeKind.RemotePointUnlinked when change.RemotePointId is { } unlinked:
                await points.CancelForRemotePointAsync(briefing.Id, unlinked, ct);
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
