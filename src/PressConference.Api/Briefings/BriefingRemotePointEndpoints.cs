using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PressConference.Api.Briefings;

public sealed record LinkRemotePointRequest(Guid? RemotePointId, int? Capacity, string? VideoLink);

public sealed record BriefingRemotePointResponse(Guid RemotePointId, string Name, string UnitName, string Address, int Capacity,
    string? VideoLink, string? ContactName, string? ContactPhone, string? ContactEmail, DateTime LinkedAt);

/// <summary>
/// The remote points linked to a briefing. A link is a change of the briefing (audited and announced), so it lives
/// here, above the remote point directory, which knows nothing of briefings.
/// </summary>
public static class BriefingRemotePointEndpoints
{
    public static IEndpointRouteBuilder MapBriefingRemotePoints(this IEndpointRouteBuilder app)
    {
        var links = app.MapGroup("/api/briefings/{id:guid}/remote-points").WithTags("RemotePoints").RequireAuthorization(Policies.Organizer)
            .WritesInTransaction();
        links.MapGet("/", List).AllowAnonymous();
        links.MapPost("/", Link).Validate<LinkRemotePointRequest>();
        links.MapDelete("/{remotePointId:guid}", Unlink);
        return app;
    }

    private static async Task<Results<Ok<List<BriefingRemotePointResponse>>, ProblemHttpResult>> List(Guid id, ClaimsPrincipal user,
        AppDbContext db, CancellationToken ct)
    {
        var briefing = await db.Briefings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (briefing is null || (!briefing.IsPublic && !user.IsOrganizer()))
        {
            return Problems.NotFound("entity.briefing");
        }

        var staff = user.IsStaff();
        var links = await db.BriefingRemotePoints.AsNoTracking().Include(l => l.RemotePoint)
            .Where(l => l.BriefingId == id).ToListAsync(ct);
        return TypedResults.Ok(links.OrderBy(l => l.RemotePoint!.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi"), true))
            .Select(l => ToResponse(l, staff)).ToList());
    }

    private static async Task<Results<Created<BriefingRemotePointResponse>, ProblemHttpResult>> Link(Guid id, LinkRemotePointRequest request,
        ClaimsPrincipal user, AppDbContext db, BriefingPlanning planning, BriefingChanges changes, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (briefing, refused) = await planning.LoadForAsync(id, BriefingAction.LinkRemotePoint, now, ct);
        if (refused is not null)
        {
            return refused;
        }

        var point = await db.RemotePoints.FindAsync([request.RemotePointId!.Value], ct);
        if (point is null)
        {
            return Problems.NotFound("entity.remotePoint");
        }

        if (!point.IsActive)
        {
            return Problems.Conflict("RemotePointInactive", Texts.Get("remotePoint.inactive"));
        }

        if (await db.BriefingRemotePoints.AnyAsync(l => l.BriefingId == id && l.RemotePointId == point.Id, ct))
        {
            return Problems.Conflict("AlreadyLinked", Texts.Get("remotePoint.alreadyLinked"));
        }

        var link = new BriefingRemotePoint
        {
            BriefingId = id,
            RemotePointId = point.Id,
            Capacity = request.Capacity ?? point.Capacity,
            VideoLink = string.IsNullOrWhiteSpace(request.VideoLink) ? point.VideoLink : request.VideoLink.Trim(),
            LinkedAt = now,
            RemotePoint = point,
        };
        db.BriefingRemotePoints.Add(link);
        await changes.RecordAsync(new BriefingRemotePointLinked(briefing, now, point.Id), user, ct,
            new { remotePointId = point.Id, point.Name, link.Capacity });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/briefings/{id}/remote-points/{point.Id}", ToResponse(link, staff: true));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Unlink(Guid id, Guid remotePointId, ClaimsPrincipal user, AppDbContext db,
        BriefingPlanning planning, IBriefingRegistrations registrations, BriefingChanges changes, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (briefing, refused) = await planning.LoadForAsync(id, BriefingAction.LinkRemotePoint, now, ct);
        if (refused is not null)
        {
            return refused;
        }

        var link = await db.BriefingRemotePoints.FirstOrDefaultAsync(l => l.BriefingId == id && l.RemotePointId == remotePointId, ct);
        if (link is null)
        {
            return Problems.Conflict("NotLinked", Texts.Get("remotePoint.notLinked"));
        }

        if (await registrations.AnyOpenAsync(id, remotePointId, ct))
        {
            return Problems.Conflict("RemotePointHasRegistrations", Texts.Get("remotePoint.hasRegistrations"));
        }

        db.BriefingRemotePoints.Remove(link);
        await changes.RecordAsync(new BriefingRemotePointUnlinked(briefing, now, remotePointId), user, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static BriefingRemotePointResponse ToResponse(BriefingRemotePoint l, bool staff) => new(l.RemotePointId, l.RemotePoint!.Name,
        l.RemotePoint.UnitName, l.RemotePoint.Address, l.Capacity, staff ? l.VideoLink : null,
        staff ? l.RemotePoint.ContactName : null, staff ? l.RemotePoint.ContactPhone : null, staff ? l.RemotePoint.ContactEmail : null, l.LinkedAt);
}

public sealed class LinkRemotePointRequestValidator : AbstractValidator<LinkRemotePointRequest>
{
    public LinkRemotePointRequestValidator()
    {
        RuleFor(r => r.RemotePointId).NotNull();
        RuleFor(r => r.Capacity).InclusiveBetween(0, 10_000);
        RuleFor(r => r.VideoLink).MaximumLength(1000).Must(RemotePoints.RemotePointRequestValidator.BeHttpUrl).WithMessage(_ => Texts.Get("validation.value"));
    }
}
