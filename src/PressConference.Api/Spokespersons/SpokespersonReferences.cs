namespace PressConference.Api.Spokespersons;

/// <summary>
/// Whether a feature above the directory names a spokesperson (Briefings implements it): someone who has spoken at
/// a briefing is ended with effectiveTo, never deleted. The directory asks without knowing who answers.
/// </summary>
public interface ISpokespersonReferences
{
    Task<bool> IsNamedAsync(Guid spokespersonId, CancellationToken ct);
}
