using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PressConference.Api.Accreditation;

namespace PressConference.Api.Incidents;

public enum IncidentKind
{
    ForgedCredential,
    ExpiredCredential,
    BorrowedCredential,
    Harassment,
    Other,
}

/// <summary>A misuse of press credentials seen by staff, kept with its evidence for the Press Department's hotline.</summary>
public sealed class Incident
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public IncidentKind Kind { get; init; }
    public Guid? RegistrationId { get; init; }
    public Guid? CredentialId { get; init; }

    /// <summary>The person's name and outlet as they stated them (or as the registration had them).</summary>
    public string PersonName { get; init; } = string.Empty;
    public string? OutletName { get; init; }
    public string Description { get; init; } = string.Empty;
    public DateTime OccurredAt { get; init; }
    public string? Place { get; init; }
    public Guid? BriefingId { get; init; }
    public bool CredentialBlocked { get; init; }
    public string? ReportedById { get; init; }
    public string ReportedByName { get; init; } = string.Empty;
    public DateTime CreatedAt { get; init; }
    public List<IncidentEvidence> Evidence { get; } = [];
}

/// <summary>A file kept as evidence: stored outside the database under a random name by FileStore.</summary>
public sealed class IncidentEvidence
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid IncidentId { get; init; }
    public string StoredName { get; init; } = string.Empty;
    public string ContentType { get; init; } = string.Empty;
    public long Size { get; init; }
    public string OriginalName { get; init; } = string.Empty;
    public string Sha256 { get; init; } = string.Empty;
    public DateTime UploadedAt { get; init; }
    public string UploadedByName { get; init; } = string.Empty;
}

/// <summary>Who takes the reports: the hotline of the Press Department (Cục Báo chí).</summary>
public sealed class IncidentOptions
{
    public const string Section = "Incidents";

    [Required, MaxLength(300)]
    public string HotlineName { get; set; } = "Cục Báo chí, Bộ Văn hóa, Thể thao và Du lịch";

    [Required, MaxLength(30)]
    public string HotlinePhone { get; set; } = "0865.28.28.28";

    [MaxLength(256)]
    public string? HotlineEmail { get; set; }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.Property(i => i.PersonName).HasMaxLength(200);
        builder.Property(i => i.OutletName).HasMaxLength(300);
        builder.Property(i => i.Description).HasMaxLength(4000);
        builder.Property(i => i.Place).HasMaxLength(300);
        builder.Property(i => i.ReportedById).HasMaxLength(450);
        builder.Property(i => i.ReportedByName).HasMaxLength(256);
        builder.HasIndex(i => i.OccurredAt);
        builder.HasIndex(i => i.CredentialId);
        builder.HasOne<Registration>().WithMany().HasForeignKey(i => i.RegistrationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Credential>().WithMany().HasForeignKey(i => i.CredentialId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Evidence).WithOne().HasForeignKey(e => e.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Evidence).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class IncidentEvidenceConfiguration : IEntityTypeConfiguration<IncidentEvidence>
{
    public void Configure(EntityTypeBuilder<IncidentEvidence> builder)
    {
        builder.ToTable("IncidentEvidence");
        builder.Property(e => e.StoredName).HasMaxLength(64);
        builder.Property(e => e.ContentType).HasMaxLength(60);
        builder.Property(e => e.OriginalName).HasMaxLength(200);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.UploadedByName).HasMaxLength(256);
    }
}
