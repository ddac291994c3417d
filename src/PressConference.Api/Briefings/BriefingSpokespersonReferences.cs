using PressConference.Api.Spokespersons;

namespace PressConference.Api.Briefings;

/// <summary>A spokesperson named on any briefing, whatever its state, stays in the directory.</summary>
internal sealed class BriefingSpokespersonReferences(AppDbContext db) : ISpokespersonReferences
{
    public Task<bool> IsNamedAsync(Guid spokespersonId, CancellationToken ct) =>
        db.BriefingSpokespersons.AnyAsync(b => b.SpokespersonId == spokespersonId, ct);
}
