
namespace PressConference.Api.Outlets;

/// <summary>Finding an outlet by the name printed on a card or letter: case, spacing and diacritics do not matter, aliases count.</summary>
public static class OutletDirectory
{
    public sealed record Match(Outlet Outlet, string? Alias);

    public static async Task<Match?> FindByNameAsync(AppDbContext db, string? name, CancellationToken ct)
    {
        var key = TextKey.Fold(name);
        if (key.Length == 0)
        {
            return null;
        }

        var outlet = await db.Outlets.Include(o => o.Aliases).FirstOrDefaultAsync(o => o.NameKey == key, ct);
        if (outlet is not null)
        {
            return new Match(outlet, null);
        }

        outlet = await db.Outlets.Include(o => o.Aliases).Where(o => o.Aliases.Any(a => a.NameKey == key)).OrderBy(o => o.NameKey).FirstOrDefaultAsync(ct);
        return outlet is null ? null : new Match(outlet, outlet.Aliases.First(a => a.NameKey == key).Name);
    }

    /// <summary>The alias of <paramref name="outlet"/> that <paramref name="printedName"/> names, or null when it names the outlet itself.</summary>
    public static string? AliasFor(Outlet outlet, string? printedName)
    {
        var key = TextKey.Fold(printedName);
        return key.Length == 0 || key == outlet.NameKey ? null : outlet.Aliases.FirstOrDefault(a => a.NameKey == key)?.Name;
    }
}
