using System.Globalization;
using Microsoft.Extensions.Options;
using PressConference.Api.Accreditation;

namespace PressConference.Api.Notifications;

/// <summary>
/// Tells the reporter of every decision on their registration, and keeps their reminders planned exactly while they
/// hold a seat. Runs inside the decision's unit of work, so the decision and its notice are saved together.
/// </summary>
public sealed class RegistrationNotifications(AppDbContext db, ReporterPlanner planner, SeatLedger seats, IOptions<NotificationOptions> options)
    : IRegistrationStatusHandler
{
    public async Task HandleAsync(RegistrationStatusChange change, CancellationToken ct)
    {
        var registration = change.Registration;
        var passUrl = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/registrations/{registration.Id}/pass.html";
        var data = new RegistrationDecisionData(passUrl) { RemotePointId = registration.RemotePointId };

        switch (registration.Status)
        {
            case RegistrationStatus.Approved:
                var kind = change.Previous == RegistrationStatus.Waitlisted ? NotificationKind.RegistrationPromoted : NotificationKind.RegistrationApproved;
                await planner.PlanRegistrationDecisionAsync(registration.Id, registration.ReporterId, registration.BriefingId, kind, data, ct,
                    registration.Version);
                await planner.PlanReporterRemindersAsync(registration.Id, registration.ReporterId, registration.BriefingId,
                    new ReminderData(passUrl) { RemotePointId = registration.RemotePointId }, ct);
                return;
            case RegistrationStatus.Waitlisted:
                var position = await seats.PositionAsync(registration, ct);
                await planner.PlanRegistrationDecisionAsync(registration.Id, registration.ReporterId, registration.BriefingId,
                    NotificationKind.RegistrationWaitlisted, data with { WaitlistPosition = position }, ct, registration.Version);
                break;
            case RegistrationStatus.PendingReview:
                await planner.PlanRegistrationDecisionAsync(registration.Id, registration.ReporterId, registration.BriefingId,
                    NotificationKind.RegistrationPendingReview, data with { Reasons = await ReasonsAsync(registration, withSoftFindings: true, change.Reason, ct) },
                    ct, registration.Version);
                break;
            case RegistrationStatus.Rejected:
                await planner.PlanRegistrationDecisionAsync(registration.Id, registration.ReporterId, registration.BriefingId,
                    NotificationKind.RegistrationRejected, data with { Reasons = await ReasonsAsync(registration, withSoftFindings: false, change.Reason, ct) },
                    ct, registration.Version);
                break;
            case RegistrationStatus.Cancelled:
                // The reporter withdrew (or the briefing was called off, which has its own notice): nothing earlier still matters.
                await planner.CancelPendingDecisionsAsync(registration.Id, keep: null, ct);
                break;
        }

        // Anything but Approved holds no seat: reminders planned for an earlier approval go.
        await planner.CancelReporterRemindersAsync(registration.Id, ct);
    }

    /// <summary>
    /// Why, one line each in the reporter's language: for a rejection its hard findings, for a review every finding
    /// (a re-check adds hard ones to the soft); then the organizer's reason.
    /// </summary>
    private async Task<string> ReasonsAsync(Registration registration, bool withSoftFindings, string? reason, CancellationToken ct)
    {
        var language = await db.Users.Where(u => u.Id == registration.ReporterId).Select(u => u.PreferredLanguage).FirstOrDefaultAsync(ct);
        var culture = CultureInfo.GetCultureInfo(language == "en" ? "en" : "vi");
        var lines = registration.FindingList.Where(f => withSoftFindings || f.Severity == FindingSeverity.Hard)
            .Select(f => ReasonLine(culture, f))
            .ToList();
        if (!string.IsNullOrWhiteSpace(reason))
        {
            lines.Add(reason.Trim());
        }

        return string.Join('\n', lines);
    }

    /// <summary>
    /// A finding as a reason in a mail, in the reporter's language. A mail addresses its reader as "anh/chị": where the
    /// API's sentence for a finding speaks to the reader otherwise, the mail has its own wording (<c>mail.finding.*</c>).
    /// </summary>
    internal static string ReasonLine(CultureInfo culture, Finding finding)
    {
        var key = Texts.All.ContainsKey($"mail.finding.{finding.Code}") ? $"mail.finding.{finding.Code}" : $"finding.{finding.Code}";
        return Texts.Get(culture, key, finding.Args.Cast<object?>().ToArray());
    }
}
