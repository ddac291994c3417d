using FluentValidation;

namespace PressConference.Api.Incidents;

public sealed record IncidentRequest(IncidentKind? Kind, Guid? RegistrationId, Guid? CredentialId, string? PersonName, string? OutletName,
    string? Description, DateTimeOffset? OccurredAt, string? Place, Guid? BriefingId, bool? BlockCredential);

public sealed record EvidenceResponse(Guid Id, string OriginalName, string ContentType, long Size, string Sha256, DateTime UploadedAt)
{
    public static EvidenceResponse From(IncidentEvidence e) => new(e.Id, e.OriginalName, e.ContentType, e.Size, e.Sha256, e.UploadedAt);
}

public sealed record IncidentResponse(Guid Id, IncidentKind Kind, Guid? RegistrationId, Guid? CredentialId, string PersonName, string? OutletName,
    string Description, DateTime OccurredAt, DateTimeOffset LocalOccurredAt, string? Place, Guid? BriefingId, bool CredentialBlocked, string ReportedBy,
    DateTime CreatedAt, IReadOnlyList<EvidenceResponse> Evidence)
{
    public static IncidentResponse From(Incident i) => new(i.Id, i.Kind, i.RegistrationId, i.CredentialId, i.PersonName, i.OutletName, i.Description,
        i.OccurredAt, VietnamTime.ToLocal(i.OccurredAt), i.Place, i.BriefingId, i.CredentialBlocked, i.ReportedByName, i.CreatedAt,
        i.Evidence.OrderBy(e => e.UploadedAt).Select(EvidenceResponse.From).ToList());
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
