using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PressConference.Api.Identity;

public sealed record RegisterRequest(string Email, string Password, string DisplayName, string? PreferredLanguage);

public sealed record LoginRequest(string Email, string Password);

public sealed record RefreshRequest(string RefreshToken);

public sealed record MeResponse(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string PreferredLanguage);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth").RequireRateLimiting(IdentitySetup.AuthRateLimitPolicy);
        group.MapPost("/register", Register).AllowAnonymous().Validate<RegisterRequest>();
        group.MapPost("/login", Login).AllowAnonymous().Validate<LoginRequest>();
        group.MapPost("/refresh", Refresh).AllowAnonymous().Validate<RefreshRequest>();
        group.MapGet("/me", Me).RequireAuthorization(Policies.SignedIn);
        return app;
    }

    /// <summary>A reporter signs up; staff accounts are made by an Admin through /api/users.</summary>
    private static async Task<Results<Created<MeResponse>, ValidationProblem>> Register(RegisterRequest request, ReporterAccounts accounts,
        CancellationToken ct)
    {
        var (user, result) = await accounts.SignUpAsync(request.Email, request.Password, request.DisplayName, request.PreferredLanguage, ct);
        return user is null
            ? UserErrors.ToProblem(result)
            : TypedResults.Created("/api/auth/me", new MeResponse(user.Id, user.Email!, user.DisplayName, [Roles.Reporter], user.PreferredLanguage));
    }

    /// <summary>Answers { tokenType, accessToken, expiresIn, refreshToken } through the bearer-token handler; a 401 problem that says why not.</summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(LoginRequest request, PasswordSignIn signIn) =>
        await signIn.SignInAsync(request.Email, request.Password, IdentityConstants.BearerScheme) is { } refused
            ? Problems.Problem(StatusCodes.Status401Unauthorized, refused.Code, refused.Detail, title: refused.Title)
            : TypedResults.Empty;

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Refresh(RefreshRequest request,
        SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return Problems.Problem(StatusCodes.Status401Unauthorized, "InvalidRefreshToken", Texts.Get("status.401"));
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Results<Ok<MeResponse>, NotFound>> Me(ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new MeResponse(user.Id, user.Email!, user.DisplayName, roles.Order(StringComparer.Ordinal).ToList(), user.PreferredLanguage));
    }
}

internal static class UserErrors
{
    public static ValidationProblem ToProblem(IdentityResult result) => Problems.Fields(AccountErrors.ByField(result));
}

public sealed class RegisterRequestValidator : AbstractValidator<RegisterRequest>
{
    public RegisterRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(128);
        RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(r => r.PreferredLanguage).Must(l => l is null or "vi" or "en").WithMessage(_ => Texts.Get("validation.enum", "vi, en"));
    }
}

public sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(256);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(128);
    }
}

public sealed class RefreshRequestValidator : AbstractValidator<RefreshRequest>
{
    public RefreshRequestValidator() => RuleFor(r => r.RefreshToken).NotEmpty().MaximumLength(8192);
}
