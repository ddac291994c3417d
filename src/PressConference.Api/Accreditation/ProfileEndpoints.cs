using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using PressConference.Api.Identity;

namespace PressConference.Api.Accreditation;

public sealed record ProfileRequest(string? FullName, string? PenName, string? Phone, string? PreferredLanguage);

public sealed record ProfileResponse(string Id, string Email, string FullName, string? PenName, string? Phone, string PreferredLanguage);

/// <summary>The signed-in person's own profile; the full name is what credentials are matched against and passes print.</summary>
public static class ProfileEndpoints
{
    public static IEndpointRouteBuilder MapProfile(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me/profile").WithTags("Profile").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", Get);
        group.MapPut("/", Update).Validate<ProfileRequest>();
        return app;
    }

    private static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> Get(System.Security.Claims.ClaimsPrincipal user, AppDbContext db,
        CancellationToken ct) =>
        await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == user.UserId(), ct) is { } me
            ? TypedResults.Ok(new ProfileResponse(me.Id, me.Email!, me.DisplayName, me.PenName, me.Phone, me.PreferredLanguage))
            : Problems.NotFound("entity.user");

    private static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> Update(ProfileRequest request,
        System.Security.Claims.ClaimsPrincipal user, ReporterAccounts accounts, CancellationToken ct)
    {
        var me = await accounts.UpdateProfileAsync(user.UserId()!, request.FullName!, request.PenName, request.Phone, request.PreferredLanguage, ct);
        return me is null
            ? Problems.NotFound("entity.user")
            : TypedResults.Ok(new ProfileResponse(me.Id, me.Email, me.FullName, me.PenName, me.Phone, me.PreferredLanguage));
    }
}

public sealed class ProfileRequestValidator : AbstractValidator<ProfileRequest>
{
    public ProfileRequestValidator()
    {
        RuleFor(r => r.FullName).NotEmpty().MaximumLength(200);
        RuleFor(r => r.PenName).MaximumLength(200);
        RuleFor(r => r.Phone).MaximumLength(30).Matches(@"^[0-9+().\s-]*$");
        RuleFor(r => r.PreferredLanguage).Must(l => l is null or "vi" or "en").WithMessage(_ => Texts.Get("validation.enum", "vi, en"));
    }
}
