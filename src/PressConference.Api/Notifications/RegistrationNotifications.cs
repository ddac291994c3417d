using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PressConference.Api.Accreditation;
using PressConference.Api.Data;
using PressConference.Api.Infrastructure;

namespace PressConference.Api.Notifications;

/// <summary>
/// Tells the reporter of every decision on their registration, and keeps their reminders planned exactly while they
/// hold a seat. Runs inside the decision's unit of work, so the decision and its notice are saved together.
/// </summary>
public sealed class RegistrationNotifications(AppDbContext db, NotificationPlanner planner, SeatLedger seats, IOptions<NotificationOptions> options)
    : IRegistrationStatusHandler
{
    public async Task HandleAsync(RegistrationStatusChange change, CancellationToken ct)
    {
        var registration = change.Registration;
        var data = new Dictionary<string, string?>
        {
            ["passUrl"] = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/registrations/{registration.Id}/pass.html",
            ["remotePointId"] = registration.RemotePointId?.ToString(),
        };

        switch (registration.Status)
        {
            case RegistrationStatus.Approved:
                var kind = change.Previous == RegistrationStatus.Waitlisted ? NotificationKind.RegistrationPromoted : NotificationKind.RegistrationApproved;
                await planner.PlanRegistrationDecisionAsync(registration.Id, registration.ReporterId, registration.BriefingId, kind, data, ct,
                    registration.Version);
                await planner.PlanReporterRemindersAsync(registration.Id, registration.ReporterId, registration.BriefingId, data, ct);
                return;
            case RegistrationStatus.Waitlisted:
                data["waitlistPosition"] = (await seats.PositionAsync(registration, ct))?.ToString(CultureInfo.InvariantCulture);
                await planner.PlanRegistrationDecisionAsync(registration.Id, registration.ReporterId, registration.BriefingId,
                    NotificationKind.RegistrationWaitlisted, data, ct, registration.Version);
                break;
            case RegistrationStatus.PendingReview:
                data["reasons"] = await ReasonsAsync(registration, withSoftFindings: true, change.Reason, ct);
                await planner.PlanRegistrationDecisionAsync(registration.Id, registration.ReporterId, registration.BriefingId,
                    NotificationKind.RegistrationPendingReview, data, ct, registration.Version);
                break;
            case RegistrationStatus.Rejected:
                data["reasons"] = await ReasonsAsync(registration, withSoftFindings: false, change.Reason, ct);
                await planner.PlanRegistrationDecisionAsync(registration.Id, registration.ReporterId, registration.BriefingId,
                    NotificationKind.RegistrationRejected, data, ct, registration.Version);
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
            .Select(f => Texts.Get(culture, $"finding.{f.Code}", f.Args.Cast<object?>().ToArray()))
            .ToList();
        if (!string.IsNullOrWhiteSpace(reason))
        {
            lines.Add(reason.Trim());
        }

        return string.Join('\n', lines);
    }
}

/// <summary>Who is registered for a briefing, read from the registrations as saved (not as the current change leaves them).</summary>
public sealed class RegistrationAudience(AppDbContext db) : IBriefingAudience
{
    public async Task<IReadOnlyList<BriefingAudienceMember>> ReportersAsync(Guid briefingId, CancellationToken ct) =>
        await db.Registrations.AsNoTracking()
            .Where(r => r.BriefingId == briefingId && Registration.OpenStatuses.Contains(r.Status))
            .OrderBy(r => r.CreatedAt)
            .Select(r => new BriefingAudienceMember(r.Id, r.ReporterId, r.RemotePointId))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<ExpectedReporter>> ExpectedAtRemotePointAsync(Guid briefingId, Guid remotePointId, CancellationToken ct) =>
        await db.Registrations.AsNoTracking()
            .Where(r => r.BriefingId == briefingId && r.RemotePointId == remotePointId && r.Status == RegistrationStatus.Approved)
            .OrderBy(r => r.HolderName)
            .Select(r => new ExpectedReporter(r.HolderName, r.OutletName))
            .ToListAsync(ct);

    public async Task<RegistrationDigest> DigestAsync(Guid briefingId, CancellationToken ct)
    {
        var counts = await db.Registrations.AsNoTracking().Where(r => r.BriefingId == briefingId)
            .GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var pending = await db.Registrations.AsNoTracking()
            .Where(r => r.BriefingId == briefingId && r.Status == RegistrationStatus.PendingReview)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new ExpectedReporter(r.HolderName, r.OutletName))
            .ToListAsync(ct);
        return new RegistrationDigest(counts.ToDictionary(c => c.Status.ToString(), c => c.Count), pending);
    }
}
