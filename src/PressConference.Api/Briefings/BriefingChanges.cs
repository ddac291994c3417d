namespace PressConference.Api.Briefings;

public enum BriefingChangeKind
{
    Published,
    Rescheduled,
    VenueChanged,

    /// <summary>More seats at the main venue than before: the waitlist moves up.</summary>
    CapacityRaised,
    RegistrationClosed,
    Completed,
    Cancelled,
    RemotePointLinked,
    RemotePointUnlinked,
}

/// <summary>What just happened to a briefing, with what it was before where that matters to the people told.</summary>
public sealed record BriefingChange(Briefing Briefing, BriefingChangeKind Kind, DateTime At)
{
    public DateTime? OldStartsAt { get; init; }
    public DateTime? OldEndsAt { get; init; }
    public string? OldVenue { get; init; }
    public Guid? RemotePointId { get; init; }
    public string? Reason { get; init; }
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

/// <summary>The one place briefing changes are announced; handlers run in registration order.</summary>
public sealed class BriefingChanges(IEnumerable<IBriefingChangeHandler> handlers)
{
    public async Task RaiseAsync(BriefingChange change, CancellationToken ct)
    {
        foreach (var handler in handlers)
        {
            await handler.HandleAsync(change, ct);
        }
    }
}
