using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace PressConference.Api.Outlets;

/// <summary>The registry of licensed press agencies: organizers keep it, every signed-in user can look names up.</summary>
public static class OutletEndpoints
{
    public static IEndpointRouteBuilder MapOutlets(this IEndpointRouteBuilder app)
    {
        // No policy on the group: policies add up, so each endpoint states its own.
        var group = app.MapGroup("/api/outlets").WithTags("Outlets");
        group.MapGet("/", List).RequireAuthorization(Policies.SignedIn);
        group.MapGet("/lookup", Lookup).RequireAuthorization(Policies.SignedIn);
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SignedIn).WithName("GetOutlet");
        group.MapPost("/", Create).Validate<OutletRequest>().RequireAuthorization(Policies.Organizer);
        group.MapPut("/{id:guid}", Update).Validate<OutletRequest>().RequireAuthorization(Policies.Organizer);
        group.MapPost("/import", Import).RequireAuthorization(Policies.Organizer)
            .DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(CsvInput.MaxBytes));
        return app;
    }

    private static async Task<Ok<Paged<OutletResponse>>> List(AppDbContext db, string? q, OutletStatus? status, int? page, int? pageSize,
        CancellationToken ct)
    {
        var query = db.Outlets.AsNoTracking().Include(o => o.Aliases).AsQueryable();
        var search = TextKey.Fold(q);
        if (search.Length > 0)
        {
            query = query.Where(o => o.NameKey.Contains(search) || o.Aliases.Any(a => a.NameKey.Contains(search)));
        }

        if (status is { } s)
        {
            query = query.Where(o => o.Status == s);
        }

        return TypedResults.Ok(await query.OrderBy(o => o.NameKey).ToPageAsync(page, pageSize, OutletResponse.From, ct));
    }

    /// <summary>Exact name look-up (folded), current names first, then aliases.</summary>
    private static async Task<Results<Ok<OutletMatchResponse>, ProblemHttpResult>> Lookup(AppDbContext db, string? name, CancellationToken ct) =>
        await OutletDirectory.FindByNameAsync(db, name, ct) is { } match
            ? TypedResults.Ok(new OutletMatchResponse(OutletResponse.From(match.Outlet), match.Alias is not null, match.Alias))
            : Problems.NotFound("entity.outlet");

    private static async Task<Results<Ok<OutletResponse>, ProblemHttpResult>> Get(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.Outlets.AsNoTracking().Include(o => o.Aliases).FirstOrDefaultAsync(o => o.Id == id, ct) is { } outlet
            ? TypedResults.Ok(OutletResponse.From(outlet))
            : Problems.NotFound("entity.outlet");

    private static async Task<Results<CreatedAtRoute<OutletResponse>, ValidationProblem>> Create(OutletRequest request, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var outlet = new Outlet { CreatedAt = now };
        outlet.Apply(request, now);
        if (await NameProblemAsync(db, outlet, ct) is { } problem)
        {
            return problem;
        }

        db.Outlets.Add(outlet);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(OutletResponse.From(outlet), "GetOutlet", new { id = outlet.Id });
    }

    private static async Task<Results<Ok<OutletResponse>, ProblemHttpResult, ValidationProblem>> Update(Guid id, OutletRequest request,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var outlet = await db.Outlets.Include(o => o.Aliases).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (outlet is null)
        {
            return Problems.NotFound("entity.outlet");
        }

        outlet.Apply(request, clock.GetUtcNow().UtcDateTime);
        if (await NameProblemAsync(db, outlet, ct) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OutletResponse.From(outlet));
    }

    /// <summary>A CSV of outlets (see <see cref="OutletImport"/>): 200 when applied, 422 with the report when bad rows stopped it.</summary>
    private static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ValidationProblem>> Import(HttpRequest http,
        bool? partial, OutletImport import, CancellationToken ct)
    {
        var rows = await CsvInput.ReadAsync(http, ct);
        if (rows is null || rows.Count == 0)
        {
            return Problems.Field("file", Texts.Get("import.empty"));
        }

        var report = await import.ImportAsync(rows, partial == true, ct);
        return report.Applied ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    private static async Task<ValidationProblem?> NameProblemAsync(AppDbContext db, Outlet outlet, CancellationToken ct)
    {
        var keys = outlet.Aliases.Select(a => a.NameKey).Append(outlet.NameKey).ToList();
        var taken = await db.Outlets.AnyAsync(o => o.Id != outlet.Id
            && (keys.Contains(o.NameKey) || o.Aliases.Any(a => keys.Contains(a.NameKey))), ct);
        return taken ? Problems.Field("name", Texts.Get("outlet.nameTaken")) : null;
    }
}
