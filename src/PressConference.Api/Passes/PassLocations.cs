using PressConference.Api.Briefings;

namespace PressConference.Api.Passes;

/// <summary>Names of the places a pass can be for: the briefing's venue, or a remote point.</summary>
public static class PassLocations
{
    public static async Task<(string Name, string? Address)> DescribeAsync(AppDbContext db, Briefing briefing, Guid? remotePointId,
        CancellationToken ct)
    {
        if (remotePointId is null)
        {
            return (briefing.Venue, null);
        }

        var point = await db.RemotePoints.AsNoTracking().FirstOrDefaultAsync(p => p.Id == remotePointId, ct);
        return point is null ? (remotePointId.Value.ToString(), null) : (point.Name, point.Address);
    }

    /// <summary>Display names by (briefing, remote point) for many passes at once.</summary>
    public static async Task<Func<Guid, Guid?, string>> NamesAsync(AppDbContext db, IEnumerable<Guid> briefingIds, IEnumerable<Guid?> remotePointIds,
        CancellationToken ct)
    {
        var bIds = briefingIds.Distinct().ToList();
        var pIds = remotePointIds.OfType<Guid>().Distinct().ToList();
        var venues = await db.Briefings.AsNoTracking().Where(b => bIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Venue, ct);
        var points = await db.RemotePoints.AsNoTracking().Where(p => pIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return (briefingId, remotePointId) => remotePointId is { } p
            ? points.GetValueOrDefault(p) ?? p.ToString()
            : venues.GetValueOrDefault(briefingId) ?? Texts.Get("checkin.mainVenue");
    }
}
