using System.Security.Claims;
using PressConference.Api.Passes;

namespace PressConference.Api.CheckIn;

/// <summary>The public keys doors verify passes with, and their rotation.</summary>
public sealed class DoorKeys(AppDbContext db, PassKeyRing keys, TimeProvider clock)
{
    public async Task<KeysResponse> ListAsync(CancellationToken ct)
    {
        var all = await keys.PublicKeysAsync(db, ct);
        return new KeysResponse(all[^1].Kid, all);
    }

    /// <summary>New passes are signed with a new key from now on; passes signed before keep verifying until they expire.</summary>
    public async Task<KeysResponse> RotateAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await keys.RotateAsync(db, clock.GetUtcNow().UtcDateTime, user.UserId(), ct);
        return await ListAsync(ct);
    }
}
