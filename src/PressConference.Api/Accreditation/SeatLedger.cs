
namespace PressConference.Api.Accreditation;

/// <summary>
/// Seats and the waitlist per location, counted by the database. Every method that writes with <c>ExecuteUpdate</c> must
/// run inside the caller's transaction (SQLite: BEGIN IMMEDIATE, which EF's BeginTransaction issues), so that the
/// counter and the registration it belongs to are saved together. Call <see cref="EnsureAsync"/> first, before
/// tracking any change. Decides nothing and announces nothing: <see cref="RegistrationDecisions"/> does.
/// </summary>
public sealed class SeatLedger(AppDbContext db)
{
    /// <summary>Creates the counter row of a location if it is missing (writers are serialised by the transaction).</summary>
    public async Task EnsureAsync(Guid briefingId, Guid locationKey, CancellationToken ct)
    {
        if (!await db.LocationSeats.AnyAsync(s => s.BriefingId == briefingId && s.LocationKey == locationKey, ct))
        {
            var approved = await db.Registrations.CountAsync(r => r.BriefingId == briefingId && r.LocationKey == locationKey
                && r.Status == RegistrationStatus.Approved, ct);
            db.LocationSeats.Add(new LocationSeats { BriefingId = briefingId, LocationKey = locationKey, Approved = approved });
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Takes one seat if the location has one left: a single conditional UPDATE against the current capacity.</summary>
    public async Task<bool> TryTakeAsync(Guid briefingId, Guid locationKey, CancellationToken ct)
    {
        var seats = db.LocationSeats.Where(s => s.BriefingId == briefingId && s.LocationKey == locationKey);
        seats = locationKey == Guid.Empty
            ? seats.Where(s => s.Approved < db.Briefings.Where(b => b.Id == s.BriefingId).Select(b => b.Capacity).FirstOrDefault())
            : seats.Where(s => s.Approved < db.BriefingRemotePoints.Where(l => l.BriefingId == s.BriefingId && l.RemotePointId == s.LocationKey)
                .Select(l => l.Capacity).FirstOrDefault());
        return await seats.ExecuteUpdateAsync(u => u.SetProperty(s => s.Approved, s => s.Approved + 1).SetProperty(s => s.Version, s => s.Version + 1), ct) == 1;
    }

    public async Task ReleaseAsync(Guid briefingId, Guid locationKey, CancellationToken ct) =>
        await db.LocationSeats.Where(s => s.BriefingId == briefingId && s.LocationKey == locationKey && s.Approved > 0)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Approved, s => s.Approved - 1).SetProperty(s => s.Version, s => s.Version + 1), ct);

    /// <summary>The next number on the location's waitlist; the counter row stays locked until the transaction ends.</summary>
    public async Task<long> NextWaitlistNumberAsync(Guid briefingId, Guid locationKey, CancellationToken ct)
    {
        var seats = db.LocationSeats.Where(s => s.BriefingId == briefingId && s.LocationKey == locationKey);
        await seats.ExecuteUpdateAsync(u => u.SetProperty(s => s.WaitlistCounter, s => s.WaitlistCounter + 1).SetProperty(s => s.Version, s => s.Version + 1), ct);
        return await seats.AsNoTracking().Select(s => s.WaitlistCounter).FirstAsync(ct);
    }

    /// <summary>
    /// For callers without a transaction of their own (briefing change handlers): the tracked counter row of a location,
    /// whose concurrency token makes a racing writer lose instead of counting wrong. Null when no seat was ever taken there.
    /// </summary>
    public async Task<LocationSeats?> TrackedAsync(Guid briefingId, Guid locationKey, CancellationToken ct) =>
        db.LocationSeats.Local.FirstOrDefault(s => s.BriefingId == briefingId && s.LocationKey == locationKey)
            ?? await db.LocationSeats.FirstOrDefaultAsync(s => s.BriefingId == briefingId && s.LocationKey == locationKey, ct);

    /// <summary>Gives back a seat through the tracked row (see <see cref="TrackedAsync"/>).</summary>
    public async Task ReleaseTrackedAsync(Guid briefingId, Guid locationKey, CancellationToken ct)
    {
        if (await TrackedAsync(briefingId, locationKey, ct) is { Approved: > 0 } row)
        {
            row.Approved--;
            row.Version++;
        }
    }

    /// <summary>Who waits at a location, first in line first (tracked, so a promotion can change them).</summary>
    public IQueryable<Registration> Waitlist(Guid briefingId, Guid locationKey) =>
        db.Registrations
            .Where(r => r.BriefingId == briefingId && r.LocationKey == locationKey && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.WaitlistNumber).ThenBy(r => r.CreatedAt);

    /// <summary>Position on the waitlist (1 = next in line), or null when not waitlisted.</summary>
    public async Task<int?> PositionAsync(Registration registration, CancellationToken ct) =>
        (await PositionsAsync([registration], ct)).GetValueOrDefault(registration.Id);

    /// <summary>
    /// Waitlist positions of the given registrations, the one place they are computed: one more than the number of
    /// others waiting at the same location with an earlier number, read as saved. So it holds for a registration not
    /// saved yet (a status handler asking before SaveChanges) as for one read back from a list.
    /// </summary>
    public async Task<Dictionary<Guid, int?>> PositionsAsync(IReadOnlyCollection<Registration> registrations, CancellationToken ct)
    {
        var waiting = registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).ToList();
        var positions = new Dictionary<Guid, int?>();
        if (waiting.Count == 0)
        {
            return positions;
        }

        var briefingIds = waiting.Select(r => r.BriefingId).Distinct().ToList();
        var locationKeys = waiting.Select(r => r.LocationKey).Distinct().ToList();
        var queue = await db.Registrations.AsNoTracking()
            .Where(r => briefingIds.Contains(r.BriefingId) && locationKeys.Contains(r.LocationKey) && r.Status == RegistrationStatus.Waitlisted)
            .Select(r => new { r.Id, r.BriefingId, r.LocationKey, r.WaitlistNumber }).ToListAsync(ct);
        foreach (var registration in waiting)
        {
            positions[registration.Id] = 1 + queue.Count(q => q.Id != registration.Id && q.BriefingId == registration.BriefingId
                && q.LocationKey == registration.LocationKey && q.WaitlistNumber < registration.WaitlistNumber);
        }

        return positions;
    }
}
