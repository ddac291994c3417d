using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PressConference.Api.Briefings;
using PressConference.Api.Compliance;
using PressConference.Api.Data;
using PressConference.Api.Identity;
using PressConference.Api.Infrastructure;

namespace PressConference.Api.Notifications;

/// <summary>Someone a message can be addressed to, resolved when it is planned.</summary>
internal sealed record Recipient(string Key, string Address, string? Name, string Language, string? UserId);

/// <summary>
/// Plans notifications as outbox rows in the caller's unit of work: everything here adds to or changes tracked
/// entities of the scoped <see cref="AppDbContext"/> and saves nothing, so the rows are committed with the change that
/// caused them, or not at all. Planning is idempotent: a row is found again by (recipient, subject, kind).
/// </summary>
public sealed class NotificationPlanner(AppDbContext db, IBriefingAudience audience, IOptions<NotificationOptions> options,
    ComplianceMonitor compliance, TimeProvider clock, ILogger<NotificationPlanner> logger)
{
    public static readonly NotificationKind[] DecisionKinds =
    [
        NotificationKind.RegistrationApproved, NotificationKind.RegistrationWaitlisted, NotificationKind.RegistrationPromoted,
        NotificationKind.RegistrationPendingReview, NotificationKind.RegistrationRejected,
    ];

    private NotificationOptions Options => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // ---- Reporters: called by the registration workflow --------------------------------------------------------------

    /// <summary>
    /// Tells the reporter of a decision on their registration, at once. <paramref name="data"/> carries what the
    /// template shows: "waitlistPosition", "reasons" (one per line), "passUrl", "remotePointId" (where they attend).
    /// A second call for the same registration, kind and <paramref name="decision"/> (the registration's version after the
    /// decision) plans nothing new; a later decision
    /// of the same kind (approved again after a review) is a notice of its own. An earlier decision still waiting to go
    /// out is superseded: the reporter hears only the latest.
    /// </summary>
    public async Task PlanRegistrationDecisionAsync(Guid registrationId, string reporterUserId, Guid briefingId, NotificationKind kind,
        IReadOnlyDictionary<string, string?> data, CancellationToken ct, int? decision = null)
    {
        if (!DecisionKinds.Contains(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a registration decision.");
        }

        if (await BriefingAsync(briefingId, ct) is not { Status: not (BriefingStatus.Cancelled or BriefingStatus.Completed) } briefing
            || await UserAsync(reporterUserId, ct) is not { } recipient)
        {
            return; // a decision on a briefing that is over or called off tells nobody anything
        }

        var subject = decision is { } n ? $"registration:{registrationId}:{n}" : $"registration:{registrationId}";
        await CancelPendingDecisionsAsync(registrationId, subject, ct);
        var values = await FactsAsync(briefing, data, ct);
        await UpsertAsync(recipient, subject, kind, briefing.Id, registrationId, RemotePointOf(data), values, Now, briefing.EndsAt, ct);
    }

    /// <summary>Cancels the registration's decision notices not yet sent (but the one for <paramref name="keep"/>).</summary>
    public async Task CancelPendingDecisionsAsync(Guid registrationId, string? keep, CancellationToken ct)
    {
        await db.Notifications.Where(n => n.RegistrationId == registrationId && n.Status == NotificationStatus.Pending).LoadAsync(ct);
        foreach (var row in db.Notifications.Local.Where(n => n.RegistrationId == registrationId && n.Status == NotificationStatus.Pending
                     && DecisionKinds.Contains(n.Kind) && n.Subject != keep))
        {
            row.Cancel(CancelReasons.Superseded, Now);
        }
    }

    /// <summary>Plans the reporter's reminders before the briefing (<c>Notifications:ReporterReminderOffsets</c>, default 24 h and 2 h).</summary>
    public Task PlanReporterRemindersAsync(Guid registrationId, string reporterUserId, Guid briefingId, CancellationToken ct) =>
        PlanReporterRemindersAsync(registrationId, reporterUserId, briefingId, new Dictionary<string, string?>(), ct);

    /// <summary>As above, with template data: "passUrl", and "remotePointId" when the reporter attends at a remote point.</summary>
    public async Task PlanReporterRemindersAsync(Guid registrationId, string reporterUserId, Guid briefingId,
        IReadOnlyDictionary<string, string?> data, CancellationToken ct)
    {
        if (await BriefingAsync(briefingId, ct) is not { } briefing || !Briefing.LiveStatuses.Contains(briefing.Status)
            || await UserAsync(reporterUserId, ct) is not { } recipient)
        {
            return; // only a published briefing that has not taken place is worth a reminder
        }

        var values = await FactsAsync(briefing, data, ct);
        var offsets = Options.EffectiveReporterReminderOffsets;
        for (var i = 0; i < offsets.Count; i++)
        {
            // A reminder is worth sending late only until the next (closer) one is due, and the last one until the start.
            var notAfter = i + 1 < offsets.Count ? briefing.StartsAt - offsets[i + 1] : briefing.StartsAt;
            var subject = $"registration:{registrationId}:reminder:{offsets[i].ToString("c", CultureInfo.InvariantCulture)}";
            await UpsertAsync(recipient, subject, NotificationKind.BriefingReminder, briefing.Id, registrationId, RemotePointOf(data),
                new Dictionary<string, string?>(values) { ["offset"] = Hours(offsets[i]) }, briefing.StartsAt - offsets[i], notAfter, ct);
        }
    }

    /// <summary>Cancels the registration's reminders that have not gone out (the registration was withdrawn or rejected).</summary>
    public async Task CancelReporterRemindersAsync(Guid registrationId, CancellationToken ct)
    {
        await db.Notifications.Where(n => n.RegistrationId == registrationId && n.Status == NotificationStatus.Pending).LoadAsync(ct);
        foreach (var row in db.Notifications.Local.Where(n => n.RegistrationId == registrationId && n.Status == NotificationStatus.Pending
                     && n.Kind == NotificationKind.BriefingReminder))
        {
            row.Cancel(CancelReasons.RegistrationCancelled, Now);
        }
    }

    // ---- Briefing changes (see BriefingNotifications) ------------------------------------------------------------------

    /// <summary>On publication: remote point reminders, the organizers' digest at closing time, a series' preparation reminder.</summary>
    internal async Task PlanBriefingAsync(Briefing briefing, CancellationToken ct)
    {
        foreach (var link in await LinksAsync(briefing.Id, ct))
        {
            await PlanRemotePointReminderAsync(briefing, link, ct);
        }

        var facts = await FactsAsync(briefing, null, ct);
        foreach (var organizer in await OrganizersAsync(ct))
        {
            await UpsertAsync(organizer, $"briefing:{briefing.Id}:digest", NotificationKind.RegistrationClosedDigest, briefing.Id, null, null, facts,
                briefing.RegistrationClosesAt, briefing.EndsAt, ct); // registration may close at the very start
            if (briefing.SeriesId is not null)
            {
                await UpsertAsync(organizer, $"briefing:{briefing.Id}:preparation", NotificationKind.SeriesPreparation, briefing.Id, null, null, facts,
                    briefing.StartsAt - Options.SeriesPreparationBefore, briefing.StartsAt, ct);
            }
        }
    }

    /// <summary>Registration closed by hand: the digest goes out now instead of at the planned closing time.</summary>
    internal async Task PlanDigestNowAsync(Briefing briefing, CancellationToken ct)
    {
        var facts = await FactsAsync(briefing, null, ct);
        foreach (var organizer in await OrganizersAsync(ct))
        {
            await UpsertAsync(organizer, $"briefing:{briefing.Id}:digest", NotificationKind.RegistrationClosedDigest, briefing.Id, null, null, facts,
                Now, briefing.EndsAt, ct);
        }
    }

    internal async Task PlanRemotePointReminderAsync(Briefing briefing, BriefingRemotePoint link, CancellationToken ct)
    {
        var point = link.RemotePoint ?? await db.RemotePoints.FindAsync([link.RemotePointId], ct);
        if (point?.ContactEmail is not { Length: > 0 } email)
        {
            logger.LogInformation("Remote point {RemotePointId} has no contact e-mail: no reminder for briefing {BriefingId}", link.RemotePointId, briefing.Id);
            return;
        }

        var recipient = new Recipient($"remote-point:{point.Id}", email, point.ContactName ?? point.Name, "vi", null);
        var data = new Dictionary<string, string?> { ["remotePointId"] = point.Id.ToString() };
        await UpsertAsync(recipient, $"briefing:{briefing.Id}:remote-point-reminder", NotificationKind.RemotePointReminder, briefing.Id, null,
            point.Id, await FactsAsync(briefing, data, ct), briefing.StartsAt - Options.RemotePointReminderBefore, briefing.StartsAt, ct);
    }

    internal async Task CancelForRemotePointAsync(Guid briefingId, Guid remotePointId, CancellationToken ct)
    {
        foreach (var row in await PendingAsync(briefingId, ct))
        {
            if (row.RemotePointId == remotePointId && row.RecipientKey == $"remote-point:{remotePointId}")
            {
                row.Cancel(CancelReasons.RemotePointUnlinked, Now);
            }
        }
    }

    /// <summary>
    /// A reschedule moves every reminder by the same shift as the briefing (its closing time moved with it). One that
    /// was skipped as too late comes back if the new time leaves room for it; one now past is sent at once if still
    /// useful, else skipped.
    /// </summary>
    internal async Task MoveRemindersAsync(Briefing briefing, TimeSpan shift, CancellationToken ct)
    {
        await db.Notifications.Where(n => n.BriefingId == briefing.Id
            && (n.Status == NotificationStatus.Pending || (n.Status == NotificationStatus.Cancelled && n.CancelReason == CancelReasons.TooLate))).LoadAsync(ct);
        foreach (var row in db.Notifications.Local.Where(n => n.BriefingId == briefing.Id && Notification.Reminders.Contains(n.Kind)
                     && (n.Status == NotificationStatus.Pending || (n.Status == NotificationStatus.Cancelled && n.CancelReason == CancelReasons.TooLate))).ToList())
        {
            row.Schedule(row.DueAt + shift, row.NotAfter + shift, Now);
        }

        await RefreshAsync(briefing, ct);
    }

    /// <summary>Pending messages show the briefing as it is now (time, venue, title).</summary>
    internal async Task RefreshAsync(Briefing briefing, CancellationToken ct)
    {
        foreach (var row in await PendingAsync(briefing.Id, ct))
        {
            var data = Read(row.Data);
            foreach (var (key, value) in BriefingFacts(briefing))
            {
                data[key] = value;
            }

            row.Data = Write(data);
            row.UpdatedAt = Now;
        }
    }

    internal async Task CancelPendingAsync(Guid briefingId, string reason, CancellationToken ct)
    {
        foreach (var row in await PendingAsync(briefingId, ct))
        {
            row.Cancel(reason, Now);
        }
    }

    /// <summary>A reschedule, venue change or cancellation, told at once to the linked remote points and the registered reporters.</summary>
    internal async Task PlanChangeNoticeAsync(Briefing briefing, NotificationKind kind, IReadOnlyDictionary<string, string?> extra, CancellationToken ct)
    {
        var subject = $"briefing:{briefing.Id}:{kind}:{briefing.Sequence}";
        foreach (var link in await LinksAsync(briefing.Id, ct))
        {
            var point = link.RemotePoint ?? await db.RemotePoints.FindAsync([link.RemotePointId], ct);
            if (point?.ContactEmail is { Length: > 0 } email)
            {
                var data = new Dictionary<string, string?>(extra) { ["remotePointId"] = point.Id.ToString() };
                await UpsertAsync(new Recipient($"remote-point:{point.Id}", email, point.ContactName ?? point.Name, "vi", null), subject, kind,
                    briefing.Id, null, point.Id, await FactsAsync(briefing, data, ct), Now, briefing.EndsAt, ct);
            }
        }

        foreach (var member in await audience.ReportersAsync(briefing.Id, ct))
        {
            if (await UserAsync(member.ReporterUserId, ct) is { } recipient)
            {
                var data = new Dictionary<string, string?>(extra) { ["remotePointId"] = member.RemotePointId?.ToString() };
                await UpsertAsync(recipient, subject, kind, briefing.Id, member.RegistrationId, member.RemotePointId, await FactsAsync(briefing, data, ct),
                    Now, briefing.EndsAt, ct);
            }
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
        var data = new Dictionary<string, string?>
        {
            ["hostAgency"] = held.HostAgency,
            ["deadlineAt"] = Instant(deadline),
            ["lastHeldAt"] = Instant(held.StartsAt),
            ["lastHeldTitle"] = held.Title,
            ["months"] = months.ToString(CultureInfo.InvariantCulture),
        };
        var subject = $"compliance:{held.HostAgencyKey}:{deadline.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}";
        foreach (var organizer in await OrganizersAsync(ct))
        {
            await UpsertAsync(organizer, subject.Length > 200 ? subject[..200] : subject, NotificationKind.ComplianceWarning, null, null, null, data,
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
        var now = Now;
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
            var facts = await FactsAsync(briefing, null, ct);
            foreach (var organizer in await OrganizersAsync(ct))
            {
                await UpsertAsync(organizer, $"briefing:{briefing.Id}:preparation", NotificationKind.SeriesPreparation, briefing.Id, null, null, facts,
                    briefing.StartsAt - Options.SeriesPreparationBefore, briefing.StartsAt, ct);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    // ---- Building blocks ----------------------------------------------------------------------------------------------

    private async Task UpsertAsync(Recipient recipient, string subject, NotificationKind kind, Guid? briefingId, Guid? registrationId,
        Guid? remotePointId, IReadOnlyDictionary<string, string?> data, DateTime dueAt, DateTime? notAfter, CancellationToken ct)
    {
        var now = Now;
        var row = db.Notifications.Local.FirstOrDefault(n => n.RecipientKey == recipient.Key && n.Subject == subject && n.Kind == kind)
            ?? await db.Notifications.FirstOrDefaultAsync(n => n.RecipientKey == recipient.Key && n.Subject == subject && n.Kind == kind, ct);
        if (row is null)
        {
            var id = Guid.CreateVersion7();
            row = new Notification
            {
                Id = id,
                Kind = kind,
                RecipientKey = recipient.Key,
                Subject = subject,
                RecipientUserId = recipient.UserId,
                BriefingId = briefingId,
                RegistrationId = registrationId,
                RemotePointId = remotePointId,
                MessageId = Notification.MessageIdFor(id),
                CreatedAt = now,
            };
            db.Notifications.Add(row);
        }
        else if (row.Status is not (NotificationStatus.Pending or NotificationStatus.Cancelled))
        {
            return; // Sending, Sent or Failed: planned and handled already; planning again changes nothing.
        }

        row.ToAddress = recipient.Address;
        row.ToName = recipient.Name;
        row.Language = recipient.Language;
        row.Data = Write(data);
        row.Schedule(dueAt, notAfter, now);
    }

    private async Task<List<Notification>> PendingAsync(Guid briefingId, CancellationToken ct)
    {
        await db.Notifications.Where(n => n.BriefingId == briefingId && n.Status == NotificationStatus.Pending).LoadAsync(ct);
        return db.Notifications.Local.Where(n => n.BriefingId == briefingId && n.Status == NotificationStatus.Pending).ToList();
    }

    /// <summary>The briefing's remote point links as this unit of work sees them (just linked included, just unlinked not).</summary>
    private async Task<List<BriefingRemotePoint>> LinksAsync(Guid briefingId, CancellationToken ct)
    {
        await db.BriefingRemotePoints.Include(l => l.RemotePoint).Where(l => l.BriefingId == briefingId).LoadAsync(ct);
        return db.BriefingRemotePoints.Local.Where(l => l.BriefingId == briefingId).ToList();
    }

    private async Task<Briefing?> BriefingAsync(Guid id, CancellationToken ct) => await db.Briefings.FindAsync([id], ct);

    private async Task<Recipient?> UserAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.FindAsync([userId], ct);
        if (user?.Email is not { Length: > 0 } email)
        {
            logger.LogWarning("User {UserId} has no e-mail address: nothing planned", userId);
            return null;
        }

        return ForUser(user, email);
    }

    private static Recipient ForUser(AppUser user, string email) =>
        new($"user:{user.Id}", email, user.DisplayName, user.PreferredLanguage == "en" ? "en" : "vi", user.Id);

    /// <summary>Office staff in the Organizer role, and the office's shared addresses from the settings.</summary>
    private async Task<List<Recipient>> OrganizersAsync(CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Organizer)))
            .OrderBy(u => u.Email).ToListAsync(ct);
        var recipients = users.Where(u => !string.IsNullOrWhiteSpace(u.Email)).Select(u => ForUser(u, u.Email!)).ToList();
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

    private async Task<Dictionary<string, string?>> FactsAsync(Briefing briefing, IReadOnlyDictionary<string, string?>? extra, CancellationToken ct)
    {
        var data = BriefingFacts(briefing);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            data[key] = value;
        }

        if (Guid.TryParse(data.GetValueOrDefault("remotePointId"), out var pointId))
        {
            var link = db.BriefingRemotePoints.Local.FirstOrDefault(l => l.BriefingId == briefing.Id && l.RemotePointId == pointId)
                ?? await db.BriefingRemotePoints.Include(l => l.RemotePoint).FirstOrDefaultAsync(l => l.BriefingId == briefing.Id && l.RemotePointId == pointId, ct);
            var point = link?.RemotePoint ?? await db.RemotePoints.FindAsync([pointId], ct);
            if (point is not null)
            {
                data["remotePointName"] = point.Name;
                data["remotePointAddress"] = point.Address;
                data["videoLink"] = link?.VideoLink ?? point.VideoLink;
            }
        }

        return data;
    }

    internal static Dictionary<string, string?> BriefingFacts(Briefing b) => new(StringComparer.Ordinal)
    {
        ["briefingId"] = b.Id.ToString(),
        ["title"] = b.Title,
        ["topic"] = b.Topic,
        ["hostAgency"] = b.HostAgency,
        ["venue"] = b.Venue,
        ["startsAt"] = Instant(b.StartsAt),
        ["endsAt"] = Instant(b.EndsAt),
        ["doorsOpenAt"] = Instant(b.DoorsOpenAt),
        ["registrationClosesAt"] = Instant(b.RegistrationClosesAt),
        ["cancellationReason"] = b.CancellationReason,
    };

    private static Guid? RemotePointOf(IReadOnlyDictionary<string, string?> data) =>
        Guid.TryParse(data.GetValueOrDefault("remotePointId"), out var id) ? id : null;

    internal static string Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);

    private static string Hours(TimeSpan offset) => offset.TotalHours.ToString("0.##", CultureInfo.InvariantCulture);

    internal static Dictionary<string, string?> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(json) is { } d ? new Dictionary<string, string?>(d, StringComparer.Ordinal) : new(StringComparer.Ordinal);

    internal static string Write(IReadOnlyDictionary<string, string?> data) =>
        JsonSerializer.Serialize(data, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
