namespace PressConference.Api.Briefings;

/// <summary>
/// What Briefings and the features beside it (Series) ask of the registrations kept above them, without naming
/// them: Accreditation implements it. A seam the other way round from <see cref="IBriefingChangeHandler"/>: a question,
/// not an announcement.
/// </summary>
public interface IBriefingRegistrations
{
    /// <summary>Whether any registration for the briefing (at the remote point, when one is given) is still open.</summary>
    Task<bool> AnyOpenAsync(Guid briefingId, Guid? remotePointId, CancellationToken ct);
}
