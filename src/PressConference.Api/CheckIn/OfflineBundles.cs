using System.Security.Claims;
using System.Text;
using PressConference.Api.Passes;

namespace PressConference.Api.CheckIn;

/// <summary>Everything an offline door at one location needs: keys, the location's passes, revoked ones, the window and a version stamp.</summary>
public sealed class OfflineBundles(AppDbContext db, PassKeyRing keys, TimeProvider clock)
{
    /// <summary>
    /// The bundle of one briefing's location (<paramref name="remotePointId"/> null: the main venue). A bound account gets
    /// its own location when it names none, and is refused another one.
    /// </summary>
    public async Task<CheckInAnswer<CheckInBundle>> ForDoorAsync(Guid briefingId, Guid? remotePointId, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId();
        if (await db.DoorBindings.AsNoTracking().FirstOrDefaultAsync(b => b.UserId == userId, ct) is { } binding)
        {
            if (binding.BriefingId != briefingId || (remotePointId is { } asked && asked != binding.RemotePointId))
            {
                return new(null, new CheckInRefusal(CheckInRefusalKind.Forbidden, binding.BriefingId != briefingId ? "WrongBriefing" : "WrongLocation",
                    Texts.Get("checkin.boundElsewhere")));
            }

            remotePointId = binding.RemotePointId;
        }

        var briefing = await db.Briefings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == briefingId, ct);
        if (briefing is null)
        {
            return new(null, CheckInRefusal.NotFound("entity.briefing"));
        }

        if (remotePointId is { } pointId
            && !await db.BriefingRemotePoints.AnyAsync(l => l.BriefingId == briefingId && l.RemotePointId == pointId, ct)
            && !await db.Passes.AnyAsync(p => p.BriefingId == briefingId && p.RemotePointId == pointId, ct))
        {
            return new(null, CheckInRefusal.NotFound("entity.remotePoint"));
        }

        var passes = await db.Passes.AsNoTracking().Where(p => p.BriefingId == briefingId && p.RemotePointId == remotePointId)
            .OrderBy(p => p.ReporterName).ThenBy(p => p.Id).ToListAsync(ct);
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.BriefingId == briefingId).ToDictionaryAsync(c => c.PassId, ct);
        var names = await PassLocations.NamesAsync(db, [briefingId], checkIns.Values.Select(c => c.RemotePointId).Append(remotePointId), ct);
        var publicKeys = await keys.PublicKeysAsync(db, ct);

        var bundlePasses = passes.Where(p => p.IsLive).Select(p => checkIns.TryGetValue(p.Id, out var c)
            ? new BundlePass(p.Id, p.ReporterName, p.OutletName, c.CheckedInAt, ScanDescriptions.DoorName(c, names))
            : new BundlePass(p.Id, p.ReporterName, p.OutletName, null, null)).ToList();
        var revocations = passes.Where(p => !p.IsLive)
            .Select(p => new BundleRevocation(p.Id, p.RevocationReason ?? PassRevocation.Revoked, p.RevokedAt!.Value)).ToList();

        var stamp = new StringBuilder().Append(briefing.Version).Append('|').Append(briefing.DoorsOpenAt.Ticks).Append('|').Append(briefing.EndsAt.Ticks);
        stamp.Append('|').AppendJoin(',', publicKeys.Select(k => k.Kid));
        foreach (var p in passes)
        {
            stamp.Append('|').Append(p.Id).Append(p.RevokedAt?.Ticks).Append(p.Token).Append(checkIns.GetValueOrDefault(p.Id)?.CheckedInAt.Ticks);
        }

        var version = Fingerprint.Sha256Hex(stamp.ToString())[..16];
        return new(new CheckInBundle(briefing.Id, briefing.Title, briefing.Status, remotePointId, names(briefingId, remotePointId),
            briefing.DoorsOpenAt, briefing.EndsAt, VietnamTime.ToLocal(briefing.DoorsOpenAt), VietnamTime.ToLocal(briefing.EndsAt), version,
            clock.GetUtcNow().UtcDateTime, publicKeys[^1].Kid, publicKeys, bundlePasses, revocations.Select(r => r.PassId).ToList(), revocations), null);
    }
}
