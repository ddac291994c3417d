using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.Data;
using PressConference.Api.Infrastructure;
using PressConference.Api.Outlets;

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

    private static async Task<Ok<List<CredentialResponse>>> ListMine(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        var credentials = await db.Credentials.AsNoTracking().Where(c => c.OwnerId == userId).OrderByDescending(c => c.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(credentials.Select(CredentialResponse.From).ToList());
    }

    private static async Task<Results<CreatedAtRoute<CredentialResponse>, ValidationProblem>> Create(CredentialRequest request, ClaimsPrincipal user,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        Outlet? outlet = null;
        if (request.OutletId is { } outletId)
        {
            outlet = await db.Outlets.FindAsync([outletId], ct);
            if (outlet is null)
            {
                return Problems.Field("outletId", Texts.Get("credential.outletNotFound"));
            }
        }
        else if (await OutletDirectory.FindByNameAsync(db, request.OutletName, ct) is { } match)
        {
            outlet = match.Outlet;
        }

        var card = request.Type == CredentialType.PressCard;
        var credential = new Credential
        {
            OwnerId = user.UserId()!,
            Type = request.Type!.Value,
            OutletId = outlet?.Id,
            OutletName = Clean(request.OutletName) ?? outlet!.Name,
            HolderName = (card ? request.HolderName : request.ReporterName)!.Trim(),
            PenName = Clean(request.PenName),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (card)
        {
            credential.Number = CardRevocation.NormalizeNumber(request.Number);
            credential.BirthYear = request.BirthYear;
            credential.IssuedOn = request.IssuedOn;
            credential.ExpiresOn = request.ExpiresOn;
        }
        else
        {
            credential.LetterNumber = request.LetterNumber!.Trim();
            credential.LetterDate = request.LetterDate;
            credential.Position = Clean(request.Position);
            credential.AddressedTo = request.AddressedTo!.Trim();
            credential.Purpose = Clean(request.Purpose);
            credential.ValidFrom = request.ValidFrom;
            credential.ValidUntil = request.ValidUntil;
            credential.SignerName = request.SignerName!.Trim();
            credential.SignerTitle = request.SignerTitle!.Trim();
            credential.PhotoIdNumber = request.PhotoIdNumber!.Trim().ToUpperInvariant();
        }

        db.Credentials.Add(credential);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(CredentialResponse.From(credential), "GetCredential", new { id = credential.Id });
    }

    /// <summary>The owner and organizers only; to anyone else the credential does not exist.</summary>
    private static async Task<Results<Ok<CredentialResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, AppDbContext db,
        CancellationToken ct) =>
        await FindVisibleAsync(db, id, user, ct) is { } credential
            ? TypedResults.Ok(CredentialResponse.From(credential))
            : Problems.NotFound("entity.credential");

    private static async Task<Results<Ok<CredentialResponse>, ProblemHttpResult>> UploadScan(Guid id, HttpRequest request, ClaimsPrincipal user,
        AppDbContext db, FileStore files, CancellationToken ct)
    {
        var userId = user.UserId();
        var credential = await db.Credentials.FirstOrDefaultAsync(c => c.Id == id && c.OwnerId == userId, ct);
        if (credential is null)
        {
            return Problems.NotFound("entity.credential");
        }

        var (stored, problem) = await files.SaveAsync(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var replaced = credential.ScanFile;
        credential.ScanFile = stored!.StoredName;
        credential.ScanContentType = stored.ContentType;
        credential.ScanSize = stored.Size;
        await files.KeepIfSavedAsync(stored, () => db.SaveChangesAsync(ct));
        files.Delete(replaced);
        return TypedResults.Ok(CredentialResponse.From(credential));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadScan(Guid id, ClaimsPrincipal user, AppDbContext db,
        FileStore files, CancellationToken ct)
    {
        var credential = await FindVisibleAsync(db, id, user, ct);
        if (credential?.ScanFile is null || files.OpenRead(credential.ScanFile) is not { } stream)
        {
            return Problems.NotFound("entity.scan");
        }

        return TypedResults.Stream(stream, credential.ScanContentType, $"scan-{credential.Id:N}{Path.GetExtension(credential.ScanFile)}");
    }

    internal static Task<Credential?> FindVisibleAsync(AppDbContext db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId();
        var organizer = user.IsOrganizer();
        return db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && (organizer || c.OwnerId == userId), ct);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
