using System.Globalization;
using Microsoft.Extensions.Options;
using PressConference.Api.Briefings;
using PressConference.Api.Compliance;
using PressConference.Api.Identity;

namespace PressConference.Api.Notifications;

/// <summary>
/// What the office hears (staff in the Organizer role and its shared addresses): the digest when registration closes,
/// the preparation reminder of a series' next briefing, and the warning before the compliance deadline.
/// </summary>
public sealed class OfficePlanner(AppDbContext db, NotificationOutbox outbox, IOptions<NotificationOptions> options,
    ComplianceMonitor compliance)
{
    private NotificationOptions Options => options.Value;

    /// <summary>On publication: the digest at closing time (registration may close at the very start), a series' preparation reminder.</summary>
    internal async Task PlanBriefingAsync(Briefing briefing, CancellationToken ct)
    {
        foreach (var organizer in await OrganizersAsync(ct))
        {
            await PlanDigestAsync(organizer, briefing, briefing.RegistrationClosesAt, ct);
            if (briefing.SeriesId is not null)
            {
                await PlanPreparationAsync(organizer, briefing, ct);
            }
        }
    }

    /// <summary>Registration closed by hand: the digest goes out now instead of at the planned closing time.</summary>
    internal async Task PlanDigestNowAsync(Briefing briefing, CancellationToken ct)
    {
        foreach (var organizer in await OrganizersAsync(ct))
        {
            await PlanDigestAsync(organizer, briefing, outbox.Now, ct);
        }
    }

    /// <summary>
    /// A regular briefing was held: the office must hold the next one within the compliance interval. The warning is
    /// planned for some days before that deadline and checked again when due (it is dropped if the next briefing is
    /// scheduled in time by then).
    /// </summary>
    internal async Task PlanComplianceWarningAsync(Briefing held, CancellationToken ct)
    {
        var months = compliance.MaxIntervalMonths;
        var deadline = compliance.DeadlineAfter(held.StartsAt).UtcDateTime;
        var data = new ComplianceWarningData(held.HostAgency, deadline, held.StartsAt, held.Title, months);
        var subject = $"compliance:{held.HostAgencyKey}:{deadline.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}";
        foreach (var organizer in await OrganizersAsync(ct))
        {
            await outbox.UpsertAsync(organizer, subject.Length > 200 ? subject[..200] : subject, NotificationKind.ComplianceWarning, null, null, null, data,
                deadline - Options.ComplianceWarningBefore, deadline, ct);
        }
    }

    /// <summary>
    /// The daily sweep: plans what no single change announces. The compliance warning from the last regular briefing
    /// held (marked completed or not), and the preparation reminder of each series' next occurrence, drafts included
    /// (a draft's time can change without a reschedule, so planning again moves the reminder). Saves.
    /// </summary>
    public async Task PlanDailyAsync(string officeHostAgency, CancellationToken ct)
    {
        var now = outbox.Now;
        var state = await compliance.EvaluateAsync(officeHostAgency, now, ct);
        if (state.LastHeld is { } last && await db.Briefings.FindAsync([last.Id], ct) is { } held)
        {
            await PlanComplianceWarningAsync(held, ct);
        }

        var nextOfEachSeries = await db.Briefings
            .Where(b => b.SeriesId != null && b.StartsAt > now && b.Status != BriefingStatus.Cancelled && b.Status != BriefingStatus.Completed)
            .GroupBy(b => b.SeriesId).Select(g => g.Min(b => b.StartsAt)).ToListAsync(ct);
        var upcoming = await db.Briefings.Where(b => b.SeriesId != null && nextOfEachSeries.Contains(b.StartsAt)
            && b.Status != BriefingStatus.Cancelled && b.Status != BriefingStatus.Completed).ToListAsync(ct);
        foreach (var briefing in upcoming)
        {
            foreach (var organizer in await OrganizersAsync(ct))
            {
                await PlanPreparationAsync(organizer, briefing, ct);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private Task PlanDigestAsync(Recipient organizer, Briefing briefing, DateTime dueAt, CancellationToken ct) =>
        outbox.UpsertAsync(organizer, NotificationOutbox.Subjects.OfBriefing(briefing.Id, "digest"), NotificationKind.RegistrationClosedDigest, briefing.Id,
            null, null, new BriefingData(), dueAt, briefing.EndsAt, ct);

    private Task PlanPreparationAsync(Recipient organizer, Briefing briefing, CancellationToken ct) =>
        outbox.UpsertAsync(organizer, NotificationOutbox.Subjects.OfBriefing(briefing.Id, "preparation"), NotificationKind.SeriesPreparation, briefing.Id,
            null, null, new BriefingData(), briefing.StartsAt - Options.SeriesPreparationBefore, briefing.StartsAt, ct);

    /// <summary>Office staff in the Organizer role, and the office's shared addresses from the settings.</summary>
    private async Task<List<Recipient>> OrganizersAsync(CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Organizer)))
            .OrderBy(u => u.Email).ToListAsync(ct);
        var recipients = users.Where(u => !string.IsNullOrWhiteSpace(u.Email)).Select(u => Recipient.ForUser(u, u.Email!)).ToList();
        foreach (var address in Options.OfficeAddresses ?? [])
        {
            var mailbox = MimeKit.MailboxAddress.Parse(address);
            if (recipients.All(r => !string.Equals(r.Address, mailbox.Address, StringComparison.OrdinalIgnoreCase)))
            {
                recipients.Add(new Recipient($"address:{mailbox.Address.ToLowerInvariant()}", mailbox.Address, mailbox.Name, "vi", null));
            }
        }

        return recipients;
    }
}
