using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PressConference.Api.Spokespersons;

/// <summary>
/// A spokesperson (người phát ngôn) of an agency, or a person authorised to speak for it on one matter for a
/// period. Name, title, phone and e-mail are public by law.
/// </summary>
public sealed class Spokesperson
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string FullName { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string Agency { get; set; } = string.Empty;
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }

    /// <summary>Set when the person is authorised for a specific matter rather than being the agency's spokesperson.</summary>
    public string? AuthorizedMatter { get; set; }

    public bool IsEffectiveOn(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is null || EffectiveTo >= date);
}

internal sealed class SpokespersonConfiguration : IEntityTypeConfiguration<Spokesperson>
{
    public void Configure(EntityTypeBuilder<Spokesperson> builder)
    {
        builder.Property(s => s.FullName).HasMaxLength(200);
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Agency).HasMaxLength(300);
        builder.Property(s => s.Phone).HasMaxLength(30);
        builder.Property(s => s.Email).HasMaxLength(256);
        builder.Property(s => s.AuthorizedMatter).HasMaxLength(500);
        builder.HasIndex(s => new { s.EffectiveFrom, s.EffectiveTo });
    }
}
