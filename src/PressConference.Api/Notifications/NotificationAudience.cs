using PressConference.Api.Accreditation;

namespace PressConference.Api.Notifications;

/// <summary>A reporter registered for a briefing, as the notices about that briefing need them (and where they attend, if at a remote point).</summary>
public sealed record BriefingAudienceMember(Guid RegistrationId, string ReporterUserId, Guid? RemotePointId = null);

/// <summary>A reporter expected at a remote point, as listed in the point's reminder.</summary>
public sealed record ExpectedReporter(string FullName, string? Outlet);

/// <summary>
/// What the organizers' digest says when registration closes. Status keys are shown through the text
/// "enum.RegistrationStatus.{key}" when it exists (in the recipient's language), else as they are.
/// </summary>
public sealed record RegistrationDigest(IReadOnlyDictionary<string, int> CountsByStatus, IReadOnlyList<ExpectedReporter> PendingReview);

/// <summary>
/// Who is registered for a briefing, read from the registrations as saved (not as the current change leaves them).
/// Called inside the unit of work of a briefing change (for the notices) and by the composer when a reminder or digest
/// is sent. Notifications sits above Accreditation, so it reads the registrations itself.
/// </summary>
public sealed class BriefingAudience(AppDbContext db)
{
    /// <summary>Reporters who must hear of a reschedule, venue change or cancellation (approved, waitlisted, pending).</summary>
    public async Task<IReadOnlyList<BriefingAudienceMember>> ReportersAsync(Guid briefingId, CancellationToken ct) =>
        await db.Registrations.AsNoTracking()
            .Where(r => r.BriefingId == briefingId && Registration.OpenStatuses.Contains(r.Status))
            .OrderBy(r => r.CreatedAt)
            .Select(r => new BriefingAudienceMember(r.Id, r.ReporterId, r.RemotePointId))
            .ToListAsync(ct);

    /// <summary>Reporters registered to attend at the given remote point.</summary>
    public async Task<IReadOnlyList<ExpectedReporter>> ExpectedAtRemotePointAsync(Guid briefingId, Guid remotePointId, CancellationToken ct) =>
        await db.Registrations.AsNoTracking()
            .Where(r => r.BriefingId == briefingId && r.RemotePointId == remotePointId && r.Status == RegistrationStatus.Approved)
            .OrderBy(r => r.HolderName)
            .Select(r => new ExpectedReporter(r.HolderName, r.OutletName))
            .ToListAsync(ct);

    public async Task<RegistrationDigest> DigestAsync(Guid briefingId, CancellationToken ct)
    {
        var counts = await db.Registrations.AsNoTracking().Where(r => r.BriefingId == briefingId)
            .GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var pending = await db.Registrations.AsNoTracking()
            .Where(r => r.BriefingId == briefingId && r.Status == RegistrationStatus.PendingReview)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new ExpectedReporter(r.HolderName, r.OutletName))
            .ToListAsync(ct);
        return new RegistrationDigest(counts.ToDictionary(c => c.Status.ToString(), c => c.Count), pending);
    }
}
