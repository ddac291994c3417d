namespace PressConference.Api.Notifications;

/// <summary>A reporter registered for a briefing, as the notices about that briefing need them (and where they attend, if at a remote point).</summary>
public sealed record BriefingAudienceMember(Guid RegistrationId, string ReporterUserId, Guid? RemotePointId = null);

/// <summary>A reporter expected at a remote point, as listed in the point's reminder.</summary>
public sealed record ExpectedReporter(string FullName, string? Outlet);

/// <summary>
/// What the organizers' digest says when registration closes. Status keys are shown through the text
/// "enum.RegistrationStatus.{key}" when it exists (in the recipient's language), else as they are.
/// </summary>
public sealed record RegistrationDigest(IReadOnlyDictionary<string, int> CountsByStatus, IReadOnlyList<ExpectedReporter> PendingReview);

/// <summary>
/// Who is registered for a briefing (<see cref="RegistrationAudience"/>). Called inside the unit of work of a briefing
/// change (for the notices) and by the dispatcher when a reminder or digest is composed.
/// </summary>
public interface IBriefingAudience
{
    /// <summary>Reporters who must hear of a reschedule, venue change or cancellation (approved, waitlisted, pending).</summary>
    Task<IReadOnlyList<BriefingAudienceMember>> ReportersAsync(Guid briefingId, CancellationToken ct);

    /// <summary>Reporters registered to attend at the given remote point.</summary>
    Task<IReadOnlyList<ExpectedReporter>> ExpectedAtRemotePointAsync(Guid briefingId, Guid remotePointId, CancellationToken ct);

    Task<RegistrationDigest> DigestAsync(Guid briefingId, CancellationToken ct);
}

/// <summary>A file attached to a message.</summary>
public sealed record NotificationAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The pass (QR image, printable PDF) attached to a reporter's approval and reminders. Optional: the passes feature
/// registers one; without it messages carry only the pass link given in the planner's data ("passUrl").
/// </summary>
public interface IReporterPassAttachments
{
    Task<IReadOnlyList<NotificationAttachment>> ForRegistrationAsync(Guid registrationId, CancellationToken ct);
}
