using FluentValidation;

namespace PressConference.Api.Accreditation;

/// <summary>Advance questions are optional and never a condition of attending.</summary>
public sealed record RegistrationRequest(Guid? CredentialId, Guid? RemotePointId, string? Questions);

public sealed record DecisionRequest(string? Reason);

public sealed record RegistrationListQuery(string? Status, string? Location, string? Q, int? Page, int? PageSize);

public sealed record RegistrationResponse(
    Guid Id,
    Guid BriefingId,
    Guid? RemotePointId,
    RegistrationStatus Status,
    IReadOnlyList<FindingResponse> Findings,
    int? WaitlistPosition,
    Guid CredentialId,
    CredentialType? CredentialType,
    string ReporterId,
    string HolderName,
    string OutletName,
    string? Questions,
    DateTime CreatedAt,
    DateTime? DecidedAt,
    string? Reason)
{
    public static RegistrationResponse From(Registration r, int? waitlistPosition, CredentialType? credentialType = null) => new(r.Id, r.BriefingId,
        r.RemotePointId, r.Status, r.FindingList.Select(f => f.ToResponse()).ToList(), waitlistPosition, r.CredentialId, credentialType ?? r.Credential?.Type, r.ReporterId, r.HolderName,
        r.OutletName, r.Questions, r.CreatedAt, r.DecidedAt, r.Reason);
}

public sealed record RegistrationHistoryEntry(DateTime At, DateTimeOffset LocalAt, string Actor, string Action, RegistrationStatus? FromStatus,
    RegistrationStatus ToStatus, IReadOnlyList<FindingResponse> Findings, string? Reason);

public sealed class RegistrationRequestValidator : AbstractValidator<RegistrationRequest>
{
    public RegistrationRequestValidator()
    {
        RuleFor(r => r.CredentialId).NotNull();
        RuleFor(r => r.Questions).MaximumLength(4000);
    }
}

public sealed class DecisionRequestValidator : AbstractValidator<DecisionRequest>
{
    public DecisionRequestValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
    }
}
