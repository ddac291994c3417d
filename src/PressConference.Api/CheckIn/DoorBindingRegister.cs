using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using PressConference.Api.Identity;
using PressConference.Api.Passes;

namespace PressConference.Api.CheckIn;

/// <summary>Which door-staff account works at which briefing and location; a bound account scans only there.</summary>
public sealed class DoorBindingRegister(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public async Task<List<DoorBindingResponse>> ListAsync(CancellationToken ct)
    {
        var bindings = await db.DoorBindings.AsNoTracking().OrderBy(b => b.BoundAt).ToListAsync(ct);
        var responses = new List<DoorBindingResponse>();
        foreach (var binding in bindings)
        {
            responses.Add(await DescribeAsync(binding.UserId, binding, ct));
        }

        return responses;
    }

    /// <summary>The account's binding; an unbound account is answered with <c>bound: false</c>.</summary>
    public async Task<DoorBindingResponse> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId() ?? string.Empty;
        var binding = await db.DoorBindings.AsNoTracking().FirstOrDefaultAsync(b => b.UserId == userId, ct);
        return await DescribeAsync(userId, binding, ct);
    }

    // Not "BindAsync": minimal APIs take a public method of that name as the type's own parameter binder.
    /// <summary>Binds a door-staff account to a briefing and a location (null: the main venue) linked to it; binding again moves it.</summary>
    public async Task<CheckInAnswer<DoorBindingResponse>> BindAccountAsync(string userId, Guid briefingId, Guid? remotePointId, ClaimsPrincipal organizer,
        CancellationToken ct)
    {
        var account = await users.FindByIdAsync(userId);
        if (account is null)
        {
            return new(null, CheckInRefusal.NotFound("entity.user"));
        }

        if (!await users.IsInRoleAsync(account, Roles.DoorStaff))
        {
            return new(null, new CheckInRefusal(CheckInRefusalKind.Conflict, "NotDoorStaff", Texts.Get("checkin.notDoorStaff")));
        }

        if (!await db.Briefings.AnyAsync(b => b.Id == briefingId, ct))
        {
            return new(null, CheckInRefusal.NotFound("entity.briefing"));
        }

        if (remotePointId is { } pointId && !await db.BriefingRemotePoints.AnyAsync(l => l.BriefingId == briefingId && l.RemotePointId == pointId, ct))
        {
            return new(null, new CheckInRefusal(CheckInRefusalKind.Conflict, "RemotePointNotLinked", Texts.Get("remotePoint.notLinked")));
        }

        var binding = await db.DoorBindings.FirstOrDefaultAsync(b => b.UserId == userId, ct);
        if (binding is null)
        {
            binding = new DoorBinding { UserId = userId };
            db.DoorBindings.Add(binding);
        }

        binding.BriefingId = briefingId;
        binding.RemotePointId = remotePointId;
        binding.BoundAt = clock.GetUtcNow().UtcDateTime;
        binding.BoundBy = organizer.UserId();
        await db.SaveChangesAsync(ct);
        return new(await DescribeAsync(userId, binding, ct), null);
    }

    public Task UnbindAccountAsync(string userId, CancellationToken ct) => db.DoorBindings.Where(b => b.UserId == userId).ExecuteDeleteAsync(ct);

    private async Task<DoorBindingResponse> DescribeAsync(string userId, DoorBinding? binding, CancellationToken ct)
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
