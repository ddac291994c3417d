using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PressConference.Api.Spokespersons;

namespace PressConference.Api.Briefings;

internal sealed class BriefingConfiguration : IEntityTypeConfiguration<Briefing>
{
    public void Configure(EntityTypeBuilder<Briefing> builder)
    {
        builder.Property(b => b.Title).HasMaxLength(300);
        builder.Property(b => b.Topic).HasMaxLength(4000);
        builder.Property(b => b.TriggerReason).HasMaxLength(1000);
        builder.Property(b => b.HostAgency).HasMaxLength(300);
        builder.Property(b => b.HostAgencyKey).HasMaxLength(300);
        builder.Property(b => b.Venue).HasMaxLength(300);
        builder.Property(b => b.VenueKey).HasMaxLength(300);
        builder.Property(b => b.SearchText).HasMaxLength(4400);
        builder.Property(b => b.CancellationReason).HasMaxLength(1000);
        builder.Property(b => b.SeriesPeriod).HasMaxLength(7);
        builder.Property(b => b.Version).IsConcurrencyToken();

        builder.HasIndex(b => new { b.Status, b.StartsAt });
        builder.HasIndex(b => b.StartsAt);
        builder.HasIndex(b => new { b.VenueKey, b.StartsAt });
        builder.HasIndex(b => new { b.Kind, b.HostAgencyKey, b.StartsAt });
        builder.HasIndex(b => new { b.SeriesId, b.SeriesPeriod }).IsUnique();

        builder.HasMany(b => b.Spokespersons).WithOne().HasForeignKey(s => s.BriefingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.RemotePoints).WithOne().HasForeignKey(p => p.BriefingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Spokespersons).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class BriefingSpokespersonConfiguration : IEntityTypeConfiguration<BriefingSpokesperson>
{
    public void Configure(EntityTypeBuilder<BriefingSpokesperson> builder)
    {
        builder.HasKey(s => new { s.BriefingId, s.SpokespersonId });
        builder.HasOne<Spokesperson>().WithMany().HasForeignKey(s => s.SpokespersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.SpokespersonId);
    }
}

internal sealed class BriefingRemotePointConfiguration : IEntityTypeConfiguration<BriefingRemotePoint>
{
    public void Configure(EntityTypeBuilder<BriefingRemotePoint> builder)
    {
        builder.HasKey(p => new { p.BriefingId, p.RemotePointId });
        builder.Property(p => p.VideoLink).HasMaxLength(1000);
        builder.HasOne(p => p.RemotePoint).WithMany().HasForeignKey(p => p.RemotePointId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.RemotePointId);
    }
}

internal sealed class BriefingAuditEntryConfiguration : IEntityTypeConfiguration<BriefingAuditEntry>
{
    public void Configure(EntityTypeBuilder<BriefingAuditEntry> builder)
    {
        builder.ToTable("BriefingAudit");
        builder.Property(a => a.ActorId).HasMaxLength(450);
        builder.Property(a => a.ActorName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(60);
        builder.Property(a => a.Reason).HasMaxLength(1000);
        builder.HasIndex(a => new { a.BriefingId, a.At });
        builder.HasOne<Briefing>().WithMany().HasForeignKey(a => a.BriefingId).OnDelete(DeleteBehavior.Cascade);
    }
}
