using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.Data;

namespace PressConference.Api.Accreditation;

/// <summary>
/// Seats per location, counted by the database. Every method that writes with <c>ExecuteUpdate</c> must run inside
/// the caller's transaction (SQLite: BEGIN IMMEDIATE, which EF's BeginTransaction issues), so that the counter and the
/// registration it belongs to are saved together. Call <see cref="EnsureAsync"/> first, before tracking any change.
/// </summary>
public sealed class SeatLedger(AppDbContext db, RegistrationStatusChanges changes)
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

    /// <summary>Gives a freed seat to the first waitlisted registration of the location, if any; returns it.</summary>
    public async Task<Registration?> PromoteNextAsync(Guid briefingId, Guid locationKey, ClaimsPrincipal? actor, DateTime now, CancellationToken ct)
    {
        var next = await db.Registrations
            .Where(r => r.BriefingId == briefingId && r.LocationKey == locationKey && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.WaitlistNumber).ThenBy(r => r.CreatedAt)
            .FirstOrDefaultAsync(ct);
        if (next is null || !await TryTakeAsync(briefingId, locationKey, ct))
        {
            return null;
        }

        await changes.ApplyAsync(next, RegistrationStatus.Approved, "PromotedFromWaitlist", actor, null, now, ct);
        return next;
    }

    /// <summary>
    /// For callers without a transaction of their own (briefing change handlers): gives back a seat through the
    /// tracked row, whose concurrency token makes a racing writer lose instead of counting wrong.
    /// </summary>
    public async Task ReleaseTrackedAsync(Guid briefingId, Guid locationKey, CancellationToken ct)
    {
        var row = db.LocationSeats.Local.FirstOrDefault(s => s.BriefingId == briefingId && s.LocationKey == locationKey)
            ?? await db.LocationSeats.FirstOrDefaultAsync(s => s.BriefingId == briefingId && s.LocationKey == locationKey, ct);
        if (row is { Approved: > 0 })
        {
            row.Approved--;
            row.Version++;
        }
    }

    /// <summary>Position on the waitlist (1 = next in line), or null when not waitlisted.</summary>
    public async Task<int?> PositionAsync(Registration registration, CancellationToken ct) =>
        registration.Status != RegistrationStatus.Waitlisted
            ? null
            : await db.Registrations.CountAsync(r => r.BriefingId == registration.BriefingId && r.LocationKey == registration.LocationKey
                && r.Status == RegistrationStatus.Waitlisted && r.WaitlistNumber <= registration.WaitlistNumber, ct);
}
