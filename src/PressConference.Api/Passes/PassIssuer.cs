using PressConference.Api.Briefings;

namespace PressConference.Api.Passes;

/// <summary>
/// Issues, re-signs and revokes passes. Every entry point only changes rows in the caller's scoped
/// <see cref="AppDbContext"/> and never saves: the registration change that causes it saves both, or neither.
/// </summary>
public sealed class PassIssuer(AppDbContext db, PassKeyRing keys, TimeProvider clock) : IBriefingChangeHandler
{
    /// <summary>
    /// The pass of an approved registration, valid from doors open to the end of the briefing. Issuing again for the
    /// same registration reinstates a revoked pass (same pass id, new signature) or refreshes a live one.
    /// </summary>
    public async Task<Pass> IssueAsync(Guid registrationId, string ownerId, Guid briefingId, Guid? remotePointId, string reporterName,
        string outletName, CancellationToken ct)
    {
        var briefing = await db.Briefings.FindAsync([briefingId], ct)
            ?? throw new InvalidOperationException($"Briefing {briefingId} does not exist.");
        var now = clock.GetUtcNow().UtcDateTime;
        var pass = await FindAsync(registrationId, ct);
        if (pass is not null && pass.BriefingId != briefingId)
        {
            throw new InvalidOperationException($"Registration {registrationId} already has a pass for another briefing.");
        }

        if (pass is null)
        {
            pass = new Pass { RegistrationId = registrationId, BriefingId = briefingId };
            db.Passes.Add(pass);
        }

        pass.OwnerId = ownerId;
        pass.RemotePointId = remotePointId;
        pass.ReporterName = reporterName.Trim();
        pass.OutletName = outletName.Trim();
        pass.RevokedAt = null;
        pass.RevocationReason = null;
        pass.IssuedAt = now;
        await SignAsync(pass, briefing, ct);
        return pass;
    }

    /// <summary>Revokes the registration's pass; a pass already revoked keeps its first reason and time; no pass, nothing to do.</summary>
    public async Task RevokeAsync(Guid registrationId, PassRevocation reason, DateTime at, CancellationToken ct)
    {
        var pass = await FindAsync(registrationId, ct);
        if (pass is { RevokedAt: null })
        {
            pass.RevokedAt = at;
            pass.RevocationReason = reason;
        }
    }

    /// <summary>A moved briefing re-signs its live passes with the new window; a cancelled one cancels them.</summary>
    public async Task HandleAsync(BriefingChange change, CancellationToken ct)
    {
        if (change is not (BriefingRescheduled or BriefingCancelled))
        {
            return;
        }

        var passes = await db.Passes.Where(p => p.BriefingId == change.Briefing.Id && p.RevokedAt == null).ToListAsync(ct);
        foreach (var pass in passes)
        {
            if (change is BriefingCancelled)
            {
                pass.RevokedAt = change.At;
                pass.RevocationReason = PassRevocation.Cancelled;
            }
            else
            {
                await SignAsync(pass, change.Briefing, ct);
            }
        }
    }

    private async Task SignAsync(Pass pass, Briefing briefing, CancellationToken ct)
    {
        pass.ValidFrom = briefing.DoorsOpenAt;
        pass.ValidUntil = briefing.EndsAt;
        pass.Token = await keys.SignAsync(db, pass.Id, pass.BriefingId, pass.RemotePointId, pass.ValidFrom, pass.ValidUntil, ct);
        pass.KeyId = PassTokenFormat.TryRead(pass.Token, out var payload, out _, out _) ? payload.KeyId : 0;
    }

    /// <summary>The pass of a registration, including one added earlier in this unit of work and not saved yet.</summary>
    private async Task<Pass?> FindAsync(Guid registrationId, CancellationToken ct) =>
        db.Passes.Local.FirstOrDefault(p => p.RegistrationId == registrationId)
        ?? await db.Passes.FirstOrDefaultAsync(p => p.RegistrationId == registrationId, ct);
}
