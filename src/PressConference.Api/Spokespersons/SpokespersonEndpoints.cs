using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace PressConference.Api.Spokespersons;

public sealed record SpokespersonRequest(string? FullName, string? Title, string? Agency, string? Phone, string? Email,
    DateOnly? EffectiveFrom, DateOnly? EffectiveTo, string? AuthorizedMatter);

public sealed record SpokespersonResponse(Guid Id, string FullName, string Title, string Agency, string? Phone, string? Email,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, string? AuthorizedMatter, bool IsAuthorizedForMatter)
{
    public static SpokespersonResponse From(Spokesperson s) => new(s.Id, s.FullName, s.Title, s.Agency, s.Phone, s.Email,
        s.EffectiveFrom, s.EffectiveTo, s.AuthorizedMatter, s.AuthorizedMatter is not null);
}

/// <summary>The public directory of spokespersons; the office keeps it.</summary>
public static class SpokespersonEndpoints
{
    public static IEndpointRouteBuilder MapSpokespersons(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/spokespersons").WithTags("Spokespersons").RequireAuthorization(Policies.Organizer);
        group.MapGet("/", List).AllowAnonymous();
        group.MapGet("/{id:guid}", Get).AllowAnonymous().WithName("GetSpokesperson");
        group.MapPost("/", Create).Validate<SpokespersonRequest>();
        group.MapPut("/{id:guid}", Update).Validate<SpokespersonRequest>();
        group.MapDelete("/{id:guid}", Delete);
        return app;
    }

    /// <summary>The public sees who is in office today; organizers may ask for everyone (<c>all=true</c>).</summary>
    private static async Task<Ok<Paged<SpokespersonResponse>>> List(ClaimsPrincipal user, AppDbContext db, TimeProvider clock,
        bool? all, string? agency, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Spokespersons.AsNoTracking();
        if (all != true || !user.IsOrganizer())
        {
            var today = VietnamTime.LocalDate(clock.GetUtcNow().UtcDateTime);
            query = query.Where(s => s.EffectiveFrom <= today && (s.EffectiveTo == null || s.EffectiveTo >= today));
        }

        var list = await query.OrderBy(s => s.Agency).ThenBy(s => s.AuthorizedMatter != null).ThenBy(s => s.FullName).ToListAsync(ct);
        var agencyKey = TextKey.Fold(agency);
        var filtered = agencyKey.Length == 0 ? list : list.Where(s => TextKey.Fold(s.Agency).Contains(agencyKey, StringComparison.Ordinal)).ToList();
        var (p, size) = Paging.Clamp(page, pageSize);
        return TypedResults.Ok(new Paged<SpokespersonResponse>(
            filtered.Skip((p - 1) * size).Take(size).Select(SpokespersonResponse.From).ToList(), p, size, filtered.Count));
    }

    private static async Task<Results<Ok<SpokespersonResponse>, ProblemHttpResult>> Get(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.Spokespersons.FindAsync([id], ct) is { } s ? TypedResults.Ok(SpokespersonResponse.From(s)) : Problems.NotFound("entity.spokesperson");

    private static async Task<CreatedAtRoute<SpokespersonResponse>> Create(SpokespersonRequest request, AppDbContext db, CancellationToken ct)
    {
        var spokesperson = new Spokesperson();
        Apply(spokesperson, request);
        db.Spokespersons.Add(spokesperson);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(SpokespersonResponse.From(spokesperson), "GetSpokesperson", new { id = spokesperson.Id });
    }

    private static async Task<Results<Ok<SpokespersonResponse>, ProblemHttpResult>> Update(Guid id, SpokespersonRequest request,
        AppDbContext db, CancellationToken ct)
    {
        if (await db.Spokespersons.FindAsync([id], ct) is not { } spokesperson)
        {
            return Problems.NotFound("entity.spokesperson");
        }

        Apply(spokesperson, request);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SpokespersonResponse.From(spokesperson));
    }

    /// <summary>Only a mistaken entry is deleted; someone who has spoken at a briefing is ended with effectiveTo instead.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, AppDbContext db,
        [FromServices] IEnumerable<ISpokespersonReferences> references, CancellationToken ct)
    {
        if (await db.Spokespersons.FindAsync([id], ct) is not { } spokesperson)
        {
            return Problems.NotFound("entity.spokesperson");
        }

        foreach (var reference in references)
        {
            if (await reference.IsNamedAsync(id, ct))
            {
                return Problems.Conflict("SpokespersonInUse", Texts.Get("spokesperson.inUse"));
            }
        }

        db.Spokespersons.Remove(spokesperson);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static void Apply(Spokesperson s, SpokespersonRequest r)
    {
        s.FullName = r.FullName!.Trim();
        s.Title = r.Title!.Trim();
        s.Agency = r.Agency!.Trim();
        s.Phone = string.IsNullOrWhiteSpace(r.Phone) ? null : r.Phone.Trim();
        s.Email = string.IsNullOrWhiteSpace(r.Email) ? null : r.Email.Trim();
        s.EffectiveFrom = r.EffectiveFrom!.Value;
        s.EffectiveTo = r.EffectiveTo;
        s.AuthorizedMatter = string.IsNullOrWhiteSpace(r.AuthorizedMatter) ? null : r.AuthorizedMatter.Trim();
    }
}

public sealed class SpokespersonRequestValidator : AbstractValidator<SpokespersonRequest>
{
    public SpokespersonRequestValidator()
    {
        RuleFor(r => r.FullName).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Title).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Agency).NotEmpty().MaximumLength(300);
        RuleFor(r => r.Phone).MaximumLength(30).Matches(@"^[0-9+().\s-]*$");
        RuleFor(r => r.Email).EmailAddress().MaximumLength(256);
        RuleFor(r => r.EffectiveFrom).NotNull();
        RuleFor(r => r.EffectiveTo).GreaterThanOrEqualTo(r => r.EffectiveFrom).When(r => r.EffectiveTo is not null && r.EffectiveFrom is not null);
        RuleFor(r => r.AuthorizedMatter).MaximumLength(500);
    }
}
