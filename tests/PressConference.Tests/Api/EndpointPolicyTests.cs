using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using PressConference.Tests.Support;

namespace PressConference.Tests.Api;

public sealed class EndpointPolicyTests : ApiTest
{
    /// <summary>
    /// Routes the public may read. Anything anonymous that is not in this list is a mistake (or this list must
    /// grow, on purpose).
    /// </summary>
    private static readonly string[] PublicRoutes =
    [
        "GET /api/briefings/", "GET /api/briefings/{id:guid}", "GET /api/briefings/{id:guid}/remote-points/", "GET /api/briefings/{id:guid}/calendar.ics",
        "GET /api/calendar.ics", "GET /api/remote-points/", "GET /api/remote-points/{id:guid}", "GET /api/spokespersons/",
        "GET /api/spokespersons/{id:guid}", "ANY /health", "GET /openapi/{documentName}.json",
        "POST /api/auth/register", "POST /api/auth/login", "POST /api/auth/refresh",
        "GET /language/{language}", "GET /_framework/opaque-redirect",
    ];

    /// <summary>Pages anyone may open (the public calendar, the directory, signing in and its companions).</summary>
    private static readonly string[] PublicPages =
    [
        "/", "/briefings", "/briefings/month", "/briefings/{Id:guid}", "/spokespersons", "/not-found", "/account/denied",
        "/account/signin", "/account/signup", "/account/signout", "/account/confirm-email", "/account/forgot-password", "/account/reset-password",
    ];

    private IReadOnlyList<(string Route, EndpointMetadataCollection Metadata)> Endpoints()
    {
        var sources = Factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            // Files of wwwroot are public by nature: MapStaticAssets serves them (fingerprinted), and in a build (not a
            // publish) its development fallback serves files changed since; neither is an endpoint a person calls.
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null && e.DisplayName != "Fallback {**path:file}")
            .Select(e => ($"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])} /{e.RoutePattern.RawText?.TrimStart('/')}", e.Metadata))
            .ToList();
    }

    private IReadOnlyList<(string Route, Type Page)> Pages()
    {
        var sources = Factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => ("/" + e.RoutePattern.RawText!.TrimStart('/'), e.Metadata.GetMetadata<ComponentTypeMetadata>()!.Type))
            .ToList();
    }

    [Test]
    public void Every_endpoint_declares_who_may_call_it()
    {
        var undeclared = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.Route).ToList();
        Assert.That(undeclared, Is.Empty);
    }

    [Test]
    public void Only_the_public_calendar_directory_health_openapi_and_sign_in_are_anonymous()
    {
        var anonymous = Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null
            && e.Metadata.GetMetadata<ComponentTypeMetadata>() is null).Select(e => e.Route).ToList();
        Assert.That(anonymous, Is.SubsetOf(PublicRoutes));
    }

    /// <summary>
    /// A page states its policy on the component itself ([AllowAnonymous] or [Authorize(Policy = ...)], never a bare
    /// [Authorize]), and only the public pages are anonymous.
    /// </summary>
    [Test]
    public void Every_page_states_its_policy_and_only_the_public_pages_are_anonymous()
    {
        var pages = Pages();
        Assert.That(pages.Select(p => p.Route), Does.Contain("/briefings").And.Contain("/account/profile"), "the pages are mapped");
        var undeclared = pages.Where(p => p.Page.GetCustomAttribute<AllowAnonymousAttribute>() is null
            && p.Page.GetCustomAttributes<AuthorizeAttribute>().All(a => string.IsNullOrEmpty(a.Policy))).Select(p => p.Route).ToList();
        var anonymous = pages.Where(p => p.Page.GetCustomAttribute<AllowAnonymousAttribute>() is not null).Select(p => p.Route).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(undeclared, Is.Empty);
            Assert.That(anonymous, Is.SubsetOf(PublicPages));
        });
    }

    [Test]
    public async Task Health_and_the_openapi_document_answer_anonymously()
    {
        var health = await Anonymous.GetStringAsync("/health");
        Assert.That(health, Is.EqualTo("Healthy"));
        var openApi = await Anonymous.GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);
        Assert.That(openApi["paths"]!.AsObject().Select(p => p.Key), Does.Contain("/api/briefings").And.Contain("/api/briefing-series"));
    }

    [TestCase("POST", "/api/briefings")]
    [TestCase("POST", "/api/remote-points")]
    [TestCase("POST", "/api/spokespersons")]
    [TestCase("GET", "/api/compliance")]
    [TestCase("GET", "/api/users")]
    public async Task Staff_routes_refuse_reporters_with_403_and_strangers_with_401(string method, string url)
    {
        using var asReporter = new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) };
        await Reporter.SendAsync(asReporter).ExpectAsync(HttpStatusCode.Forbidden);
        using var asStranger = new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) };
        var problem = await Anonymous.SendAsync(asStranger).ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.That(problem.Str("title"), Is.EqualTo("Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn"));
    }
}
