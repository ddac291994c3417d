using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PressConference.Api.RemotePoints;

public enum RemotePointUnitKind
{
    Ward,
    Commune,
    Department,
}

/// <summary>
/// A remote participation point (điểm cầu): a ward/commune People's Committee hall or a city department linked to
/// briefings by video, with its own seats and its own door.
/// </summary>
public sealed class RemotePoint
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Name { get; set; } = string.Empty;
    public string UnitName { get; set; } = string.Empty;
    public RemotePointUnitKind UnitKind { get; set; }
    public string Address { get; set; } = string.Empty;
    public int Capacity { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public string? VideoLink { get; set; }
    public bool IsActive { get; set; } = true;
    public string NameKey { get; set; } = string.Empty;
}

internal sealed class RemotePointConfiguration : IEntityTypeConfiguration<RemotePoint>
{
    public void Configure(EntityTypeBuilder<RemotePoint> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.NameKey).HasMaxLength(200);
        builder.Property(p => p.UnitName).HasMaxLength(200);
        builder.Property(p => p.Address).HasMaxLength(500);
        builder.Property(p => p.ContactName).HasMaxLength(200);
        builder.Property(p => p.ContactPhone).HasMaxLength(30);
        builder.Property(p => p.ContactEmail).HasMaxLength(256);
        builder.Property(p => p.VideoLink).HasMaxLength(1000);
        builder.HasIndex(p => p.NameKey).IsUnique();
        builder.HasIndex(p => new { p.IsActive, p.NameKey });
    }
}
