
namespace PressConference.Api.Spokespersons;

/// <summary>The public directory as pages read it: who speaks for which agency today, and the people named by id.</summary>
public sealed class SpokespersonDirectory(AppDbContext db, TimeProvider clock)
{
    /// <summary>Spokespersons in office today (Hanoi date), by agency, the agency's own before those authorised for a matter.</summary>
    public async Task<Paged<SpokespersonResponse>> CurrentAsync(int? page, int? pageSize, CancellationToken ct)
    {
        var today = VietnamTime.LocalDate(clock.GetUtcNow().UtcDateTime);
        return await db.Spokespersons.AsNoTracking()
            .Where(s => s.EffectiveFrom <= today && (s.EffectiveTo == null || s.EffectiveTo >= today))
            .OrderBy(s => s.Agency).ThenBy(s => s.AuthorizedMatter != null).ThenBy(s => s.FullName).ThenBy(s => s.Id)
            .ToPageAsync(page, pageSize, SpokespersonResponse.From, ct);
    }

    /// <summary>The people with these ids (a briefing's speakers), in the order given.</summary>
    public async Task<IReadOnlyList<SpokespersonResponse>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var found = await db.Spokespersons.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        return ids.Select(id => found.FirstOrDefault(s => s.Id == id)).OfType<Spokesperson>().Select(SpokespersonResponse.From).ToList();
    }
}
