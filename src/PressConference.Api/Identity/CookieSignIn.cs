using Microsoft.AspNetCore.Identity;

namespace PressConference.Api.Identity;

/// <summary>
/// Two ways to be signed in, one Identity store: the API takes bearer tokens only, the web pages take the Identity
/// cookie only. The default scheme picks one by path, so a page cookie sent along with a call to /api is never read
/// (a cross-site form cannot act on the API), and a bearer token never opens a page.
/// </summary>
public static class CookieSignIn
{
    /// <summary>The default scheme: forwards to bearer or cookie by path.</summary>
    public const string Scheme = "PressConference";

    /// <summary>Paths that belong to the API side: bearer tokens only (Hangfire's dashboard reads its token from its own cookie).</summary>
    private static readonly PathString[] BearerPaths = ["/api", "/hangfire", "/openapi", "/scalar", "/health"];

    public static bool UsesBearer(PathString path) => BearerPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    public static IServiceCollection AddCookieSignIn(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignOutScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(Scheme, "Bearer token for the API, cookie for pages", o =>
                o.ForwardDefaultSelector = context => UsesBearer(context.Request.Path) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            // Application, external and two-factor cookies: SignInManager.SignOutAsync clears all of them.
            .AddIdentityCookies();
        return services;
    }
}
