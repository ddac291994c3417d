
namespace PressConference.Api.Infrastructure;

/// <summary>The shape of every list answer.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    public static (int Page, int PageSize) Clamp(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));

    public static async Task<Paged<TOut>> ToPageAsync<TIn, TOut>(this IQueryable<TIn> query, int? page, int? pageSize,
        Func<TIn, TOut> map, CancellationToken ct)
    {
        var (p, size) = Clamp(page, pageSize);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<TOut>(items.Select(map).ToList(), p, size, total);
    }
}
