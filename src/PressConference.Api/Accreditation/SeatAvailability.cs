using System.Globalization;

namespace PressConference.Api.Accreditation;

/// <summary>A place to attend a briefing: the main venue (no remote point) or a linked remote point, with its seats.</summary>
public sealed record LocationAvailability(Guid? RemotePointId, string Name, string? Address, int Capacity, int Approved)
{
    public int SeatsLeft => Math.Max(0, Capacity - Approved);
}

/// <summary>
/// Seats left per location, for people choosing where to attend: the approved registrations counted against each
/// location's capacity (the seat ledger holds the same number under its lock; this is a read for display only).
/// </summary>
public sealed class SeatAvailability(AppDbContext db)
{
    private static readonly StringComparer VietnameseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("vi"), ignoreCase: true);

    /// <summary>The main venue first, then the linked remote points by name; empty when the briefing does not exist.</summary>
    public async Task<IReadOnlyList<LocationAvailability>> ForBriefingAsync(Guid briefingId, CancellationToken ct)
    {
        var briefing = await db.Briefings.AsNoTracking().Where(b => b.Id == briefingId)
            .Select(b => new { b.Venue, b.Capacity }).FirstOrDefaultAsync(ct);
        if (briefing is null)
        {
            return [];
        }

        var approved = await db.Registrations.AsNoTracking()
            .Where(r => r.BriefingId == briefingId && r.Status == RegistrationStatus.Approved)
            .GroupBy(r => r.LocationKey).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var points = await db.BriefingRemotePoints.AsNoTracking().Where(l => l.BriefingId == briefingId)
            .Select(l => new { l.RemotePointId, l.Capacity, l.RemotePoint!.Name, l.RemotePoint.Address })
            .ToListAsync(ct);

        var locations = new List<LocationAvailability>
        {
            new(null, briefing.Venue, null, briefing.Capacity, approved.GetValueOrDefault(Guid.Empty)),
        };
        locations.AddRange(points.OrderBy(p => p.Name, VietnameseOrder)
            .Select(p => new LocationAvailability(p.RemotePointId, p.Name, p.Address, p.Capacity, approved.GetValueOrDefault(p.RemotePointId))));
        return locations;
    }
}
