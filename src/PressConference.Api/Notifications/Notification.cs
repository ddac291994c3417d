using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PressConference.Api.Briefings;

namespace PressConference.Api.Notifications;

/// <summary>What a message is; also the value of its <c>X-PressConference-Kind</c> header, which mail rules rely on.</summary>
public enum NotificationKind
{
    RegistrationApproved,
    RegistrationWaitlisted,
    RegistrationPromoted,
    RegistrationPendingReview,
    RegistrationRejected,
    BriefingReminder,
    RemotePointReminder,
    RegistrationClosedDigest,
    SeriesPreparation,
    ComplianceWarning,
    BriefingRescheduled,
    BriefingVenueChanged,
    BriefingCancelled,
    AccountEmailConfirmation,
    AccountPasswordReset,

    /// <summary>A remote point hears that it is linked to a published briefing: when, its seats, the video link.</summary>
    RemotePointLinked,

    /// <summary>A remote point that was told of a link hears that the link is gone.</summary>
    RemotePointUnlinked,
}

public enum NotificationStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
    Cancelled,
}

public enum NotificationChannel
{
    Email,
}

/// <summary>Why a notification will not be sent; stored as text so the list shows it.</summary>
public static class CancelReasons
{
    /// <summary>Its time had passed and a closer reminder (or the briefing itself) made it pointless.</summary>
    public const string TooLate = "TooLate";
    public const string BriefingCancelled = "BriefingCancelled";
    public const string BriefingCompleted = "BriefingCompleted";
    public const string RegistrationCancelled = "RegistrationCancelled";
    public const string RemotePointUnlinked = "RemotePointUnlinked";

    /// <summary>A later decision on the same registration came before this notice went out.</summary>
    public const string Superseded = "Superseded";

    /// <summary>Checked again when due, and the reason for it was gone (e.g. a regular briefing got scheduled in time).</summary>
    public const string NoLongerNeeded = "NoLongerNeeded";
}

/// <summary>
/// One message to one recipient: a row of the outbox. Planned in the same transaction as the change that causes it;
/// the dispatcher claims, sends and marks it. (RecipientKey, Subject, Kind) is unique, so planning again never
/// plans a second copy.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public NotificationKind Kind { get; init; }
    public NotificationChannel Channel { get; init; } = NotificationChannel.Email;

    /// <summary>Who, stably: "user:{id}", "remote-point:{id}" or "address:{e-mail}".</summary>
    public string RecipientKey { get; init; } = string.Empty;

    /// <summary>What about, stably: e.g. "registration:{id}:reminder:1.00:00:00" or "briefing:{id}:change:3".</summary>
    public string Subject { get; init; } = string.Empty;

    public string? RecipientUserId { get; init; }
    public string ToAddress { get; set; } = string.Empty;
    public string? ToName { get; set; }

    /// <summary>"vi" or "en".</summary>
    public string Language { get; set; } = "vi";

    public Guid? BriefingId { get; init; }
    public Guid? RegistrationId { get; init; }
    public Guid? RemotePointId { get; init; }

    /// <summary>Template data: the JSON of the <see cref="NotificationData"/> record of the kind's family.</summary>
    public string Data { get; set; } = "{}";

    /// <summary>When it should go out.</summary>
    public DateTime DueAt { get; set; }

    /// <summary>After this it is useless (a reminder after the briefing started): cancelled instead of sent late.</summary>
    public DateTime? NotAfter { get; set; }

    /// <summary>When the dispatcher may take it next: the due time, then later after each failed attempt.</summary>
    public DateTime NextAttemptAt { get; set; }

    public NotificationStatus Status { get; set; } = NotificationStatus.Pending;
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public string? CancelReason { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>The dispatcher run that holds the row while Sending, and until when; another run may take it after.</summary>
    public Guid? ClaimToken { get; set; }
    public DateTime? ClaimedUntil { get; set; }

    /// <summary>The same on every attempt, so a receiving system can drop a second copy (see docs/decisions/0008).</summary>
    public string MessageId { get; init; } = string.Empty;

    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    public static readonly NotificationKind[] Reminders =
        [NotificationKind.BriefingReminder, NotificationKind.RemotePointReminder, NotificationKind.RegistrationClosedDigest, NotificationKind.SeriesPreparation];

    public static string MessageIdFor(Guid id) => $"{id:N}@pressconference";

    public void Cancel(string reason, DateTime now)
    {
        Status = NotificationStatus.Cancelled;
        CancelReason = reason;
        UpdatedAt = now;
    }

    /// <summary>
    /// Puts the row back in the queue for its (possibly new) time, unless that time is past its use: then it is
    /// cancelled as too late. A time already passed but still useful means "at once".
    /// </summary>
    public void Schedule(DateTime dueAt, DateTime? notAfter, DateTime now)
    {
        DueAt = dueAt;
        NotAfter = notAfter;
        UpdatedAt = now;
        if (notAfter is { } last && last <= now)
        {
            Cancel(CancelReasons.TooLate, now);
            return;
        }

        Status = NotificationStatus.Pending;
        CancelReason = null;
        NextAttemptAt = dueAt < now ? now : dueAt;
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.RecipientKey).HasMaxLength(300);
        builder.Property(n => n.Subject).HasMaxLength(200);
        builder.Property(n => n.RecipientUserId).HasMaxLength(450);
        builder.Property(n => n.ToAddress).HasMaxLength(256);
        builder.Property(n => n.ToName).HasMaxLength(200);
        builder.Property(n => n.Language).HasMaxLength(5);
        builder.Property(n => n.Data).HasMaxLength(16_000);
        builder.Property(n => n.LastError).HasMaxLength(2000);
        builder.Property(n => n.CancelReason).HasMaxLength(40);
        builder.Property(n => n.MessageId).HasMaxLength(100);

        builder.HasIndex(n => new { n.RecipientKey, n.Subject, n.Kind }).IsUnique();
        builder.HasIndex(n => n.MessageId).IsUnique();
        builder.HasIndex(n => new { n.Status, n.NextAttemptAt });
        builder.HasIndex(n => new { n.BriefingId, n.Status });
        builder.HasIndex(n => n.RegistrationId);
        builder.HasIndex(n => new { n.RecipientUserId, n.DueAt });
        builder.HasIndex(n => n.DueAt);
        builder.HasOne<Briefing>().WithMany().HasForeignKey(n => n.BriefingId).OnDelete(DeleteBehavior.Cascade);
    }
}
