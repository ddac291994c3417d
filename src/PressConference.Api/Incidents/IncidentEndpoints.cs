using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace PressConference.Api.Incidents;

/// <summary>Misuse of press credentials over HTTP: door staff and organizers record it; organizers read it and export it for the hotline.</summary>
public static class IncidentEndpoints
{
    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder app)
    {
        var uploadLimit = new RequestSizeLimitAttribute(app.ServiceProvider.GetRequiredService<FileStore>().MaxRequestBytes);
        var group = app.MapGroup("/api/incidents").WithTags("Incidents");
        group.MapPost("/", Create).RequireAuthorization(Policies.DoorStaff).Validate<IncidentRequest>().InWriteTransaction();
        group.MapGet("/", List).RequireAuthorization(Policies.Organizer);
        group.MapGet("/{id:guid}", Get).WithName("GetIncident").RequireAuthorization(Policies.Organizer);
        group.MapPost("/{id:guid}/evidence", AddEvidence).RequireAuthorization(Policies.DoorStaff).DisableAntiforgery().WithMetadata(uploadLimit);
        group.MapGet("/{id:guid}/evidence/{evidenceId:guid}", DownloadEvidence).RequireAuthorization(Policies.Organizer);
        group.MapGet("/{id:guid}/report", Report).RequireAuthorization(Policies.Organizer);
        return app;
    }

    private static async Task<Results<CreatedAtRoute<IncidentResponse>, ProblemHttpResult, ValidationProblem>> Create(IncidentRequest request,
        ClaimsPrincipal user, IncidentLog incidents, CancellationToken ct) =>
        (await incidents.RecordAsync(request, user, ct))
            .ToHttp(i => TypedResults.CreatedAtRoute(IncidentResponse.From(i), "GetIncident", new { id = i.Id }));

    private static async Task<Ok<Paged<IncidentResponse>>> List(IncidentLog incidents, IncidentKind? kind, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await incidents.ListAsync(kind, page, pageSize, ct));

    private static async Task<Results<Ok<IncidentResponse>, ProblemHttpResult>> Get(Guid id, IncidentLog incidents, CancellationToken ct) =>
        await incidents.FindAsync(id, ct) is { } incident ? TypedResults.Ok(incident) : Problems.NotFound("entity.incident");

    /// <summary>The incident is looked up before the file is read, so a request for none stores nothing.</summary>
    private static async Task<Results<Created<EvidenceResponse>, ProblemHttpResult>> AddEvidence(Guid id, HttpRequest request, ClaimsPrincipal user,
        IncidentLog incidents, FileStore files, CancellationToken ct)
    {
        if (!await incidents.ExistsAsync(id, ct))
        {
            return Problems.NotFound("entity.incident");
        }

        var (stored, problem) = await files.SaveAsync(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var evidence = await incidents.AddEvidenceAsync(id, stored!, user, ct);
        return TypedResults.Created($"/api/incidents/{id}/evidence/{evidence.Id}", evidence);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadEvidence(Guid id, Guid evidenceId, IncidentLog incidents,
        CancellationToken ct) =>
        await incidents.OpenEvidenceAsync(id, evidenceId, ct) is { } evidence
            ? TypedResults.Stream(evidence.Content, evidence.ContentType, evidence.FileName)
            : Problems.NotFound("entity.evidence");

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Report(Guid id, HotlineReport report, CancellationToken ct) =>
        await report.WriteAsync(id, ct) is { } markdown
            ? TypedResults.Text(markdown, "text/markdown; charset=utf-8")
            : Problems.NotFound("entity.incident");
}
