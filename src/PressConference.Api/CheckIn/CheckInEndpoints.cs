using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.Data;
using PressConference.Api.Identity;
using PressConference.Api.Infrastructure;
using PressConference.Api.Passes;

namespace PressConference.Api.CheckIn;

public static class CheckInEndpoints
{
    public static IEndpointRouteBuilder MapCheckIn(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/checkin").WithTags("CheckIn").RequireAuthorization(Policies.DoorStaff);
        group.MapPost("/scans", Scan).Validate<ScanRequest>();
        group.MapPost("/sync", Sync).Validate<SyncRequest>();
        // Public keys are not secret, but only doors use them and the door page signs in first: DoorStaff, not anonymous.
        group.MapGet("/keys", Keys);
        group.MapPost("/keys/rotate", Rotate).RequireAuthorization(Policies.Admin);
        group.MapGet("/door-bindings", ListBindings).RequireAuthorization(Policies.Organizer);
        group.MapGet("/door-bindings/me", MyBinding);
        group.MapPut("/door-bindings/{userId}", Bind).RequireAuthorization(Policies.Organizer).Validate<DoorBindingRequest>();
        group.MapDelete("/door-bindings/{userId}", Unbind).RequireAuthorization(Policies.Organizer);

        app.MapGet("/api/briefings/{id:guid}/checkin-bundle", Bundle).WithTags("CheckIn").RequireAuthorization(Policies.DoorStaff);
        return app;
    }

    private static async Task<Ok<ScanResponse>> Scan(ScanRequest request, ClaimsPrincipal user, DoorScanner scanner, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var (door, refusal) = await scanner.ResolveDoorAsync(user, request.BriefingId, request.RemotePointId, request.DoorId, null,
            ScanSource.Online, ct);
        var outcome = await scanner.ScanAsync(request.Token, door, refusal, clock.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Ok(await DescribeAsync(db, outcome, ct));
    }

    private static async Task<Ok<SyncResponse>> Sync(SyncRequest request, ClaimsPrincipal user, OfflineSync sync, CancellationToken ct) =>
        TypedResults.Ok(await sync.SyncAsync(request, user, ct));

    private static async Task<Ok<KeysResponse>> Keys(AppDbContext db, PassKeyRing keys, CancellationToken ct)
    {
        var all = await keys.PublicKeysAsync(db, ct);
        return TypedResults.Ok(new KeysResponse(all[^1].Kid, all));
    }

    /// <summary>New passes are signed with a new key from now on; passes signed before keep verifying until they expire.</summary>
    private static async Task<Ok<KeysResponse>> Rotate(ClaimsPrincipal user, AppDbContext db, PassKeyRing keys, TimeProvider clock, CancellationToken ct)
    {
        await keys.RotateAsync(db, clock.GetUtcNow().UtcDateTime, user.UserId(), ct);
        return await Keys(db, keys, ct);
    }

    private static async Task<Ok<List<DoorBindingResponse>>> ListBindings(AppDbContext db, CancellationToken ct)
    {
        var bindings = await db.DoorBindings.AsNoTracking().OrderBy(b => b.BoundAt).ToListAsync(ct);
        var responses = new List<DoorBindingResponse>();
        foreach (var binding in bindings)
        {
            responses.Add(await DescribeAsync(db, binding.UserId, binding, ct));
        }

        return TypedResults.Ok(responses);
    }

    private static async Task<Ok<DoorBindingResponse>> MyBinding(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var userId = user.UserId() ?? string.Empty;
        var binding = await db.DoorBindings.AsNoTracking().FirstOrDefaultAsync(b => b.UserId == userId, ct);
        return TypedResults.Ok(await DescribeAsync(db, userId, binding, ct));
    }

    private static async Task<Results<Ok<DoorBindingResponse>, ProblemHttpResult>> Bind(string userId, DoorBindingRequest request,
        ClaimsPrincipal organizer, AppDbContext db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(userId);
        if (account is null)
        {
            return Problems.NotFound("entity.user");
        }

        if (!await users.IsInRoleAsync(account, Roles.DoorStaff))
        {
            return Problems.Conflict("NotDoorStaff", Texts.Get("checkin.notDoorStaff"));
        }

        var briefingId = request.BriefingId!.Value;
        if (!await db.Briefings.AnyAsync(b => b.Id == briefingId, ct))
        {
            return Problems.NotFound("entity.briefing");
        }

        if (request.RemotePointId is { } pointId && !await db.BriefingRemotePoints.AnyAsync(l => l.BriefingId == briefingId && l.RemotePointId == pointId, ct))
        {
            return Problems.Conflict("RemotePointNotLinked", Texts.Get("remotePoint.notLinked"));
        }

        var binding = await db.DoorBindings.FirstOrDefaultAsync(b => b.UserId == userId, ct);
        if (binding is null)
        {
            binding = new DoorBinding { UserId = userId };
            db.DoorBindings.Add(binding);
        }

        binding.BriefingId = briefingId;
        binding.RemotePointId = request.RemotePointId;
        binding.BoundAt = clock.GetUtcNow().UtcDateTime;
        binding.BoundBy = organizer.UserId();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DescribeAsync(db, userId, binding, ct));
    }

    private static async Task<NoContent> Unbind(string userId, AppDbContext db, CancellationToken ct)
    {
        await db.DoorBindings.Where(b => b.UserId == userId).ExecuteDeleteAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Everything an offline door at one location needs. A bound account gets its own location when it names none,
    /// and is refused another one.
    /// </summary>
    private static async Task<Results<Ok<CheckInBundle>, ProblemHttpResult>> Bundle(Guid id, [AsParameters] BundleQuery query,
        ClaimsPrincipal user, AppDbContext db, PassKeyRing keys, TimeProvider clock, CancellationToken ct)
    {
        var remotePointId = query.RemotePointId;
        var userId = user.UserId();
        if (await db.DoorBindings.AsNoTracking().FirstOrDefaultAsync(b => b.UserId == userId, ct) is { } binding)
        {
            if (binding.BriefingId != id || (remotePointId is { } asked && asked != binding.RemotePointId))
            {
                return Problems.Problem(StatusCodes.Status403Forbidden, binding.BriefingId != id ? "WrongBriefing" : "WrongLocation",
                    Texts.Get("checkin.boundElsewhere"));
            }

            remotePointId = binding.RemotePointId;
        }

        var briefing = await db.Briefings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (briefing is null)
        {
            return Problems.NotFound("entity.briefing");
        }

        if (remotePointId is { } pointId && !await db.BriefingRemotePoints.AnyAsync(l => l.BriefingId == id && l.RemotePointId == pointId, ct)
            && !await db.Passes.AnyAsync(p => p.BriefingId == id && p.RemotePointId == pointId, ct))
        {
            return Problems.NotFound("entity.remotePoint");
        }

        var passes = await db.Passes.AsNoTracking().Where(p => p.BriefingId == id && p.RemotePointId == remotePointId)
            .OrderBy(p => p.ReporterName).ThenBy(p => p.Id).ToListAsync(ct);
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.BriefingId == id).ToDictionaryAsync(c => c.PassId, ct);
        var names = await PassLocations.NamesAsync(db, [id], checkIns.Values.Select(c => c.RemotePointId).Append(remotePointId), ct);
        var publicKeys = await keys.PublicKeysAsync(db, ct);

        var bundlePasses = passes.Where(p => p.IsLive).Select(p => checkIns.TryGetValue(p.Id, out var c)
            ? new BundlePass(p.Id, p.ReporterName, p.OutletName, c.CheckedInAt, DoorName(c, names))
            : new BundlePass(p.Id, p.ReporterName, p.OutletName, null, null)).ToList();
        var revocations = passes.Where(p => !p.IsLive).Select(p => new BundleRevocation(p.Id, p.RevocationReason ?? PassRevocation.Revoked, p.RevokedAt!.Value))
            .ToList();

        var stamp = new StringBuilder().Append(briefing.Version).Append('|').Append(briefing.DoorsOpenAt.Ticks).Append('|').Append(briefing.EndsAt.Ticks);
        stamp.Append('|').AppendJoin(',', publicKeys.Select(k => k.Kid));
        foreach (var p in passes)
        {
            stamp.Append('|').Append(p.Id).Append(p.RevokedAt?.Ticks).Append(p.Token).Append(checkIns.GetValueOrDefault(p.Id)?.CheckedInAt.Ticks);
        }

        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stamp.ToString())))[..16];
        return TypedResults.Ok(new CheckInBundle(briefing.Id, briefing.Title, briefing.Status, remotePointId, names(id, remotePointId),
            briefing.DoorsOpenAt, briefing.EndsAt, VietnamTime.ToLocal(briefing.DoorsOpenAt), VietnamTime.ToLocal(briefing.EndsAt), version,
            clock.GetUtcNow().UtcDateTime, publicKeys[^1].Kid, publicKeys, bundlePasses, revocations.Select(r => r.PassId).ToList(), revocations));
    }

    /// <summary>The screen's answer to a scan, with names and places resolved.</summary>
    internal static async Task<ScanResponse> DescribeAsync(AppDbContext db, ScanOutcome outcome, CancellationToken ct) =>
        (await DescribeFullAsync(db, outcome, ct)).Response;

    /// <summary>The answer, and the door of the admission on record (this scan's when it admitted).</summary>
    internal static async Task<(ScanResponse Response, string? AdmissionDoor)> DescribeFullAsync(AppDbContext db, ScanOutcome outcome,
        CancellationToken ct)
    {
        var pass = outcome.Pass;
        string? location = null;
        string? firstDoor = null;
        if (pass is not null)
        {
            var names = await PassLocations.NamesAsync(db, [pass.BriefingId], [pass.RemotePointId, outcome.CheckIn?.RemotePointId], ct);
            location = names(pass.BriefingId, pass.RemotePointId);
            firstDoor = outcome.CheckIn is { } c ? DoorName(c, names) : null;
        }

        var message = outcome.Result switch
        {
            ScanResult.Admitted => Texts.Get("checkin.admitted", pass!.ReporterName, pass.OutletName),
            ScanResult.AlreadyCheckedIn => Texts.Get("checkin.already", VietnamTime.ToLocal(outcome.CheckIn!.CheckedInAt), firstDoor),
            _ => Texts.Get($"checkin.reason.{outcome.Reason}"),
        };
        var already = outcome.Result == ScanResult.AlreadyCheckedIn;
        var response = new ScanResponse(outcome.Result, outcome.Reason, message, pass?.Id, pass?.BriefingId, pass?.RemotePointId, pass?.ReporterName,
            pass?.OutletName, location, outcome.ScannedAt, outcome.Result == ScanResult.Refused ? null : outcome.CheckIn?.CheckedInAt,
            already ? outcome.CheckIn!.CheckedInAt : null, already ? firstDoor : null);
        return (response, outcome.Result == ScanResult.Refused ? null : firstDoor);
    }

    internal static string DoorName(PassCheckIn checkIn, Func<Guid, Guid?, string> names)
    {
        var place = names(checkIn.BriefingId, checkIn.RemotePointId);
        return checkIn.DoorId is { } door ? string.Create(CultureInfo.InvariantCulture, $"{door} ({place})") : place;
    }

    private static async Task<DoorBindingResponse> DescribeAsync(AppDbContext db, string userId, DoorBinding? binding, CancellationToken ct)
    {
        if (binding is null)
        {
            return new DoorBindingResponse(userId, false, null, null, null, null, null);
        }

        var briefing = await db.Briefings.AsNoTracking().FirstAsync(b => b.Id == binding.BriefingId, ct);
        var (location, _) = await PassLocations.DescribeAsync(db, briefing, binding.RemotePointId, ct);
        return new DoorBindingResponse(userId, true, briefing.Id, briefing.Title, binding.RemotePointId, location, binding.BoundAt);
    }
}
