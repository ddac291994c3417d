using System.Globalization;
using PressConference.Api.Briefings;
using PressConference.Api.Passes;

namespace PressConference.Api.CheckIn;

public enum AttendanceStatus
{
    CheckedIn,
    NotYetArrived,
    NoShow,
    Revoked,
    Cancelled,
}

/// <summary>
/// One location's figures. <c>approved</c>: live passes; <c>notYetArrived</c> before the briefing is completed and
/// <c>noShows</c> after, never both; <c>refusedScans</c>: scans its doors refused.
/// </summary>
public sealed record LocationAttendance(Guid? RemotePointId, string Location, int Seats, int Approved, int CheckedIn, int NotYetArrived, int NoShows,
    int RefusedScans);

public sealed record AttendanceResponse(Guid BriefingId, string Title, BriefingStatus Status, bool Completed, IReadOnlyList<LocationAttendance> Locations,
    LocationAttendance Total);

/// <summary>
/// Who came to a briefing, per location: approved (live passes), checked in, not yet arrived (before the briefing is
/// completed) or no-shows (after), and the scans its doors refused. For the organizers' endpoints and pages.
/// </summary>
public sealed class AttendanceReport(AppDbContext db)
{
    private static readonly string[] CsvColumns = ["location", "reporter", "outlet", "status", "checkedInAt", "door"];

    /// <summary>Per location and in total; null when the briefing does not exist.</summary>
    public async Task<AttendanceResponse?> ForBriefingAsync(Guid id, CancellationToken ct)
    {
        var data = await LoadAsync(id, ct);
        if (data is null)
        {
            return null;
        }

        var refused = await db.ScanLog.AsNoTracking().Where(s => s.BriefingId == id && s.Result == ScanResult.Refused)
            .GroupBy(s => s.RemotePointId).Select(g => new { RemotePointId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var completed = data.Briefing.Status == BriefingStatus.Completed;
        var locations = data.Locations.Select(l =>
        {
            var live = data.Passes.Where(p => p.RemotePointId == l.RemotePointId && p.IsLive).ToList();
            var checkedIn = data.Passes.Count(p => p.RemotePointId == l.RemotePointId && data.CheckIns.ContainsKey(p.Id));
            var missing = live.Count(p => !data.CheckIns.ContainsKey(p.Id));
            return new LocationAttendance(l.RemotePointId, l.Name, l.Seats, live.Count, checkedIn, completed ? 0 : missing, completed ? missing : 0,
                refused.Where(r => r.RemotePointId == l.RemotePointId).Sum(r => r.Count));
        }).ToList();
        var total = new LocationAttendance(null, string.Empty, locations.Sum(l => l.Seats), locations.Sum(l => l.Approved), locations.Sum(l => l.CheckedIn),
            locations.Sum(l => l.NotYetArrived), locations.Sum(l => l.NoShows), locations.Sum(l => l.RefusedScans));
        return new AttendanceResponse(id, data.Briefing.Title, data.Briefing.Status, completed, locations, total);
    }

    /// <summary>
    /// One row per pass (who came, who did not, when and at which door), for the office's records: CSV in UTF-8, headers
    /// in the caller's language; null when the briefing does not exist.
    /// </summary>
    public async Task<byte[]?> CsvAsync(Guid id, CancellationToken ct)
    {
        var data = await LoadAsync(id, ct);
        if (data is null)
        {
            return null;
        }

        var completed = data.Briefing.Status == BriefingStatus.Completed;
        var names = data.Locations.ToDictionary(l => l.RemotePointId ?? Guid.Empty, l => l.Name);
        var rows = data.Passes.OrderBy(p => p.RemotePointId.HasValue).ThenBy(p => names.GetValueOrDefault(p.RemotePointId ?? Guid.Empty))
            .ThenBy(p => p.ReporterName, StringComparer.Create(CultureInfo.GetCultureInfo("vi"), ignoreCase: true))
            .Select(pass =>
            {
                var checkIn = data.CheckIns.GetValueOrDefault(pass.Id);
                var status = checkIn is not null ? AttendanceStatus.CheckedIn
                    : pass.RevokedAt is not null ? pass.RevocationReason == PassRevocation.Cancelled ? AttendanceStatus.Cancelled : AttendanceStatus.Revoked
                    : completed ? AttendanceStatus.NoShow : AttendanceStatus.NotYetArrived;
                return new[]
                {
                    names.GetValueOrDefault(pass.RemotePointId ?? Guid.Empty) ?? pass.RemotePointId.ToString()!,
                    pass.ReporterName,
                    pass.OutletName,
                    Texts.Name(status),
                    checkIn is null ? string.Empty : VietnamTime.ToLocal(checkIn.CheckedInAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    checkIn?.DoorId ?? string.Empty,
                };
            });
        var header = CsvColumns.Select(h => Texts.Get($"checkin.csv.{h}"));
        return await CsvExport.WriteAsync(header, rows);
    }

    private sealed record Location(Guid? RemotePointId, string Name, int Seats);

    private sealed record AttendanceData(Briefing Briefing, List<Location> Locations, List<Pass> Passes, Dictionary<Guid, PassCheckIn> CheckIns);

    /// <summary>The main venue, every linked remote point, and any other place a pass was issued for.</summary>
    private async Task<AttendanceData?> LoadAsync(Guid id, CancellationToken ct)
    {
        var briefing = await db.Briefings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (briefing is null)
        {
            return null;
        }

        var passes = await db.Passes.AsNoTracking().Where(p => p.BriefingId == id).ToListAsync(ct);
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.BriefingId == id).ToDictionaryAsync(c => c.PassId, ct);
        var links = await db.BriefingRemotePoints.AsNoTracking().Where(l => l.BriefingId == id).Include(l => l.RemotePoint).ToListAsync(ct);
        var locations = new List<Location> { new(null, briefing.Venue, briefing.Capacity) };
        locations.AddRange(links.OrderBy(l => l.RemotePoint!.NameKey).Select(l => new Location(l.RemotePointId, l.RemotePoint!.Name, l.Capacity)));
        var others = passes.Select(p => p.RemotePointId).OfType<Guid>().Distinct().Where(p => links.All(l => l.RemotePointId != p)).ToList();
        if (others.Count > 0)
        {
            var points = await db.RemotePoints.AsNoTracking().Where(p => others.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            locations.AddRange(others.Select(p => new Location(p, points.GetValueOrDefault(p) ?? p.ToString(), 0)));
        }

        return new AttendanceData(briefing, locations, passes, checkIns);
    }
}
