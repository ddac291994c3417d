using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PressConference.Api.Passes;

/// <summary>
/// An ECDSA P-256 key that signs pass tokens. The key id is the number every token carries; the private key is kept
/// only as a Data Protection ciphertext. Keys are never deleted: a token signed with an old key verifies until its
/// own validity window ends.
/// </summary>
public sealed class PassSigningKey
{
    public int Id { get; init; }
    public byte[] PublicX { get; init; } = [];
    public byte[] PublicY { get; init; } = [];
    public string ProtectedPrivateKey { get; init; } = string.Empty;
    public DateTime CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
}

internal sealed class PassSigningKeyConfiguration : IEntityTypeConfiguration<PassSigningKey>
{
    public void Configure(EntityTypeBuilder<PassSigningKey> builder)
    {
        builder.ToTable("PassSigningKeys");
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.PublicX).HasMaxLength(32);
        builder.Property(k => k.PublicY).HasMaxLength(32);
        builder.Property(k => k.ProtectedPrivateKey).HasMaxLength(4000);
        builder.Property(k => k.CreatedBy).HasMaxLength(450);
    }
}
