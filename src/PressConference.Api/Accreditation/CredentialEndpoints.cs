using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace PressConference.Api.Accreditation;

/// <summary>A reporter's own credentials (/api/me/credentials) and, for the owner or organizers, a credential and its scan.</summary>
public static class CredentialEndpoints
{
    public static IEndpointRouteBuilder MapCredentials(this IEndpointRouteBuilder app)
    {
        var uploadLimit = new RequestSizeLimitAttribute(app.ServiceProvider.GetRequiredService<FileStore>().MaxRequestBytes);

        var mine = app.MapGroup("/api/me/credentials").WithTags("Credentials").RequireAuthorization(Policies.Reporter);
        mine.MapGet("/", ListMine);
        mine.MapPost("/", Create).Validate<CredentialRequest>();
        mine.MapPut("/{id:guid}/scan", UploadScan).DisableAntiforgery().WithMetadata(uploadLimit);

        var any = app.MapGroup("/api/credentials").WithTags("Credentials").RequireAuthorization(Policies.SignedIn);
        any.MapGet("/{id:guid}", Get).WithName("GetCredential");
        any.MapGet("/{id:guid}/scan", DownloadScan);
        return app;
    }

    private static async Task<Ok<List<CredentialResponse>>> ListMine(ClaimsPrincipal user, ReporterCredentials credentials, CancellationToken ct) =>
        TypedResults.Ok(await credentials.MineAsync(user, ct));

    /// <summary>201 with the new credential; 200 with the owner's card when its number was added before (a repeat adds nothing).</summary>
    private static async Task<Results<CreatedAtRoute<CredentialResponse>, Ok<CredentialResponse>, ProblemHttpResult, ValidationProblem>> Create(
        CredentialRequest request, ClaimsPrincipal user, ReporterCredentials credentials, CancellationToken ct) =>
        (await credentials.AddAsync(request, user, ct)).ToHttp(a => a.AlreadyAdded,
            a => TypedResults.CreatedAtRoute(CredentialResponse.From(a.Credential), "GetCredential", new { id = a.Credential.Id }),
            a => TypedResults.Ok(CredentialResponse.From(a.Credential)));

    private static async Task<Results<Ok<CredentialResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, ReporterCredentials credentials,
        CancellationToken ct) =>
        await credentials.FindVisibleAsync(id, user, ct) is { } credential
            ? TypedResults.Ok(CredentialResponse.From(credential))
            : Problems.NotFound("entity.credential");

    /// <summary>The owner's credential is looked up before the file is read, so a stranger's request stores nothing.</summary>
    private static async Task<Results<Ok<CredentialResponse>, ProblemHttpResult>> UploadScan(Guid id, HttpRequest request, ClaimsPrincipal user,
        ReporterCredentials credentials, FileStore files, CancellationToken ct)
    {
        var credential = await credentials.FindOwnAsync(id, user, ct);
        if (credential is null)
        {
            return Problems.NotFound("entity.credential");
        }

        var (stored, problem) = await files.SaveAsync(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        await credentials.AttachScanAsync(credential, stored!, ct);
        return TypedResults.Ok(CredentialResponse.From(credential));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadScan(Guid id, ClaimsPrincipal user,
        ReporterCredentials credentials, CancellationToken ct) =>
        await credentials.OpenScanAsync(id, user, ct) is { } scan
            ? TypedResults.Stream(scan.Content, scan.ContentType, scan.FileName)
            : Problems.NotFound("entity.scan");
}
