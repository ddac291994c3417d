using PressConference.Api.Briefings;

namespace PressConference.Api.Accreditation;

/// <summary>Answers Briefings and Series (below this feature) whether a briefing or one of its remote points still has open registrations.</summary>
internal sealed class OpenRegistrations(AppDbContext db) : IBriefingRegistrations
{
    public Task<bool> AnyOpenAsync(Guid briefingId, Guid? remotePointId, CancellationToken ct) =>
        db.Registrations.AnyAsync(r => r.BriefingId == briefingId && (remotePointId == null || r.RemotePointId == remotePointId)
            && Registration.OpenStatuses.Contains(r.Status), ct);
}
