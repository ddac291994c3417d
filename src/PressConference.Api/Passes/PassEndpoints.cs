using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PressConference.Api.Passes;

public static class PassEndpoints
{
    public static IEndpointRouteBuilder MapPasses(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/registrations/{id:guid}").WithTags("Passes").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/pass", Get);
        group.MapGet("/pass.png", Png);
        group.MapGet("/pass.svg", Svg);
        group.MapGet("/pass.html", Html);
        return app;
    }

    private static async Task<Results<Ok<PassResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, PassLookup passes, CancellationToken ct) =>
        await passes.FindAsync(id, user, ct) is { } pass ? TypedResults.Ok(pass) : Problems.NotFound("entity.pass");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Png(Guid id, ClaimsPrincipal user, PassPrints prints,
        CancellationToken ct)
    {
        var print = await prints.PngAsync(id, user, ct);
        return print.Content is { } png ? TypedResults.File(png, "image/png", $"pass-{id}.png") : Problem(print.Refusal);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Svg(Guid id, ClaimsPrincipal user, PassPrints prints,
        CancellationToken ct)
    {
        var print = await prints.SvgAsync(id, user, ct);
        return print.Content is { } svg ? TypedResults.Content(svg, "image/svg+xml", Encoding.UTF8) : Problem(print.Refusal);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Html(Guid id, ClaimsPrincipal user, PassPrints prints,
        HttpContext http, CancellationToken ct)
    {
        var print = await prints.PageAsync(id, user, ct);
        if (print.Content is not { } page)
        {
            return Problem(print.Refusal);
        }

        // The page is self-contained: no script, no outside resource.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        return TypedResults.Content(page, "text/html", Encoding.UTF8);
    }

    private static ProblemHttpResult Problem(PassPrintRefusal? refusal) => refusal == PassPrintRefusal.NotLive
        ? Problems.Conflict("PassRevoked", Texts.Get("pass.revoked"))
        : Problems.NotFound("entity.pass");
}
