using PressConference.Api.Briefings;
using PressConference.Api.Identity;

namespace PressConference.Api.Notifications;

/// <summary>Someone a message can be addressed to, resolved when it is planned.</summary>
public sealed record Recipient(string Key, string Address, string? Name, string Language, string? UserId)
{
    public static Recipient ForUser(AppUser user, string email) =>
        new($"user:{user.Id}", email, user.DisplayName, user.PreferredLanguage == "en" ? "en" : "vi", user.Id);
}

/// <summary>
/// The outbox as the planners write it, in the caller's unit of work: everything here adds to or changes tracked
/// entities of the scoped <see cref="AppDbContext"/> and saves nothing, so the rows are committed with the change that
/// caused them, or not at all. The planners (<see cref="ReporterPlanner"/>, <see cref="RemotePointPlanner"/>,
/// <see cref="OfficePlanner"/>) say who hears what and when; this says how a row is planned, moved and cancelled.
/// </summary>
public sealed class NotificationOutbox(AppDbContext db, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Plans one message, once: a row is found again by (recipient, subject, kind), the unique index, and then only
    /// rescheduled with the new address, data and times; one already sending, sent or failed is left as it is.
    /// </summary>
    public async Task UpsertAsync(Recipient recipient, string subject, NotificationKind kind, Guid? briefingId, Guid? registrationId,
        Guid? remotePointId, NotificationData data, DateTime dueAt, DateTime? notAfter, CancellationToken ct)
    {
        var json = data.WriteFor(kind);
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
        row.Data = json;
        row.Schedule(dueAt, notAfter, now);
    }

    /// <summary>Cancels the pending rows of a briefing that <paramref name="match"/> picks (all of them without one).</summary>
    public async Task CancelPendingAsync(Guid briefingId, string reason, CancellationToken ct, Func<Notification, bool>? match = null)
    {
        await db.Notifications.Where(n => n.BriefingId == briefingId && n.Status == NotificationStatus.Pending).LoadAsync(ct);
        foreach (var row in db.Notifications.Local.Where(n => n.BriefingId == briefingId && n.Status == NotificationStatus.Pending).ToList())
        {
            if (match?.Invoke(row) ?? true)
            {
                row.Cancel(reason, Now);
            }
        }
    }

    /// <summary>Cancels the registration's pending rows that <paramref name="match"/> picks.</summary>
    public async Task CancelPendingForRegistrationAsync(Guid registrationId, string reason, Func<Notification, bool> match, CancellationToken ct)
    {
        await db.Notifications.Where(n => n.RegistrationId == registrationId && n.Status == NotificationStatus.Pending).LoadAsync(ct);
        foreach (var row in db.Notifications.Local.Where(n => n.RegistrationId == registrationId && n.Status == NotificationStatus.Pending && match(n)))
        {
            row.Cancel(reason, Now);
        }
    }

    /// <summary>
    /// A reschedule moves every reminder of the briefing, whoever it is for, by the same shift as the briefing (its
    /// closing time moved with it). One that was skipped as too late comes back if the new time leaves room for it; one
    /// now past is sent at once if still useful, else skipped.
    /// </summary>
    public async Task MoveRemindersAsync(Guid briefingId, TimeSpan shift, CancellationToken ct)
    {
        await db.Notifications.Where(n => n.BriefingId == briefingId
            && (n.Status == NotificationStatus.Pending || (n.Status == NotificationStatus.Cancelled && n.CancelReason == CancelReasons.TooLate))).LoadAsync(ct);
        foreach (var row in db.Notifications.Local.Where(n => n.BriefingId == briefingId && Notification.Reminders.Contains(n.Kind)
                     && (n.Status == NotificationStatus.Pending || (n.Status == NotificationStatus.Cancelled && n.CancelReason == CancelReasons.TooLate))).ToList())
        {
            row.Schedule(row.DueAt + shift, row.NotAfter + shift, Now);
        }
    }

    /// <summary>
    /// The data with the name, address and video link of the remote point it names, as this unit of work sees the
    /// briefing's link to it (a link's own video link first, else the point's).
    /// </summary>
    public async Task<NotificationData> AtRemotePointAsync(AttendanceData data, Guid briefingId, CancellationToken ct)
    {
        if (data.RemotePointId is not { } pointId)
        {
            return data;
        }

        var link = db.BriefingRemotePoints.Local.FirstOrDefault(l => l.BriefingId == briefingId && l.RemotePointId == pointId)
            ?? await db.BriefingRemotePoints.Include(l => l.RemotePoint).FirstOrDefaultAsync(l => l.BriefingId == briefingId && l.RemotePointId == pointId, ct);
        var point = link?.RemotePoint ?? await db.RemotePoints.FindAsync([pointId], ct);
        return point is null
            ? data
            : data with { RemotePointName = point.Name, RemotePointAddress = point.Address, VideoLink = link?.VideoLink ?? point.VideoLink };
    }

    /// <summary>The stable subjects rows are found again by (with the recipient and the kind).</summary>
    public static class Subjects
    {
        public static string Decision(Guid registrationId, int? decision) =>
            decision is { } n ? $"registration:{registrationId}:{n}" : $"registration:{registrationId}";

        public static string Reminder(Guid registrationId, TimeSpan offset) =>
            $"registration:{registrationId}:reminder:{offset.ToString("c", System.Globalization.CultureInfo.InvariantCulture)}";

        /// <summary>One per change of the briefing (its sequence), told to every point and reporter concerned.</summary>
        public static string Change(Briefing briefing, NotificationKind kind) => $"briefing:{briefing.Id}:{kind}:{briefing.Sequence}";

        public static string OfBriefing(Guid briefingId, string what) => $"briefing:{briefingId}:{what}";
    }
}
