using PressConference.Api.Briefings;

namespace PressConference.Api.Accreditation;

/// <summary>
/// Follows briefings: a reschedule re-checks credentials, more seats move the waitlist up, a cancellation cancels every
/// registration. The only place Accreditation reads a <see cref="BriefingChange"/>; the decisions take plain values.
/// </summary>
public sealed class RegistrationBriefingHandler(RegistrationDecisions decisions) : IBriefingChangeHandler
{
    public Task HandleAsync(BriefingChange change, CancellationToken ct) => change switch
    {
        BriefingCancelled => decisions.CancelForBriefingAsync(change.Briefing.Id, change.Reason, change.At, ct),
        BriefingRescheduled => decisions.RecheckAfterRescheduleAsync(change.Briefing, change.Reason, change.At, ct),
        BriefingCapacityRaised => decisions.PromoteAfterCapacityRaisedAsync(change.Briefing, change.Reason, change.At, ct),
        _ => Task.CompletedTask,
    };
}
