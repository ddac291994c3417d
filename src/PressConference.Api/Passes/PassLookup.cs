using System.Security.Claims;

namespace PressConference.Api.Passes;

/// <summary>A registration's pass as its owner sees it: for the pass endpoints, the e-mails that carry it and the pages.</summary>
public sealed class PassLookup(AppDbContext db)
{
    /// <summary>The pass of a registration, for its owner or an organizer; anyone else is told it does not exist.</summary>
    public async Task<PassResponse?> FindAsync(Guid registrationId, ClaimsPrincipal user, CancellationToken ct)
    {
        var pass = await db.Passes.AsNoTracking().FirstOrDefaultAsync(p => p.RegistrationId == registrationId, ct);
        if (pass is null || (pass.OwnerId != user.UserId() && !user.IsOrganizer()))
        {
            return null;
        }

        return await DescribeAsync(pass, ct);
    }

    /// <summary>The registration's pass when it is valid, whoever asks (for the e-mails that carry it).</summary>
    public async Task<PassResponse?> LoadLiveAsync(Guid registrationId, CancellationToken ct)
    {
        var pass = await db.Passes.AsNoTracking().FirstOrDefaultAsync(p => p.RegistrationId == registrationId && p.RevokedAt == null, ct);
        return pass is null ? null : await DescribeAsync(pass, ct);
    }

    private async Task<PassResponse> DescribeAsync(Pass pass, CancellationToken ct)
    {
        var briefing = await db.Briefings.AsNoTracking().FirstAsync(b => b.Id == pass.BriefingId, ct);
        var (location, address) = await PassLocations.DescribeAsync(db, briefing, pass.RemotePointId, ct);
        var status = pass.RevokedAt is null ? PassStatus.Valid
            : pass.RevocationReason == PassRevocation.Cancelled ? PassStatus.Cancelled : PassStatus.Revoked;
        return new PassResponse(pass.Id, pass.RegistrationId, pass.Token,
            new PassBriefing(briefing.Id, briefing.Title, briefing.StartsAt, briefing.EndsAt, VietnamTime.ToLocal(briefing.StartsAt),
                VietnamTime.ToLocal(briefing.EndsAt), briefing.Venue, briefing.Status),
            location, pass.RemotePointId, address, pass.ReporterName, pass.OutletName, pass.ValidFrom, pass.ValidUntil,
            VietnamTime.ToLocal(pass.ValidFrom), VietnamTime.ToLocal(pass.ValidUntil), status, pass.RevokedAt, pass.KeyId, pass.IssuedAt);
    }
}
