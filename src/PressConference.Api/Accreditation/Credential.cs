using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PressConference.Api.Identity;
using PressConference.Api.Outlets;

namespace PressConference.Api.Accreditation;

public enum CredentialType
{
    /// <summary>Thẻ nhà báo.</summary>
    PressCard,

    /// <summary>Giấy giới thiệu of a press agency, shown with a photo ID.</summary>
    IntroductionLetter,
}

/// <summary>
/// A press card or an introduction letter a reporter registers with. One table: the fields of the other kind stay
/// empty. The photo-ID number and the scan are for the owner and organizers only.
/// </summary>
public sealed class Credential
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string OwnerId { get; init; } = string.Empty;
    public CredentialType Type { get; init; }

    /// <summary>The registered outlet, when the printed name was found (or chosen); null = not (yet) in the registry.</summary>
    public Guid? OutletId { get; set; }

    /// <summary>The agency's name as printed on the card or letter (an old name after a merger is normal).</summary>
    public string OutletName { get; set; } = string.Empty;

    /// <summary>Holder's full name (card) or the reporter named by the letter.</summary>
    public string HolderName { get; set; } = string.Empty;
    public string? PenName { get; set; }

    // Press card
    public string? Number { get; set; }
    public int? BirthYear { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }

    // Introduction letter
    public string? LetterNumber { get; set; }
    public DateOnly? LetterDate { get; set; }
    public string? Position { get; set; }
    public string? AddressedTo { get; set; }
    public string? Purpose { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public string? SignerName { get; set; }
    public string? SignerTitle { get; set; }
    public string? PhotoIdNumber { get; set; }

    // Scan (stored outside the database by FileStore)
    public string? ScanFile { get; set; }
    public string? ScanContentType { get; set; }
    public long? ScanSize { get; set; }

    /// <summary>Set by an incident: the credential may no longer be used and its open registrations go to review.</summary>
    public DateTime? BlockedAt { get; set; }
    public Guid? BlockedByIncidentId { get; set; }

    public DateTime CreatedAt { get; init; }

    public Outlet? Outlet { get; init; }
}

internal sealed class CredentialConfiguration : IEntityTypeConfiguration<Credential>
{
    public void Configure(EntityTypeBuilder<Credential> builder)
    {
        builder.Property(c => c.OwnerId).HasMaxLength(450);
        builder.Property(c => c.OutletName).HasMaxLength(300);
        builder.Property(c => c.HolderName).HasMaxLength(200);
        builder.Property(c => c.PenName).HasMaxLength(200);
        builder.Property(c => c.Number).HasMaxLength(30);
        builder.Property(c => c.LetterNumber).HasMaxLength(60);
        builder.Property(c => c.Position).HasMaxLength(200);
        builder.Property(c => c.AddressedTo).HasMaxLength(300);
        builder.Property(c => c.Purpose).HasMaxLength(2000);
        builder.Property(c => c.SignerName).HasMaxLength(200);
        builder.Property(c => c.SignerTitle).HasMaxLength(200);
        builder.Property(c => c.PhotoIdNumber).HasMaxLength(30);
        builder.Property(c => c.ScanFile).HasMaxLength(64);
        builder.Property(c => c.ScanContentType).HasMaxLength(60);
        builder.HasIndex(c => new { c.OwnerId, c.CreatedAt });
        builder.HasIndex(c => c.Number);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Outlet).WithMany().HasForeignKey(c => c.OutletId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A press card number the office knows to be revoked (imported or entered; there is no public register).</summary>
public sealed class CardRevocation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Upper case, without spaces: the form card numbers are compared in.</summary>
    public string Number { get; set; } = string.Empty;
    public DateOnly RevokedOn { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; init; }

    public static string NormalizeNumber(string? number) =>
        new string((number ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
}

internal sealed class CardRevocationConfiguration : IEntityTypeConfiguration<CardRevocation>
{
    public void Configure(EntityTypeBuilder<CardRevocation> builder)
    {
        builder.Property(r => r.Number).HasMaxLength(30);
        builder.Property(r => r.Note).HasMaxLength(1000);
        builder.HasIndex(r => r.Number).IsUnique();
    }
}
