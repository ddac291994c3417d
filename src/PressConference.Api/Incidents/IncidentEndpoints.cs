using System.Globalization;
using System.Security.Claims;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PressConference.Api.Accreditation;
using PressConference.Api.Data;
using PressConference.Api.Infrastructure;

namespace PressConference.Api.Incidents;

public sealed record IncidentRequest(IncidentKind? Kind, Guid? RegistrationId, Guid? CredentialId, string? PersonName, string? OutletName,
    string? Description, DateTimeOffset? OccurredAt, string? Place, Guid? BriefingId, bool? BlockCredential);

public sealed record EvidenceResponse(Guid Id, string OriginalName, string ContentType, long Size, string Sha256, DateTime UploadedAt);

public sealed record IncidentResponse(Guid Id, IncidentKind Kind, Guid? RegistrationId, Guid? CredentialId, string PersonName, string? OutletName,
    string Description, DateTime OccurredAt, DateTimeOffset LocalOccurredAt, string? Place, Guid? BriefingId, bool CredentialBlocked, string ReportedBy,
    DateTime CreatedAt, IReadOnlyList<EvidenceResponse> Evidence)
{
    public static IncidentResponse From(Incident i) => new(i.Id, i.Kind, i.RegistrationId, i.CredentialId, i.PersonName, i.OutletName, i.Description,
        i.OccurredAt, VietnamTime.ToLocal(i.OccurredAt), i.Place, i.BriefingId, i.CredentialBlocked, i.ReportedByName, i.CreatedAt,
        i.Evidence.OrderBy(e => e.UploadedAt).Select(e => new EvidenceResponse(e.Id, e.OriginalName, e.ContentType, e.Size, e.Sha256, e.UploadedAt)).ToList());
}

/// <summary>Misuse of press credentials: door staff and organizers record it; organizers read it and export it for the hotline.</summary>
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

    /// <summary>Records an incident; with <c>blockCredential</c> the credential is blocked and its open registrations go to review, in the same save.</summary>
    private static async Task<Results<CreatedAtRoute<IncidentResponse>, ProblemHttpResult, ValidationProblem>> Create(IncidentRequest request,
        ClaimsPrincipal user, AppDbContext db, RegistrationFollowUps followUps, TimeProvider clock, CancellationToken ct)
    {
        Registration? registration = null;
        if (request.RegistrationId is { } registrationId)
        {
            registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId, ct);
            if (registration is null)
            {
                return Problems.NotFound("entity.registration");
            }
        }

        var credentialId = request.CredentialId ?? registration?.CredentialId;
        Credential? credential = null;
        if (credentialId is { } cid)
        {
            credential = await db.Credentials.FirstOrDefaultAsync(c => c.Id == cid, ct);
            if (credential is null)
            {
                return Problems.NotFound("entity.credential");
            }
        }

        var personName = Clean(request.PersonName) ?? registration?.HolderName ?? credential?.HolderName;
        if (personName is null)
        {
            return Problems.Field("personName", Texts.Get("incident.whoRequired"));
        }

        if (request.BlockCredential == true && credential is null)
        {
            return Problems.Field("blockCredential", Texts.Get("incident.noCredential"));
        }

        // Blocking sends the reporter's registrations at every briefing to review: the office decides that, not a door.
        if (request.BlockCredential == true && !user.IsOrganizer())
        {
            return Problems.Field("blockCredential", Texts.Get("incident.blockOrganizersOnly"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var incident = new Incident
        {
            Kind = request.Kind!.Value,
            RegistrationId = registration?.Id,
            CredentialId = credential?.Id,
            PersonName = personName,
            OutletName = Clean(request.OutletName) ?? registration?.OutletName ?? credential?.OutletName,
            Description = request.Description!.Trim(),
            OccurredAt = request.OccurredAt?.UtcDateTime ?? now,
            Place = Clean(request.Place),
            BriefingId = request.BriefingId ?? registration?.BriefingId,
            CredentialBlocked = request.BlockCredential == true,
            ReportedById = user.UserId(),
            ReportedByName = user.UserName() ?? string.Empty,
            CreatedAt = now,
        };
        db.Incidents.Add(incident);
        if (incident.CredentialBlocked)
        {
            await followUps.BlockCredentialAsync(credential!, incident.Id, user, Texts.Get("incident.blockReason", Texts.Name(incident.Kind)), now, ct);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(IncidentResponse.From(incident), "GetIncident", new { id = incident.Id });
    }

    private static async Task<Ok<Paged<IncidentResponse>>> List(AppDbContext db, IncidentKind? kind, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Incidents.AsNoTracking().Include(i => i.Evidence).AsQueryable();
        if (kind is { } k)
        {
            query = query.Where(i => i.Kind == k);
        }

        return TypedResults.Ok(await query.OrderByDescending(i => i.OccurredAt).ToPageAsync(page, pageSize, IncidentResponse.From, ct));
    }

    private static async Task<Results<Ok<IncidentResponse>, ProblemHttpResult>> Get(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.Incidents.AsNoTracking().Include(i => i.Evidence).FirstOrDefaultAsync(i => i.Id == id, ct) is { } incident
            ? TypedResults.Ok(IncidentResponse.From(incident))
            : Problems.NotFound("entity.incident");

    private static async Task<Results<Created<EvidenceResponse>, ProblemHttpResult>> AddEvidence(Guid id, HttpRequest request, ClaimsPrincipal user,
        AppDbContext db, FileStore files, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == id, ct))
        {
            return Problems.NotFound("entity.incident");
        }

        var (stored, problem) = await files.SaveAsync(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var evidence = new IncidentEvidence
        {
            IncidentId = id,
            StoredName = stored!.StoredName,
            ContentType = stored.ContentType,
            Size = stored.Size,
            OriginalName = stored.OriginalName,
            Sha256 = stored.Sha256,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedByName = user.UserName() ?? string.Empty,
        };
        db.IncidentEvidence.Add(evidence);
        await files.KeepIfSavedAsync(stored, () => db.SaveChangesAsync(ct));
        return TypedResults.Created($"/api/incidents/{id}/evidence/{evidence.Id}",
            new EvidenceResponse(evidence.Id, evidence.OriginalName, evidence.ContentType, evidence.Size, evidence.Sha256, evidence.UploadedAt));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadEvidence(Guid id, Guid evidenceId, AppDbContext db, FileStore files,
        CancellationToken ct)
    {
        var evidence = await db.IncidentEvidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId && e.IncidentId == id, ct);
        return evidence is not null && files.OpenRead(evidence.StoredName) is { } stream
            ? TypedResults.Stream(stream, evidence.ContentType, $"evidence-{evidence.Id:N}{Path.GetExtension(evidence.StoredName)}")
            : Problems.NotFound("entity.evidence");
    }

    /// <summary>The report for the Press Department hotline, in Markdown, with the hotline's contacts and every piece of evidence listed.</summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Report(Guid id, AppDbContext db, IOptions<IncidentOptions> options,
        IOptions<OfficeOptions> office, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().Include(i => i.Evidence).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return Problems.NotFound("entity.incident");
        }

        var credential = incident.CredentialId is { } cid ? await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct) : null;
        var briefing = incident.BriefingId is { } bid ? await db.Briefings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bid, ct) : null;
        var hotline = options.Value;
        string T(string key, params object?[] args) => Texts.Get(key, args);
        string Local(DateTime utc) => VietnamTime.ToLocal(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {T("report.title")}");
        md.AppendLine();
        var email = string.IsNullOrWhiteSpace(hotline.HotlineEmail) ? string.Empty : $", {hotline.HotlineEmail}";
        md.AppendLine(CultureInfo.InvariantCulture, $"**{T("report.to")}:** {hotline.HotlineName}, {T("report.hotline")} {hotline.HotlinePhone}{email}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"**{T("report.from")}:** {office.Value.HostAgency}");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("|---|---|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| {T("report.kind")} | {Texts.Name(incident.Kind)} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| {T("report.person")} | {Cell(incident.PersonName)} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| {T("report.outlet")} | {Cell(incident.OutletName ?? "—")} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| {T("report.when")} | {Local(incident.OccurredAt)} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| {T("report.where")} | {Cell(incident.Place ?? briefing?.Venue ?? "—")} |");
        if (briefing is not null)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {T("report.briefing")} | {Cell(briefing.Title)} ({Local(briefing.StartsAt)}) |");
        }

        if (credential is not null)
        {
            // The card or letter number identifies the document shown; the photo-ID number is never part of a report.
            var document = credential.Type == CredentialType.PressCard
                ? T("report.card", credential.Number)
                : T("report.letter", credential.LetterNumber, credential.LetterDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            md.AppendLine(CultureInfo.InvariantCulture, $"| {T("report.credential")} | {Cell(document)} |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| {T("report.blocked")} | {(incident.CredentialBlocked ? T("report.yes") : T("report.no"))} |");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"| {T("report.reportedBy")} | {Cell(incident.ReportedByName)}, {Local(incident.CreatedAt)} |");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"## {T("report.what")}");
        md.AppendLine();
        md.AppendLine(incident.Description);
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"## {T("report.evidence")}");
        md.AppendLine();
        if (incident.Evidence.Count == 0)
        {
            md.AppendLine(T("report.noEvidence"));
        }

        var n = 0;
        foreach (var e in incident.Evidence.OrderBy(e => e.UploadedAt))
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"{++n}. {Cell(e.OriginalName.Length > 0 ? e.OriginalName : e.Id.ToString())}: {e.ContentType}, {e.Size} bytes, SHA-256 `{e.Sha256}`, {Local(e.UploadedAt)}");
        }

        return TypedResults.Text(md.ToString(), "text/markdown; charset=utf-8");
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class IncidentRequestValidator : AbstractValidator<IncidentRequest>
{
    public IncidentRequestValidator()
    {
        RuleFor(r => r.Kind).NotNull();
        RuleFor(r => r.Description).NotEmpty().MaximumLength(4000);
        RuleFor(r => r.PersonName).MaximumLength(200);
        RuleFor(r => r.OutletName).MaximumLength(300);
        RuleFor(r => r.Place).MaximumLength(300);
    }
}
