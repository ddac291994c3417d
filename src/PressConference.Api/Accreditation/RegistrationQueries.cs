using System.Globalization;
using System.Security.Claims;

namespace PressConference.Api.Accreditation;

/// <summary>A briefing's registrations as a CSV file and the name to save it under.</summary>
public sealed record RegistrationExport(byte[] Content, string FileName);

/// <summary>What reporters and organizers read about registrations: one, a reporter's own, a briefing's review list, its export and a history.</summary>
public sealed class RegistrationQueries(AppDbContext db, SeatLedger seats)
{
    /// <summary>The owner and organizers see a registration; to anyone else it does not exist.</summary>
    public Task<Registration?> FindVisibleAsync(Guid id, ClaimsPrincipal user, CancellationToken ct, bool tracked = false)
    {
        var userId = user.UserId();
        var organizer = user.IsOrganizer();
        var query = db.Registrations.Include(r => r.Credential).Where(r => r.Id == id && (organizer || r.ReporterId == userId));
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    public async Task<RegistrationResponse?> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken ct) =>
        await FindVisibleAsync(id, user, ct) is { } registration
            ? RegistrationResponse.From(registration, await seats.PositionAsync(registration, ct))
            : null;

    /// <summary>The signed-in reporter's registrations, newest first.</summary>
    public async Task<List<RegistrationResponse>> MineAsync(ClaimsPrincipal reporter, CancellationToken ct)
    {
        var userId = reporter.UserId();
        var mine = await db.Registrations.AsNoTracking().Include(r => r.Credential).Where(r => r.ReporterId == userId)
            .OrderByDescending(r => r.CreatedAt).Take(Paging.MaxPageSize).ToListAsync(ct);
        return await ResponsesAsync(mine, ct);
    }

    /// <summary>The review list of a briefing (null when there is no such briefing): filter by status, location ("main" or a remote point id) and name or outlet.</summary>
    public async Task<Paged<RegistrationResponse>?> ReviewQueueAsync(Guid briefingId, RegistrationListQuery query, CancellationToken ct)
    {
        if (!await db.Briefings.AnyAsync(b => b.Id == briefingId, ct))
        {
            return null;
        }

        var registrations = Filter(briefingId, query);
        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        var total = await registrations.CountAsync(ct);
        var items = await registrations.Include(r => r.Credential)
            .OrderBy(r => r.Status == RegistrationStatus.Waitlisted ? r.WaitlistNumber : null).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<RegistrationResponse>(await ResponsesAsync(items, ct), page, size, total);
    }

    /// <summary>For organizers: name, outlet, location, status, decided at (Hanoi time). Never a photo-ID number. Null when there is no such briefing.</summary>
    public async Task<RegistrationExport?> ExportAsync(Guid briefingId, RegistrationListQuery query, CancellationToken ct)
    {
        var briefing = await db.Briefings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == briefingId, ct);
        if (briefing is null)
        {
            return null;
        }

        var rows = await Filter(briefingId, query).OrderBy(r => r.LocationKey).ThenBy(r => r.Status).ThenBy(r => r.WaitlistNumber).ThenBy(r => r.CreatedAt)
            .Select(r => new { r.HolderName, r.OutletName, r.RemotePointId, r.Status, r.DecidedAt }).ToListAsync(ct);
        var points = await db.BriefingRemotePoints.AsNoTracking().Where(l => l.BriefingId == briefingId).Include(l => l.RemotePoint)
            .ToDictionaryAsync(l => l.RemotePointId, l => l.RemotePoint!.Name, ct);
        var csv = await CsvExport.WriteAsync(["name", "outlet", "location", "status", "decidedAt"], rows.Select(row => new[]
        {
            row.HolderName,
            row.OutletName,
            row.RemotePointId is { } p ? points.GetValueOrDefault(p, p.ToString()) : Texts.Get("registration.mainVenue"),
            row.Status.ToString(),
            row.DecidedAt is { } at ? VietnamTime.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty,
        }));
        return new RegistrationExport(csv, $"registrations-{VietnamTime.LocalDate(briefing.StartsAt):yyyy-MM-dd}.csv");
    }

    /// <summary>Every decision on a registration, oldest first; null when there is no such registration.</summary>
    public async Task<List<RegistrationHistoryEntry>?> HistoryAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Registrations.AnyAsync(r => r.Id == id, ct))
        {
            return null;
        }

        var entries = await db.RegistrationAudit.AsNoTracking().Where(a => a.RegistrationId == id).OrderBy(a => a.Id).ToListAsync(ct);
        return entries.Select(a => new RegistrationHistoryEntry(a.At, VietnamTime.ToLocal(a.At), a.ActorName, a.Action, a.FromStatus,
            a.ToStatus, Finding.Parse(a.Findings).Select(f => f.ToResponse()).ToList(), a.Reason)).ToList();
    }

    private async Task<List<RegistrationResponse>> ResponsesAsync(IReadOnlyCollection<Registration> registrations, CancellationToken ct)
    {
        var positions = await seats.PositionsAsync(registrations, ct);
        return registrations.Select(r => RegistrationResponse.From(r, positions.GetValueOrDefault(r.Id))).ToList();
    }

    private IQueryable<Registration> Filter(Guid briefingId, RegistrationListQuery query)
    {
        var registrations = db.Registrations.AsNoTracking().Where(r => r.BriefingId == briefingId);
        if (Enum.TryParse<RegistrationStatus>(query.Status, ignoreCase: true, out var status))
        {
            registrations = registrations.Where(r => r.Status == status);
        }

        if (string.Equals(query.Location, "main", StringComparison.OrdinalIgnoreCase))
        {
            registrations = registrations.Where(r => r.RemotePointId == null);
        }
        else if (Guid.TryParse(query.Location, out var pointId))
        {
            registrations = registrations.Where(r => r.RemotePointId == pointId);
        }

        var search = TextKey.Fold(query.Q);
        return search.Length > 0 ? registrations.Where(r => r.SearchText.Contains(search)) : registrations;
    }
}
