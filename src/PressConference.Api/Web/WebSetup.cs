using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Components.Endpoints;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using PressConference.Api.Identity;
using PressConference.Api.Web.Components;

namespace PressConference.Api.Web;

/// <summary>
/// The web pages (Blazor static server rendering, docs/decisions/0010): the top layer, calling the features' services
/// in process. No interactive render mode, no SignalR circuit, no WebAssembly and no blazor.web.js: every page is plain
/// HTML and every form a plain POST.
/// </summary>
public static class WebSetup
{
    public const string SignInPath = "/account/signin";
    public const string CultureCookie = ".PressConference.Culture";

    public static WebApplicationBuilder AddWebApp(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Vietnamese letters as themselves, not as &#x1EA1; entities: a third of the bytes of a page.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddCookieSignIn();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".PressConference.Session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = SignInPath;
            o.LogoutPath = "/account/signout";
            o.AccessDeniedPath = "/account/denied";
            o.ReturnUrlParameter = "returnUrl";
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, PageAuthorizationResultHandler>();

        // Pages also read the language from a cookie (the switch in the header, set at sign-in from the profile); the API
        // keeps answering by Accept-Language only.
        services.PostConfigure<RequestLocalizationOptions>(o => o.RequestCultureProviders.Insert(0, new CustomRequestCultureProvider(context =>
        {
            if (CookieSignIn.UsesBearer(context.Request.Path) || context.Request.Cookies[CultureCookie] is not { } value)
            {
                return Task.FromResult<ProviderCultureResult?>(null);
            }

            var language = Language(value);
            return Task.FromResult<ProviderCultureResult?>(language is null ? null : new ProviderCultureResult(language));
        })));
        return builder;
    }

    public static WebApplication MapWebApp(this WebApplication app)
    {
        // Pages answer an error or a bare status (404, 400, ...) with a page in the layout; the API keeps its problem details.
        app.Use(RenderStatusPages);
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().Add(endpoint =>
        {
            // Blazor's own helper endpoint (/_framework/opaque-redirect) carries no page; pages state their policy themselves.
            if (!endpoint.Metadata.OfType<ComponentTypeMetadata>().Any() && !endpoint.Metadata.OfType<IAllowAnonymous>().Any())
            {
                endpoint.Metadata.Add(new AllowAnonymousAttribute());
            }
        });
        app.MapGet("/language/{language}", SwitchLanguage).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Whether a path belongs to the pages (not the API, the dashboards or the door page's files).</summary>
    public static bool IsPage(PathString path) => !CookieSignIn.UsesBearer(path) && !path.StartsWithSegments("/door");

    /// <summary>
    /// Renders <see cref="StatusPage"/> for a page request that failed or ended with a bare error status. Done here rather
    /// than by re-execution: the API's exception handler and status pages sit further out and would answer JSON.
    /// </summary>
    private static async Task RenderStatusPages(HttpContext context, RequestDelegate next)
    {
        if (!IsPage(context.Request.Path))
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            if (status >= 500)
            {
                context.RequestServices.GetRequiredService<ILogger<StatusPage>>().LogError(exception,
                    "Unhandled exception for {Method} {Path} (trace {TraceId})", context.Request.Method, context.Request.Path,
                    System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier);
            }

            context.Response.Clear();
            await RenderStatusAsync(context, status);
            return;
        }

        var response = context.Response;
        if (!response.HasStarted && response.StatusCode is >= 400 and < 600 && response.ContentLength is null
            && string.IsNullOrEmpty(response.ContentType) && !HttpMethods.IsHead(context.Request.Method))
        {
            await RenderStatusAsync(context, response.StatusCode);
        }
    }

    private static Task RenderStatusAsync(HttpContext context, int status) =>
        new RazorComponentResult<StatusPage>(new Dictionary<string, object?> { [nameof(StatusPage.Status)] = status }) { StatusCode = status }
            .ExecuteAsync(context);

    /// <summary>"vi" or "en" from what a person sent, or null.</summary>
    public static string? Language(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "vi" => "vi",
        "en" => "en",
        _ => null,
    };

    /// <summary>Remembers the language for the pages (one year) and goes back where the person was.</summary>
    public static void RememberLanguage(HttpContext context, string language) =>
        context.Response.Cookies.Append(CultureCookie, language, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });

    private static IResult SwitchLanguage(string language, string? returnUrl, HttpContext context)
    {
        if (Language(language) is { } chosen)
        {
            RememberLanguage(context, chosen);
        }

        return Results.LocalRedirect(LocalUrl(returnUrl));
    }

    /// <summary>A local path to go back to, never another site.</summary>
    public static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}

/// <summary>
/// An address no page or route answers still meets the fallback policy (sign-in required). For pages, that would send
/// a stranger to the sign-in page for a mistyped address; instead the request goes on and ends as a 404 page.
/// </summary>
internal sealed class PageAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Succeeded && context.GetEndpoint() is null && !CookieSignIn.UsesBearer(context.Request.Path))
        {
            return next(context);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
