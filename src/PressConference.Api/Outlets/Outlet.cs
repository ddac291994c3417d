using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PressConference.Api.Outlets;

public enum OutletKind
{
    Newspaper,
    Magazine,
    RadioTelevision,
    Online,
}

public enum OutletStatus
{
    Active,
    Suspended,
    Revoked,
}

/// <summary>A licensed press agency (cơ quan báo chí). Old names after mergers and renames live on as aliases.</summary>
public sealed class Outlet
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Name { get; set; } = string.Empty;
    public string NameKey { get; set; } = string.Empty;
    public string? LicenceNumber { get; set; }
    public OutletKind Kind { get; set; }
    public OutletStatus Status { get; set; }

    /// <summary>Since when the status holds (a suspension or revocation date); null = always.</summary>
    public DateOnly? StatusFrom { get; set; }

    /// <summary>When a suspension ends (inclusive); null = until lifted.</summary>
    public DateOnly? StatusUntil { get; set; }

    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? Address { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public List<OutletAlias> Aliases { get; } = [];

    /// <summary>The status that applies on a given (briefing) date: a suspension outside its dates does not count.</summary>
    public OutletStatus StatusOn(DateOnly date) => Status switch
    {
        OutletStatus.Active => OutletStatus.Active,
        _ when StatusFrom is { } from && date < from => OutletStatus.Active,
        OutletStatus.Suspended when StatusUntil is { } until && date > until => OutletStatus.Active,
        _ => Status,
    };

    /// <summary>Takes the fields of a request (from the API, a page or an import row); the dates only where the status uses them.</summary>
    public void Apply(OutletRequest request, DateTime now)
    {
        Name = request.Name!.Trim();
        NameKey = TextKey.Fold(Name);
        LicenceNumber = Clean(request.LicenceNumber);
        Kind = request.Kind!.Value;
        Status = request.Status!.Value;
        StatusFrom = Status == OutletStatus.Active ? null : request.StatusFrom;
        StatusUntil = Status == OutletStatus.Suspended ? request.StatusUntil : null;
        ContactEmail = Clean(request.ContactEmail);
        ContactPhone = Clean(request.ContactPhone);
        Address = Clean(request.Address);
        SetAliases(request.Aliases ?? []);
        UpdatedAt = now;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public void SetAliases(IEnumerable<string> names)
    {
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0)
            .DistinctBy(TextKey.Fold).Where(n => TextKey.Fold(n) != NameKey).ToList();
        Aliases.RemoveAll(a => wanted.All(w => TextKey.Fold(w) != a.NameKey));
        foreach (var name in wanted.Where(w => Aliases.All(a => a.NameKey != TextKey.Fold(w))))
        {
            Aliases.Add(new OutletAlias { OutletId = Id, Name = name, NameKey = TextKey.Fold(name) });
        }
    }
}

/// <summary>Another name an outlet is known by: a former name, or the name of an outlet merged into it.</summary>
public sealed class OutletAlias
{
    public long Id { get; init; }
    public Guid OutletId { get; init; }
    public string Name { get; set; } = string.Empty;
    public string NameKey { get; set; } = string.Empty;
}

internal sealed class OutletConfiguration : IEntityTypeConfiguration<Outlet>
{
    public void Configure(EntityTypeBuilder<Outlet> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(300);
        builder.Property(o => o.NameKey).HasMaxLength(300);
        builder.Property(o => o.LicenceNumber).HasMaxLength(60);
        builder.Property(o => o.ContactEmail).HasMaxLength(256);
        builder.Property(o => o.ContactPhone).HasMaxLength(30);
        builder.Property(o => o.Address).HasMaxLength(500);
        builder.HasIndex(o => o.NameKey).IsUnique();
        builder.HasIndex(o => o.LicenceNumber);
        builder.HasMany(o => o.Aliases).WithOne().HasForeignKey(a => a.OutletId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Aliases).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OutletAliasConfiguration : IEntityTypeConfiguration<OutletAlias>
{
    public void Configure(EntityTypeBuilder<OutletAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.NameKey).HasMaxLength(300);
        builder.HasIndex(a => a.NameKey);
    }
}
