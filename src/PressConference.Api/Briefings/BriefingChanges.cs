using System.Security.Claims;

namespace PressConference.Api.Briefings;

/// <summary>
/// What just happened to a briefing, one record type per kind of change (as integration events), with what it was
/// before where that matters to the people told. <see cref="Reason"/> is the organizer's reason, also in the audit line.
/// </summary>
public abstract record BriefingChange(Briefing Briefing, DateTime At, string? Reason)
{
    /// <summary>The audit action written when this change is recorded on its own.</summary>
    public abstract string Action { get; }

    /// <summary>What the audit line keeps besides the action and reason (old and new values).</summary>
    public virtual object? AuditDetails => null;
}

public sealed record BriefingPublished(Briefing Briefing, DateTime At, string? Reason = null) : BriefingChange(Briefing, At, Reason)
{
    public override string Action => "Published";
}

public sealed record BriefingRescheduled(Briefing Briefing, DateTime At, DateTime OldStartsAt, DateTime OldEndsAt, string? Reason = null)
    : BriefingChange(Briefing, At, Reason)
{
    public override string Action => "Rescheduled";

    public override object? AuditDetails => new
    {
        oldStartsAt = OldStartsAt,
        oldEndsAt = OldEndsAt,
        newStartsAt = Briefing.StartsAt,
        newEndsAt = Briefing.EndsAt,
    };
}

public sealed record BriefingVenueChanged(Briefing Briefing, DateTime At, string OldVenue, string? Reason = null) : BriefingChange(Briefing, At, Reason)
{
    public override string Action => "VenueChanged";
}

/// <summary>More seats at the main venue than before: the waitlist moves up.</summary>
public sealed record BriefingCapacityRaised(Briefing Briefing, DateTime At, int OldCapacity, string? Reason = null) : BriefingChange(Briefing, At, Reason)
{
    public override string Action => "CapacityRaised";
}

public sealed record BriefingRegistrationClosed(Briefing Briefing, DateTime At) : BriefingChange(Briefing, At, null)
{
    public override string Action => "RegistrationClosed";
}

public sealed record BriefingCompleted(Briefing Briefing, DateTime At) : BriefingChange(Briefing, At, null)
{
    public override string Action => "Completed";
}

public sealed record BriefingCancelled(Briefing Briefing, DateTime At, string CancellationReason) : BriefingChange(Briefing, At, CancellationReason)
{
    public override string Action => "Cancelled";
}

public sealed record BriefingRemotePointLinked(Briefing Briefing, DateTime At, Guid RemotePointId) : BriefingChange(Briefing, At, null)
{
    public override string Action => "RemotePointLinked";
}

public sealed record BriefingRemotePointUnlinked(Briefing Briefing, DateTime At, Guid RemotePointId) : BriefingChange(Briefing, At, null)
{
    public override string Action => "RemotePointUnlinked";

    public override object? AuditDetails => new { remotePointId = RemotePointId };
}

/// <summary>
/// A feature that must follow a briefing's changes (registrations re-checked, passes re-issued, people told).
/// Called before the change is saved, with the same scoped <c>AppDbContext</c>: whatever a handler adds is saved in
/// the same transaction as the change itself, or not at all.
/// </summary>
public interface IBriefingChangeHandler
{
    Task HandleAsync(BriefingChange change, CancellationToken ct);
}

/// <summary>
/// The one place a briefing's history is written and its changes announced: the audit line and the changes it raises
/// are recorded in one call, inside the write transaction (decision 0009), before the caller's <c>SaveChanges</c>.
/// Handlers run in registration order.
/// </summary>
public sealed class BriefingChanges(AppDbContext db, IEnumerable<IBriefingChangeHandler> handlers)
{
    /// <summary>One change, audited under its own action.</summary>
    public Task RecordAsync(BriefingChange change, ClaimsPrincipal? actor, CancellationToken ct, object? details = null) =>
        RecordAsync(change.Briefing.Id, actor, change.At, change.Action, change.Reason, details ?? change.AuditDetails, [change], ct);

    /// <summary>
    /// One audit line for an edit that raises any number of changes (none for a draft's edit, a venue change and more
    /// seats at once for a published one).
    /// </summary>
    public async Task RecordAsync(Guid briefingId, ClaimsPrincipal? actor, DateTime at, string action, string? reason, object? details,
        IReadOnlyList<BriefingChange> raised, CancellationToken ct)
    {
        if (raised.Count > 0 && db.Database.CurrentTransaction is null)
        {
            // Handlers read registrations and passes before the save: outside the write transaction a decision taken in
            // between would be left behind. Every route group that writes briefings runs in one (WriteTransaction).
            throw new InvalidOperationException("A briefing change is recorded only inside the write transaction.");
        }

        db.BriefingAudit.Add(BriefingAuditEntry.For(briefingId, actor, at, action, reason, details));
        foreach (var change in raised)
        {
            foreach (var handler in handlers)
            {
                await handler.HandleAsync(change, ct);
            }
        }
    }
}
