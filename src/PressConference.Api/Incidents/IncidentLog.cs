using System.Security.Claims;
using PressConference.Api.Accreditation;

namespace PressConference.Api.Incidents;

/// <summary>Misuse of press credentials: door staff and organizers record it with its evidence; organizers read it.</summary>
public sealed class IncidentLog(AppDbContext db, RegistrationDecisions registrations, FileStore files, TimeProvider clock)
{
    /// <summary>
    /// Records an incident; with <c>blockCredential</c> the credential is blocked and its open registrations go to review,
    /// in the same save. Run it inside the write transaction (<c>.InWriteTransaction()</c>), so no registration decided
    /// meanwhile escapes the block.
    /// </summary>
    public async Task<Outcome<Incident>> RecordAsync(IncidentRequest request, ClaimsPrincipal reporter, CancellationToken ct)
    {
        Registration? registration = null;
        if (request.RegistrationId is { } registrationId)
        {
            registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId, ct);
            if (registration is null)
            {
                return Refusal.NotFound("entity.registration");
            }
        }

        var credentialId = request.CredentialId ?? registration?.CredentialId;
        Credential? credential = null;
        if (credentialId is { } cid)
        {
            credential = await db.Credentials.FirstOrDefaultAsync(c => c.Id == cid, ct);
            if (credential is null)
            {
                return Refusal.NotFound("entity.credential");
            }
        }

        var personName = Clean(request.PersonName) ?? registration?.HolderName ?? credential?.HolderName;
        if (personName is null)
        {
            return Refusal.Invalid("personName", Texts.Get("incident.whoRequired"));
        }

        if (request.BlockCredential == true && credential is null)
        {
            return Refusal.Invalid("blockCredential", Texts.Get("incident.noCredential"));
        }

        // Blocking sends the reporter's registrations at every briefing to review: the office decides that, not a door.
        if (request.BlockCredential == true && !reporter.IsOrganizer())
        {
            return Refusal.Invalid("blockCredential", Texts.Get("incident.blockOrganizersOnly"));
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
            ReportedById = reporter.UserId(),
            ReportedByName = reporter.UserName() ?? string.Empty,
            CreatedAt = now,
        };
        db.Incidents.Add(incident);
        if (incident.CredentialBlocked)
        {
            await registrations.BlockCredentialAsync(credential!, incident.Id, reporter, Texts.Get("incident.blockReason", Texts.Name(incident.Kind)), now, ct);
        }

        await db.SaveChangesAsync(ct);
        return incident;
    }

    public async Task<Paged<IncidentResponse>> ListAsync(IncidentKind? kind, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Incidents.AsNoTracking().Include(i => i.Evidence).AsQueryable();
        if (kind is { } k)
        {
            query = query.Where(i => i.Kind == k);
        }

        return await query.OrderByDescending(i => i.OccurredAt).ToPageAsync(page, pageSize, IncidentResponse.From, ct);
    }

    public async Task<IncidentResponse?> FindAsync(Guid id, CancellationToken ct) =>
        await db.Incidents.AsNoTracking().Include(i => i.Evidence).FirstOrDefaultAsync(i => i.Id == id, ct) is { } incident
            ? IncidentResponse.From(incident)
            : null;

    public Task<bool> ExistsAsync(Guid id, CancellationToken ct) => db.Incidents.AnyAsync(i => i.Id == id, ct);

    /// <summary>Keeps a stored file as evidence of an incident (see <see cref="ExistsAsync"/>); the file goes again if the save fails.</summary>
    public async Task<EvidenceResponse> AddEvidenceAsync(Guid incidentId, StoredUpload stored, ClaimsPrincipal uploader, CancellationToken ct)
    {
        var evidence = new IncidentEvidence
        {
            IncidentId = incidentId,
            StoredName = stored.StoredName,
            ContentType = stored.ContentType,
            Size = stored.Size,
            OriginalName = stored.OriginalName,
            Sha256 = stored.Sha256,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedByName = uploader.UserName() ?? string.Empty,
        };
        db.IncidentEvidence.Add(evidence);
        await files.KeepIfSavedAsync(stored, () => db.SaveChangesAsync(ct));
        return EvidenceResponse.From(evidence);
    }

    /// <summary>One piece of evidence of an incident; null when there is none (or the file is gone).</summary>
    public async Task<FileDownload?> OpenEvidenceAsync(Guid incidentId, Guid evidenceId, CancellationToken ct)
    {
        var evidence = await db.IncidentEvidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId && e.IncidentId == incidentId, ct);
        return evidence is not null && files.OpenRead(evidence.StoredName) is { } stream
            ? new FileDownload(stream, evidence.ContentType, $"evidence-{evidence.Id:N}{Path.GetExtension(evidence.StoredName)}")
            : null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
