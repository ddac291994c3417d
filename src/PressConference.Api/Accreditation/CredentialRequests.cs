using FluentValidation;

namespace PressConference.Api.Accreditation;

/// <summary>
/// A press card (<c>type: "PressCard"</c>: number, holderName, penName, birthYear, outletId, issuedOn, expiresOn) or an
/// introduction letter (<c>type: "IntroductionLetter"</c>: outletId, letterNumber, letterDate, reporterName, penName,
/// position, addressedTo, purpose, validFrom, validUntil, signerName, signerTitle, photoIdNumber). Instead of (or as
/// well as) outletId, <c>outletName</c> gives the agency's name as printed, which is looked up with its aliases.
/// </summary>
public sealed record CredentialRequest(
    CredentialType? Type,
    Guid? OutletId,
    string? OutletName,
    string? PenName,
    string? Number,
    string? HolderName,
    int? BirthYear,
    DateOnly? IssuedOn,
    DateOnly? ExpiresOn,
    string? LetterNumber,
    DateOnly? LetterDate,
    string? ReporterName,
    string? Position,
    string? AddressedTo,
    string? Purpose,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    string? SignerName,
    string? SignerTitle,
    string? PhotoIdNumber);

/// <summary>A credential as its owner and organizers see it (with the photo-ID number); nobody else ever does.</summary>
public sealed record CredentialResponse(
    Guid Id,
    CredentialType Type,
    Guid? OutletId,
    string OutletName,
    string HolderName,
    string? PenName,
    string? Number,
    int? BirthYear,
    DateOnly? IssuedOn,
    DateOnly? ExpiresOn,
    string? LetterNumber,
    DateOnly? LetterDate,
    string? ReporterName,
    string? Position,
    string? AddressedTo,
    string? Purpose,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    string? SignerName,
    string? SignerTitle,
    string? PhotoIdNumber,
    bool HasScan,
    string? ScanContentType,
    bool Blocked,
    DateTime CreatedAt)
{
    public static CredentialResponse From(Credential c) => new(c.Id, c.Type, c.OutletId, c.OutletName, c.HolderName, c.PenName, c.Number,
        c.BirthYear, c.IssuedOn, c.ExpiresOn, c.LetterNumber, c.LetterDate, c.Type == CredentialType.IntroductionLetter ? c.HolderName : null,
        c.Position, c.AddressedTo, c.Purpose, c.ValidFrom, c.ValidUntil, c.SignerName, c.SignerTitle, c.PhotoIdNumber, c.ScanFile is not null,
        c.ScanContentType, c.BlockedAt is not null, c.CreatedAt);
}

public sealed class CredentialRequestValidator : AbstractValidator<CredentialRequest>
{
    public CredentialRequestValidator()
    {
        RuleFor(r => r.Type).NotNull();
        RuleFor(r => r.OutletId).NotNull().When(r => string.IsNullOrWhiteSpace(r.OutletName));
        RuleFor(r => r.OutletName).MaximumLength(300);
        RuleFor(r => r.PenName).MaximumLength(200);

        When(r => r.Type == CredentialType.PressCard, () =>
        {
            // The number format of the cards issued from 2026 is not published: only length and character class are checked.
            RuleFor(r => r.Number).NotEmpty().MaximumLength(20).Matches("^[A-Za-z0-9./ -]+$");
            RuleFor(r => r.HolderName).NotEmpty().MaximumLength(200);
            RuleFor(r => r.BirthYear).NotNull().InclusiveBetween(1900, 2100);
            RuleFor(r => r.IssuedOn).NotNull();
            RuleFor(r => r.ExpiresOn).NotNull();
            RuleFor(r => r.ExpiresOn).GreaterThanOrEqualTo(r => r.IssuedOn).When(r => r.IssuedOn is not null && r.ExpiresOn is not null)
                .WithMessage(_ => Texts.Get("credential.expiresBeforeIssued"));
        });

        When(r => r.Type == CredentialType.IntroductionLetter, () =>
        {
            RuleFor(r => r.LetterNumber).NotEmpty().MaximumLength(60);
            RuleFor(r => r.LetterDate).NotNull();
            RuleFor(r => r.ReporterName).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Position).MaximumLength(200);
            RuleFor(r => r.AddressedTo).NotEmpty().MaximumLength(300);

            // An empty purpose is accepted here and reported by the checks (LetterContentMissing), so the office sees the attempt.
            RuleFor(r => r.Purpose).MaximumLength(2000);
            RuleFor(r => r.ValidFrom).NotNull();
            RuleFor(r => r.ValidUntil).NotNull();
            RuleFor(r => r.ValidUntil).GreaterThanOrEqualTo(r => r.ValidFrom).When(r => r.ValidFrom is not null && r.ValidUntil is not null)
                .WithMessage(_ => Texts.Get("credential.validUntilBeforeFrom"));
            RuleFor(r => r.SignerName).NotEmpty().MaximumLength(200);
            RuleFor(r => r.SignerTitle).NotEmpty().MaximumLength(200);
            RuleFor(r => r.PhotoIdNumber).NotEmpty().MaximumLength(20).Matches("^[A-Za-z0-9]+$");
        });
    }
}
