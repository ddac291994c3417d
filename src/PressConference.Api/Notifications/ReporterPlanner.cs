using Microsoft.Extensions.Options;
using PressConference.Api.Briefings;

namespace PressConference.Api.Notifications;

/// <summary>
/// What reporters hear: the decisions on their registration, their reminders while they hold a seat, and the changes
/// of a briefing they registered for. Planned in the caller's unit of work through <see cref="NotificationOutbox"/>.
/// </summary>
public sealed class ReporterPlanner(AppDbContext db, NotificationOutbox outbox, BriefingAudience audience, IOptions<NotificationOptions> options,
    ILogger<ReporterPlanner> logger)
{
    public static readonly NotificationKind[] DecisionKinds =
    [
        NotificationKind.RegistrationApproved, NotificationKind.RegistrationWaitlisted, NotificationKind.RegistrationPromoted,
        NotificationKind.RegistrationPendingReview, NotificationKind.RegistrationRejected,
    ];

    /// <summary>
    /// Tells the reporter of a decision on their registration, at once, with what <paramref name="data"/> carries for the
    /// template (and where they attend). A second call for the same registration, kind and <paramref name="decision"/>
    /// (the registration's version after the decision) plans nothing new; a later decision of the same kind (approved
    /// again after a review) is a notice of its own. An earlier decision still waiting to go out is superseded: the
    /// reporter hears only the latest.
    /// </summary>
    public async Task PlanRegistrationDecisionAsync(Guid registrationId, string reporterUserId, Guid briefingId, NotificationKind kind,
        RegistrationDecisionData data, CancellationToken ct, int? decision = null)
    {
        if (!DecisionKinds.Contains(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a registration decision.");
        }

        if (await db.Briefings.FindAsync([briefingId], ct) is not { Status: not (BriefingStatus.Cancelled or BriefingStatus.Completed) } briefing
            || await UserAsync(reporterUserId, ct) is not { } recipient)
        {
            return; // a decision on a briefing that is over or called off tells nobody anything
        }

        var subject = NotificationOutbox.Subjects.Decision(registrationId, decision);
        await CancelPendingDecisionsAsync(registrationId, subject, ct);
        await outbox.UpsertAsync(recipient, subject, kind, briefing.Id, registrationId, data.RemotePointId,
            await outbox.AtRemotePointAsync(data, briefing.Id, ct), outbox.Now, briefing.EndsAt, ct);
    }

    /// <summary>Cancels the registration's decision notices not yet sent (but the one for <paramref name="keep"/>).</summary>
    public Task CancelPendingDecisionsAsync(Guid registrationId, string? keep, CancellationToken ct) =>
        outbox.CancelPendingForRegistrationAsync(registrationId, CancelReasons.Superseded, n => DecisionKinds.Contains(n.Kind) && n.Subject != keep, ct);

    /// <summary>Plans the reporter's reminders before the briefing (<c>Notifications:ReporterReminderOffsets</c>, default 24 h and 2 h).</summary>
    public Task PlanReporterRemindersAsync(Guid registrationId, string reporterUserId, Guid briefingId, CancellationToken ct) =>
        PlanReporterRemindersAsync(registrationId, reporterUserId, briefingId, new ReminderData(), ct);

    /// <summary>As above, with the pass link, and the remote point when the reporter attends at one.</summary>
    public async Task PlanReporterRemindersAsync(Guid registrationId, string reporterUserId, Guid briefingId, ReminderData data, CancellationToken ct)
    {
        if (await db.Briefings.FindAsync([briefingId], ct) is not { } briefing || !Briefing.LiveStatuses.Contains(briefing.Status)
            || await UserAsync(reporterUserId, ct) is not { } recipient)
        {
            return; // only a published briefing that has not taken place is worth a reminder
        }

        var placed = await outbox.AtRemotePointAsync(data, briefing.Id, ct);
        var offsets = options.Value.EffectiveReporterReminderOffsets;
        for (var i = 0; i < offsets.Count; i++)
        {
            // A reminder is worth sending late only until the next (closer) one is due, and the last one until the start.
            var notAfter = i + 1 < offsets.Count ? briefing.StartsAt - offsets[i + 1] : briefing.StartsAt;
            await outbox.UpsertAsync(recipient, NotificationOutbox.Subjects.Reminder(registrationId, offsets[i]), NotificationKind.BriefingReminder,
                briefing.Id, registrationId, data.RemotePointId, placed, briefing.StartsAt - offsets[i], notAfter, ct);
        }
    }

    /// <summary>Cancels the registration's reminders that have not gone out (the registration was withdrawn or rejected).</summary>
    public Task CancelReporterRemindersAsync(Guid registrationId, CancellationToken ct) =>
        outbox.CancelPendingForRegistrationAsync(registrationId, CancelReasons.RegistrationCancelled, n => n.Kind == NotificationKind.BriefingReminder, ct);

    /// <summary>A reschedule, venue change or cancellation, told at once to every reporter with an open registration.</summary>
    internal async Task PlanChangeNoticeAsync(Briefing briefing, NotificationKind kind, AttendanceData notice, CancellationToken ct)
    {
        foreach (var member in await audience.ReportersAsync(briefing.Id, ct))
        {
            if (await UserAsync(member.ReporterUserId, ct) is { } recipient)
            {
                var data = await outbox.AtRemotePointAsync(notice with { RemotePointId = member.RemotePointId }, briefing.Id, ct);
                await outbox.UpsertAsync(recipient, NotificationOutbox.Subjects.Change(briefing, kind), kind, briefing.Id, member.RegistrationId,
                    member.RemotePointId, data, outbox.Now, briefing.EndsAt, ct);
            }
        }
    }

    private async Task<Recipient?> UserAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.FindAsync([userId], ct);
        if (user?.Email is not { Length: > 0 } email)
        {
            logger.LogWarning("User {UserId} has no e-mail address: nothing planned", userId);
            return null;
        }

        return Recipient.ForUser(user, email);
    }
}
