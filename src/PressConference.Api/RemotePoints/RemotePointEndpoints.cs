using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PressConference.Api.RemotePoints;

public sealed record RemotePointRequest(string? Name, string? UnitName, RemotePointUnitKind? UnitKind, string? Address, int? Capacity,
    string? ContactName, string? ContactPhone, string? ContactEmail, string? VideoLink, bool? IsActive);

/// <summary>Contact details and the video link are for staff; the public sees where a point is and how many seats it has.</summary>
public sealed record RemotePointResponse(Guid Id, string Name, string UnitName, RemotePointUnitKind UnitKind, string Address, int Capacity,
    bool IsActive, string? ContactName, string? ContactPhone, string? ContactEmail, string? VideoLink)
{
    public static RemotePointResponse From(RemotePoint p, bool staff) => new(p.Id, p.Name, p.UnitName, p.UnitKind, p.Address, p.Capacity,
        p.IsActive, staff ? p.ContactName : null, staff ? p.ContactPhone : null, staff ? p.ContactEmail : null, staff ? p.VideoLink : null);
}

public static class RemotePointEndpoints
{
    public static IEndpointRouteBuilder MapRemotePoints(this IEndpointRouteBuilder app)
    {
        var points = app.MapGroup("/api/remote-points").WithTags("RemotePoints").RequireAuthorization(Policies.Organizer);
        points.MapGet("/", List).AllowAnonymous();
        points.MapGet("/{id:guid}", Get).AllowAnonymous().WithName("GetRemotePoint");
        points.MapPost("/", Create).Validate<RemotePointRequest>();
        points.MapPut("/{id:guid}", Update).Validate<RemotePointRequest>();
        return app;
    }

    private static async Task<Ok<Paged<RemotePointResponse>>> List(ClaimsPrincipal user, AppDbContext db, string? q, bool? includeInactive,
        int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.RemotePoints.AsNoTracking();
        if (includeInactive != true || !user.IsOrganizer())
        {
            query = query.Where(p => p.IsActive);
        }

        var search = TextKey.Fold(q);
        if (search.Length > 0)
        {
            query = query.Where(p => p.NameKey.Contains(search));
        }

        var staff = user.IsStaff();
        return TypedResults.Ok(await query.OrderBy(p => p.NameKey).ToPageAsync(page, pageSize, p => RemotePointResponse.From(p, staff), ct));
    }

    private static async Task<Results<Ok<RemotePointResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, AppDbContext db,
        CancellationToken ct) =>
        await db.RemotePoints.FindAsync([id], ct) is { } p && (p.IsActive || user.IsOrganizer())
            ? TypedResults.Ok(RemotePointResponse.From(p, user.IsStaff()))
            : Problems.NotFound("entity.remotePoint");

    private static async Task<Results<CreatedAtRoute<RemotePointResponse>, ValidationProblem>> Create(RemotePointRequest request,
        AppDbContext db, CancellationToken ct)
    {
        var point = new RemotePoint();
        Apply(point, request);
        if (await db.RemotePoints.AnyAsync(p => p.NameKey == point.NameKey, ct))
        {
            return Problems.Field("name", Texts.Get("remotePoint.nameTaken"));
        }

        db.RemotePoints.Add(point);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(RemotePointResponse.From(point, staff: true), "GetRemotePoint", new { id = point.Id });
    }

    private static async Task<Results<Ok<RemotePointResponse>, ProblemHttpResult, ValidationProblem>> Update(Guid id, RemotePointRequest request,
        AppDbContext db, CancellationToken ct)
    {
        if (await db.RemotePoints.FindAsync([id], ct) is not { } point)
        {
            return Problems.NotFound("entity.remotePoint");
        }

        Apply(point, request);
        if (await db.RemotePoints.AnyAsync(p => p.Id != id && p.NameKey == point.NameKey, ct))
        {
            return Problems.Field("name", Texts.Get("remotePoint.nameTaken"));
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RemotePointResponse.From(point, staff: true));
    }

    private static void Apply(RemotePoint p, RemotePointRequest r)
    {
        p.Name = r.Name!.Trim();
        p.NameKey = TextKey.Fold(p.Name);
        p.UnitName = r.UnitName!.Trim();
        p.UnitKind = r.UnitKind!.Value;
        p.Address = r.Address!.Trim();
        p.Capacity = r.Capacity!.Value;
        p.ContactName = string.IsNullOrWhiteSpace(r.ContactName) ? null : r.ContactName.Trim();
        p.ContactPhone = string.IsNullOrWhiteSpace(r.ContactPhone) ? null : r.ContactPhone.Trim();
        p.ContactEmail = string.IsNullOrWhiteSpace(r.ContactEmail) ? null : r.ContactEmail.Trim();
        p.VideoLink = string.IsNullOrWhiteSpace(r.VideoLink) ? null : r.VideoLink.Trim();
        p.IsActive = r.IsActive ?? true;
    }
}

public sealed class RemotePointRequestValidator : AbstractValidator<RemotePointRequest>
{
    public RemotePointRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.UnitName).NotEmpty().MaximumLength(200);
        RuleFor(r => r.UnitKind).NotNull();
        RuleFor(r => r.Address).NotEmpty().MaximumLength(500);
        RuleFor(r => r.Capacity).NotNull().InclusiveBetween(0, 10_000);
        RuleFor(r => r.ContactName).MaximumLength(200);
        RuleFor(r => r.ContactPhone).MaximumLength(30).Matches(@"^[0-9+().\s-]*$");
        RuleFor(r => r.ContactEmail).EmailAddress().MaximumLength(256);
        RuleFor(r => r.VideoLink).MaximumLength(1000).Must(BeHttpUrl).WithMessage(_ => Texts.Get("validation.value"));
    }

    internal static bool BeHttpUrl(string? url) => string.IsNullOrWhiteSpace(url)
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
}
