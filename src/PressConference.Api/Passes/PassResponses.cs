using PressConference.Api.Briefings;

namespace PressConference.Api.Passes;

public sealed record PassBriefing(Guid Id, string Title, DateTime StartsAt, DateTime EndsAt, DateTimeOffset LocalStart, DateTimeOffset LocalEnd,
    string Venue, BriefingStatus Status);

public enum PassStatus
{
    Valid,
    Revoked,
    Cancelled,
}

/// <summary><c>location</c> is the place's display name (the main venue or the remote point); <c>remotePointId</c> null means the main venue.</summary>
public sealed record PassResponse(Guid PassId, Guid RegistrationId, string Token, PassBriefing Briefing, string Location, Guid? RemotePointId,
    string? LocationAddress, string ReporterName, string OutletName, DateTime ValidFrom, DateTime ValidUntil, DateTimeOffset LocalValidFrom,
    DateTimeOffset LocalValidUntil, PassStatus Status, DateTime? RevokedAt, int KeyId, DateTime IssuedAt);
