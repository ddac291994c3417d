using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PressConference.Api.Briefings;

namespace PressConference.Api.Passes;

/// <summary>Why a pass stopped being valid; the door tells the two apart.</summary>
public enum PassRevocation
{
    /// <summary>The registration was cancelled, or the briefing itself was.</summary>
    Cancelled,

    /// <summary>Withdrawn by the office: rejected after approval, or the credential was blocked.</summary>
    Revoked,
}

/// <summary>
/// The QR pass of one approved registration: who (for the door's screen, never in the token), for which briefing and
/// which door (main venue or one remote point), and the signed token. One pass per registration; re-issuing
/// reinstates it.
/// </summary>
public sealed class Pass
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RegistrationId { get; init; }

    /// <summary>The reporter's user id: only they (and organizers) can fetch the pass.</summary>
    public string OwnerId { get; set; } = string.Empty;

    public Guid BriefingId { get; init; }

    /// <summary>Null: the main venue.</summary>
    public Guid? RemotePointId { get; set; }

    public string ReporterName { get; set; } = string.Empty;
    public string OutletName { get; set; } = string.Empty;

    /// <summary>Doors open.</summary>
    public DateTime ValidFrom { get; set; }

    /// <summary>End of the briefing.</summary>
    public DateTime ValidUntil { get; set; }

    public int KeyId { get; set; }
    public string Token { get; set; } = string.Empty;
    public DateTime IssuedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public PassRevocation? RevocationReason { get; set; }

    public bool IsLive => RevokedAt is null;
}

internal sealed class PassConfiguration : IEntityTypeConfiguration<Pass>
{
    public void Configure(EntityTypeBuilder<Pass> builder)
    {
        builder.Property(p => p.OwnerId).HasMaxLength(450);
        builder.Property(p => p.ReporterName).HasMaxLength(200);
        builder.Property(p => p.OutletName).HasMaxLength(300);
        builder.Property(p => p.Token).HasMaxLength(400);
        builder.HasIndex(p => p.RegistrationId).IsUnique();
        builder.HasIndex(p => new { p.BriefingId, p.RemotePointId });
        builder.HasIndex(p => p.OwnerId);
        builder.HasOne<Briefing>().WithMany().HasForeignKey(p => p.BriefingId).OnDelete(DeleteBehavior.Cascade);
    }
}
