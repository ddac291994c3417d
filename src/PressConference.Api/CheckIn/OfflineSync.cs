using System.Security.Claims;
using PressConference.Api.Passes;

namespace PressConference.Api.CheckIn;

/// <summary>
/// Merges the scans an offline door queued. Each scan is judged as of the moment the door made it (window and
/// revocation), the earliest admission of a pass wins, and each scan is stored under (device, token, time scanned) in the
/// same transaction as its effects, so a batch sent twice changes nothing the second time.
/// </summary>
public sealed class OfflineSync(AppDbContext db, DoorScanner scanner, ScanDescriptions descriptions, TimeProvider clock)
{
    public async Task<SyncResponse> SyncAsync(SyncRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var deviceId = request.DeviceId!.Trim();
        var (door, refusal) = await scanner.ResolveDoorAsync(user, request.BriefingId, request.RemotePointId, request.DoorId, deviceId,
            ScanSource.Offline, ct);
        var scans = request.Scans!;
        var results = new SyncScanResult[scans.Count];
        var conflicts = new List<SyncConflict>();

        // Oldest first: within one batch too, the earliest admission is the one that counts.
        foreach (var (scan, index) in scans.Select((s, i) => (s, i)).OrderBy(x => x.s.ScannedAt!.Value.UtcDateTime).ThenBy(x => x.i))
        {
            var (result, conflict) = await OneAsync(index, scan, door, refusal, ct);
            results[index] = result;
            if (conflict is not null)
            {
                conflicts.Add(conflict);
            }
        }

        return new SyncResponse(deviceId, scans.Count, results.Count(r => r is { Result: ScanResult.Admitted, Duplicate: false }),
            results.Count(r => r.Duplicate), results, conflicts.OrderBy(c => c.Index).ToList());
    }

    private async Task<(SyncScanResult, SyncConflict?)> OneAsync(int index, SyncScan scan, Door door, ScanRefusal? refusal, CancellationToken ct)
    {
        var token = scan.Token!.Trim('\r', '\n');
        var hash = Fingerprint.Sha256Hex(token);
        var scannedAt = scan.ScannedAt!.Value.UtcDateTime;
        var deviceId = door.DeviceId!;
        if (await FindAsync(deviceId, hash, scannedAt, ct) is { } seen)
        {
            return await ReplayAsync(index, seen, ct);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var outcome = await scanner.ScanAsync(token, door, refusal, scannedAt, ct);
        var kind = ConflictOf(outcome, scan.LocalResult);
        db.OfflineScans.Add(new OfflineScan
        {
            DeviceId = deviceId,
            TokenHash = hash,
            ScannedAt = scannedAt,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
            PassId = outcome.Pass?.Id,
            LocalResult = scan.LocalResult,
            Result = outcome.Result,
            Reason = outcome.Reason,
            Conflict = kind,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same scan arrived through a parallel request: undo ours and answer with the stored verdict.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var stored = await FindAsync(deviceId, hash, scannedAt, ct) ?? throw new InvalidOperationException("Offline scan vanished.");
            return await ReplayAsync(index, stored, ct);
        }

        var (response, admissionDoor) = await descriptions.DescribeWithAdmissionAsync(outcome, ct);
        return Build(index, scannedAt, scan.LocalResult, response, admissionDoor, kind, outcome.Pass, duplicate: false);
    }

    private static SyncConflictKind? ConflictOf(ScanOutcome outcome, ScanResult? localResult) => outcome switch
    {
        { Result: ScanResult.Admitted, Displaced: not null } => SyncConflictKind.AdmittedTwice,
        _ when localResult != ScanResult.Admitted => null,
        { Result: ScanResult.AlreadyCheckedIn } => SyncConflictKind.AdmittedTwice,
        { Result: ScanResult.Refused, Reason: ScanRefusal.Revoked or ScanRefusal.Cancelled } => SyncConflictKind.RevokedBeforeScan,
        { Result: ScanResult.Refused } => SyncConflictKind.RefusedByServer,
        _ => null,
    };

    private Task<OfflineScan?> FindAsync(string deviceId, string hash, DateTime scannedAt, CancellationToken ct) =>
        db.OfflineScans.AsNoTracking().FirstOrDefaultAsync(s => s.DeviceId == deviceId && s.TokenHash == hash && s.ScannedAt == scannedAt, ct);

    /// <summary>The stored verdict of a scan already merged, with today's view of the pass's admission.</summary>
    private async Task<(SyncScanResult, SyncConflict?)> ReplayAsync(int index, OfflineScan seen, CancellationToken ct)
    {
        var pass = seen.PassId is { } passId ? await db.Passes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == passId, ct) : null;
        var checkIn = pass is null ? null : await db.CheckIns.AsNoTracking().FirstOrDefaultAsync(c => c.PassId == pass.Id, ct);
        var outcome = new ScanOutcome(seen.Result, seen.Reason, pass, seen.Result == ScanResult.Refused ? null : checkIn, seen.ScannedAt);
        var (response, admissionDoor) = await descriptions.DescribeWithAdmissionAsync(outcome, ct);
        return Build(index, seen.ScannedAt, seen.LocalResult, response, admissionDoor, seen.Conflict, pass, duplicate: true);
    }

    private static (SyncScanResult, SyncConflict?) Build(int index, DateTime scannedAt, ScanResult? localResult, ScanResponse response,
        string? admissionDoor, SyncConflictKind? kind, Pass? pass, bool duplicate)
    {
        // For a synced scan, "first" is the admission that counts, whether this scan or an earlier one.
        var first = response.CheckedInAt;
        var firstDoor = admissionDoor;
        var result = new SyncScanResult(index, response.PassId, scannedAt, localResult, response.Result, response.Reason, response.Message,
            response.ReporterName, response.OutletName, response.CheckedInAt, first, firstDoor, kind, duplicate);
        SyncConflict? conflict = kind switch
        {
            SyncConflictKind.AdmittedTwice => new SyncConflict(index, kind.Value, response.PassId,
                Texts.Get("checkin.conflict.AdmittedTwice", VietnamTime.ToLocal(first!.Value), firstDoor ?? response.Location),
                scannedAt, first, firstDoor ?? response.Location, null),
            SyncConflictKind.RevokedBeforeScan => new SyncConflict(index, kind.Value, response.PassId,
                Texts.Get("checkin.conflict.RevokedBeforeScan", VietnamTime.ToLocal(pass!.RevokedAt!.Value)), scannedAt, null, null, pass.RevokedAt),
            SyncConflictKind.RefusedByServer => new SyncConflict(index, kind.Value, response.PassId,
                Texts.Get("checkin.conflict.RefusedByServer", response.Message), scannedAt, null, null, null),
            _ => null,
        };
        return (result, conflict);
    }
}
