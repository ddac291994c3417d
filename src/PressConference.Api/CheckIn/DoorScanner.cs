using System.Security.Claims;
using PressConference.Api.Passes;

namespace PressConference.Api.CheckIn;

/// <summary>Where and by whom a scan is made. A null briefing means the door checks passes of any briefing.</summary>
public sealed record Door(string? AccountId, string? AccountName, Guid? BriefingId, Guid? RemotePointId, string? DoorId, string? DeviceId,
    ScanSource Source);

/// <summary>The verdict on one scan, with the pass and the first admission when they are known.</summary>
public sealed record ScanOutcome(ScanResult Result, ScanRefusal? Reason, Pass? Pass, PassCheckIn? CheckIn, DateTime ScannedAt)
{
    /// <summary>An offline scan earlier than the admission on record took its place.</summary>
    public PassCheckIn? Displaced { get; init; }
}

/// <summary>
/// Decides a scan: token (format, key, signature), then the door (briefing, location), then the pass (revoked,
/// window), then the one admission the database allows. Logs every scan.
/// </summary>
public sealed class DoorScanner(AppDbContext db, PassKeyRing keys, TimeProvider clock)
{
    /// <summary>
    /// The door an account scans at: a bound account always scans for its binding (asking for another briefing or
    /// location is refused); an unbound one for what the request names.
    /// </summary>
    public async Task<(Door Door, ScanRefusal? Refusal)> ResolveDoorAsync(ClaimsPrincipal user, Guid? briefingId, Guid? remotePointId,
        string? doorId, string? deviceId, ScanSource source, CancellationToken ct)
    {
        var userId = user.UserId();
        var binding = userId is null ? null : await db.DoorBindings.AsNoTracking().FirstOrDefaultAsync(b => b.UserId == userId, ct);
        if (binding is null)
        {
            return (new Door(userId, user.UserName(), briefingId, remotePointId, Clean(doorId), Clean(deviceId), source), null);
        }

        var door = new Door(userId, user.UserName(), binding.BriefingId, binding.RemotePointId, Clean(doorId), Clean(deviceId), source);
        ScanRefusal? refusal = briefingId is { } b && b != binding.BriefingId ? ScanRefusal.WrongBriefing
            : remotePointId is { } p && p != binding.RemotePointId ? ScanRefusal.WrongLocation
            : null;
        return (door, refusal);
    }

    public async Task<ScanOutcome> ScanAsync(string? token, Door door, ScanRefusal? doorRefusal, DateTime scannedAt, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // A device clock ahead of the server's cannot date a scan in the future.
        var at = scannedAt > now ? now : scannedAt;
        if (doorRefusal is { } refused)
        {
            return await LogAsync(new ScanOutcome(ScanResult.Refused, refused, null, null, at), door, now, ct);
        }

        var (check, payload) = await keys.VerifyAsync(db, token, ct);
        if (check != TokenCheck.Valid)
        {
            var reason = check switch
            {
                TokenCheck.UnknownKey => ScanRefusal.UnknownKey,
                TokenCheck.InvalidSignature => ScanRefusal.InvalidSignature,
                _ => ScanRefusal.Malformed,
            };
            return await LogAsync(new ScanOutcome(ScanResult.Refused, reason, null, null, at), door, now, ct);
        }

        var pass = await db.Passes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == payload!.PassId, ct);
        if (Refusal(pass, door, at) is { } refusal)
        {
            return await LogAsync(new ScanOutcome(ScanResult.Refused, refusal, pass, null, at), door, now, ct);
        }

        return await AdmitAsync(pass!, door, at, now, ct);
    }

    /// <summary>Place first (a pass for another door is turned away whatever its state), then revocation, then the window.</summary>
    public static ScanRefusal? Refusal(Pass? pass, Door door, DateTime at)
    {
        if (pass is null)
        {
            // Signed by us yet unknown: nothing a door may admit.
            return ScanRefusal.Revoked;
        }

        if (door.BriefingId is { } briefingId && briefingId != pass.BriefingId)
        {
            return ScanRefusal.WrongBriefing;
        }

        if (door.RemotePointId != pass.RemotePointId)
        {
            return ScanRefusal.WrongLocation;
        }

        if (pass.RevokedAt is { } revokedAt && revokedAt <= at)
        {
            return pass.RevocationReason == PassRevocation.Cancelled ? ScanRefusal.Cancelled : ScanRefusal.Revoked;
        }

        if (at < pass.ValidFrom)
        {
            return ScanRefusal.NotYetOpen;
        }

        return at >= pass.ValidUntil ? ScanRefusal.Closed : null;
    }

    private async Task<ScanOutcome> AdmitAsync(Pass pass, Door door, DateTime at, DateTime now, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await db.CheckIns.AsNoTracking().FirstOrDefaultAsync(c => c.PassId == pass.Id, ct);
            if (existing is not null)
            {
                if (door.Source == ScanSource.Offline && existing.CheckedInAt > at && await MoveEarlierAsync(pass.Id, door, at, now, ct))
                {
                    var moved = await db.CheckIns.AsNoTracking().FirstAsync(c => c.PassId == pass.Id, ct);
                    return await LogAsync(new ScanOutcome(ScanResult.Admitted, null, pass, moved, at) { Displaced = existing }, door, now, ct);
                }

                return await LogAsync(new ScanOutcome(ScanResult.AlreadyCheckedIn, null, pass, existing, at), door, now, ct);
            }

            var checkIn = new PassCheckIn
            {
                PassId = pass.Id,
                BriefingId = pass.BriefingId,
                RemotePointId = door.RemotePointId,
                DoorId = door.DoorId,
                ScannedBy = door.AccountId,
                DeviceId = door.DeviceId,
                CheckedInAt = at,
                Source = door.Source,
                RecordedAt = now,
            };
            var outcome = new ScanOutcome(ScanResult.Admitted, null, pass, checkIn, at);
            db.CheckIns.Add(checkIn);
            var log = db.ScanLog.Add(Entry(outcome, door, now)).Entity;
            try
            {
                await db.SaveChangesAsync(ct);
                return outcome;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another door admitted this pass a moment ago: the unique index kept it to one admission.
                db.Entry(checkIn).State = EntityState.Detached;
                db.Entry(log).State = EntityState.Detached;
            }
        }
    }

    /// <summary>The earliest admission wins: an offline scan from before the recorded one takes its place.</summary>
    private async Task<bool> MoveEarlierAsync(Guid passId, Door door, DateTime at, DateTime now, CancellationToken ct) =>
        await db.CheckIns.Where(c => c.PassId == passId && c.CheckedInAt > at)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.CheckedInAt, at)
                .SetProperty(c => c.RemotePointId, door.RemotePointId)
                .SetProperty(c => c.DoorId, door.DoorId)
                .SetProperty(c => c.ScannedBy, door.AccountId)
                .SetProperty(c => c.DeviceId, door.DeviceId)
                .SetProperty(c => c.Source, door.Source)
                .SetProperty(c => c.RecordedAt, now), ct) == 1;

    private async Task<ScanOutcome> LogAsync(ScanOutcome outcome, Door door, DateTime now, CancellationToken ct)
    {
        db.ScanLog.Add(Entry(outcome, door, now));
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    private static ScanLogEntry Entry(ScanOutcome outcome, Door door, DateTime now) => new()
    {
        RecordedAt = now,
        ScannedAt = outcome.ScannedAt,
        AccountId = door.AccountId,
        AccountName = door.AccountName,
        DoorId = door.DoorId,
        DeviceId = door.DeviceId,
        BriefingId = door.BriefingId ?? outcome.Pass?.BriefingId,
        RemotePointId = door.RemotePointId,
        PassId = outcome.Pass?.Id,
        Result = outcome.Result,
        Reason = outcome.Reason,
        Source = door.Source,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
