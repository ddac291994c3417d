using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace PressConference.Api.Accreditation;

/// <summary>Registrations over HTTP: each handler reads the request, calls one method of <see cref="RegistrationDecisions"/> or <see cref="RegistrationQueries"/>, and answers.</summary>
public static class RegistrationEndpoints
{
    public static IEndpointRouteBuilder MapRegistrations(this IEndpointRouteBuilder app)
    {
        var briefing = app.MapGroup("/api/briefings/{id:guid}").WithTags("Registrations");
        briefing.MapPost("/registrations", Register).RequireAuthorization(Policies.Reporter).Validate<RegistrationRequest>();
        briefing.MapGet("/registrations", List).RequireAuthorization(Policies.Organizer);
        briefing.MapGet("/registrations.csv", Export).RequireAuthorization(Policies.Organizer);

        var registrations = app.MapGroup("/api/registrations").WithTags("Registrations");
        registrations.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SignedIn).WithName("GetRegistration");
        registrations.MapGet("/{id:guid}/history", History).RequireAuthorization(Policies.Organizer);
        registrations.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(Policies.SignedIn);
        registrations.MapPost("/{id:guid}/approve", Approve).RequireAuthorization(Policies.Organizer);
        registrations.MapPost("/{id:guid}/reject", Reject).Validate<DecisionRequest>().RequireAuthorization(Policies.Organizer);

        app.MapGet("/api/me/registrations", ListMine).WithTags("Registrations").RequireAuthorization(Policies.Reporter);
        return app;
    }

    /// <summary>201 with the new registration; 200 with the open one when the reporter already registered (a repeat creates nothing).</summary>
    private static async Task<Results<CreatedAtRoute<RegistrationResponse>, Ok<RegistrationResponse>, ProblemHttpResult, ValidationProblem>> Register(
        Guid id, RegistrationRequest request, ClaimsPrincipal user, RegistrationDecisions decisions, CancellationToken ct) =>
        (await decisions.RegisterAsync(id, request, user, ct)).ToHttp(d => d.AlreadyRegistered,
            d => TypedResults.CreatedAtRoute(d.Response, "GetRegistration", new { id = d.Registration.Id }), d => TypedResults.Ok(d.Response));

    private static async Task<Results<Ok<RegistrationResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, RegistrationQueries queries,
        CancellationToken ct) =>
        await queries.GetAsync(id, user, ct) is { } registration ? TypedResults.Ok(registration) : Problems.NotFound("entity.registration");

    private static async Task<Ok<List<RegistrationResponse>>> ListMine(ClaimsPrincipal user, RegistrationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.MineAsync(user, ct));

    private static async Task<Results<Ok<Paged<RegistrationResponse>>, ProblemHttpResult>> List(Guid id, [AsParameters] RegistrationListQuery query,
        RegistrationQueries queries, CancellationToken ct) =>
        await queries.ReviewQueueAsync(id, query, ct) is { } page ? TypedResults.Ok(page) : Problems.NotFound("entity.briefing");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(Guid id, [AsParameters] RegistrationListQuery query,
        RegistrationQueries queries, CancellationToken ct) =>
        await queries.ExportAsync(id, query, ct) is { } export
            ? TypedResults.File(export.Content, "text/csv; charset=utf-8", export.FileName)
            : Problems.NotFound("entity.briefing");

    private static async Task<Results<Ok<List<RegistrationHistoryEntry>>, ProblemHttpResult>> History(Guid id, RegistrationQueries queries,
        CancellationToken ct) =>
        await queries.HistoryAsync(id, ct) is { } history ? TypedResults.Ok(history) : Problems.NotFound("entity.registration");

    private static async Task<Results<Ok<RegistrationResponse>, ProblemHttpResult, ValidationProblem>> Cancel(Guid id, [FromBody] DecisionRequest? request,
        ClaimsPrincipal user, RegistrationDecisions decisions, CancellationToken ct) =>
        (await decisions.CancelAsync(id, request?.Reason, user, ct)).ToHttp(d => TypedResults.Ok(d.Response));

    private static async Task<Results<Ok<RegistrationResponse>, ProblemHttpResult, ValidationProblem>> Approve(Guid id, [FromBody] DecisionRequest? request,
        ClaimsPrincipal user, RegistrationDecisions decisions, CancellationToken ct) =>
        (await decisions.ApproveAsync(id, request?.Reason, user, ct)).ToHttp(d => TypedResults.Ok(d.Response));

    private static async Task<Results<Ok<RegistrationResponse>, ProblemHttpResult, ValidationProblem>> Reject(Guid id, DecisionRequest request,
        ClaimsPrincipal user, RegistrationDecisions decisions, CancellationToken ct) =>
        (await decisions.RejectAsync(id, request.Reason!, user, ct)).ToHttp(d => TypedResults.Ok(d.Response));
}
