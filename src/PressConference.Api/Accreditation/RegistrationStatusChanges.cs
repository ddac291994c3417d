using System.Security.Claims;
using PressConference.Api.Briefings;

namespace PressConference.Api.Accreditation;

/// <summary>What just happened to a registration: its new status is on <see cref="Registration"/>; <see cref="Previous"/> is null for a new one.</summary>
public sealed record RegistrationStatusChange(Registration Registration, RegistrationStatus? Previous, DateTime At, string? Reason);

/// <summary>
/// A feature that follows registrations (a pass issued or withdrawn, a reporter told). Called before the change is
/// saved, with the same scoped <c>AppDbContext</c> and inside the same transaction: whatever a handler adds is saved
/// with the change, or not at all.
/// </summary>
public interface IRegistrationStatusHandler
{
    Task HandleAsync(RegistrationStatusChange change, CancellationToken ct);
}

/// <summary>
/// The one seam every status change goes through (automatic decision, approve, reject, cancel, promotion, re-check,
/// briefing cancellation, blocked credential): it sets the status, writes the audit line and tells every handler.
/// </summary>
public sealed class RegistrationStatusChanges(AppDbContext db, IEnumerable<IRegistrationStatusHandler> handlers)
{
    public async Task ApplyAsync(Registration registration, RegistrationStatus status, string action, ClaimsPrincipal? actor, string? reason,
        DateTime at, CancellationToken ct, long? waitlistNumber = null)
    {
        var previous = registration.DecidedAt is null ? (RegistrationStatus?)null : registration.Status;
        registration.SetStatus(status, at, actor?.UserName() ?? BriefingAuditEntry.SystemActor, reason, waitlistNumber);
        db.RegistrationAudit.Add(new RegistrationAuditEntry
        {
            RegistrationId = registration.Id,
            BriefingId = registration.BriefingId,
            At = at,
            ActorId = actor?.UserId(),
            ActorName = actor?.UserName() ?? BriefingAuditEntry.SystemActor,
            Action = action,
            FromStatus = previous,
            ToStatus = status,
            Findings = registration.Findings,
            Reason = reason,
        });

        var change = new RegistrationStatusChange(registration, previous, at, reason);
        foreach (var handler in handlers)
        {
            await handler.HandleAsync(change, ct);
        }
    }
}
