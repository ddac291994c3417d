
namespace PressConference.Api.Briefings;

/// <summary>
/// The public calendar as people read it (web pages): what anyone may see of the briefings, paged, without loading
/// more than a page or a month. The same visibility rule as the API's list: drafts never show.
/// </summary>
public sealed class BriefingCatalog(AppDbContext db, TimeProvider clock)
{
    /// <summary>Most briefings a month view shows; a month never holds this many.</summary>
    public const int MonthLimit = 300;

    /// <summary>Briefings not yet over, soonest first; <paramref name="search"/> matches title and topic without diacritics.</summary>
    public async Task<Paged<BriefingResponse>> UpcomingAsync(BriefingKind? kind, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Briefings.AsNoTracking().Include(b => b.Spokespersons)
            .Where(b => Briefing.PublicStatuses.Contains(b.Status) && b.EndsAt >= now);
        if (kind is { } k)
        {
            query = query.Where(b => b.Kind == k);
        }

        var folded = TextKey.Fold(search);
        if (folded.Length > 0)
        {
            query = query.Where(b => b.SearchText.Contains(folded));
        }

        return await query.OrderBy(b => b.StartsAt).ThenBy(b => b.Id).ToPageAsync(page, pageSize, BriefingResponse.From, ct);
    }

    /// <summary>
    /// The public briefings starting in one month of Hanoi time, cancelled ones included (marked by their status) so a
    /// reporter who saw one sees what became of it.
    /// </summary>
    public async Task<IReadOnlyList<BriefingResponse>> MonthAsync(int year, int month, BriefingKind? kind, CancellationToken ct)
    {
        var first = new DateOnly(year, month, 1);
        var from = VietnamTime.FromLocal(first, TimeOnly.MinValue);
        var to = VietnamTime.FromLocal(first.AddMonths(1), TimeOnly.MinValue);
        var query = db.Briefings.AsNoTracking().Include(b => b.Spokespersons)
            .Where(b => b.StartsAt >= from && b.StartsAt < to)
            .Where(b => Briefing.PublicStatuses.Contains(b.Status) || (b.Status == BriefingStatus.Cancelled && b.PublishedAt != null));
        if (kind is { } k)
        {
            query = query.Where(b => b.Kind == k);
        }

        var rows = await query.OrderBy(b => b.StartsAt).ThenBy(b => b.Id).Take(MonthLimit).ToListAsync(ct);
        return rows.Select(BriefingResponse.From).ToList();
    }

    /// <summary>One briefing as the public sees it, or null when it does not exist or is not public (a draft).</summary>
    public async Task<BriefingResponse?> PublicAsync(Guid id, CancellationToken ct)
    {
        var briefing = await db.Briefings.AsNoTracking().Include(b => b.Spokespersons).FirstOrDefaultAsync(b => b.Id == id, ct);
        return briefing is { IsPublic: true } ? BriefingResponse.From(briefing) : null;
    }
}
