using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PressConference.Api.Accreditation;
using PressConference.Api.Briefings;
using PressConference.Api.CheckIn;
using PressConference.Api.Identity;
using PressConference.Api.Incidents;
using PressConference.Api.Outlets;
using PressConference.Api.Passes;
using PressConference.Api.Notifications;
using PressConference.Api.RemotePoints;
using PressConference.Api.Series;
using PressConference.Api.Spokespersons;

namespace PressConference.Api.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser, IdentityRole, string>(options),
    IDataProtectionKeyContext
{
    public DbSet<Briefing> Briefings => Set<Briefing>();
    public DbSet<BriefingAuditEntry> BriefingAudit => Set<BriefingAuditEntry>();
    public DbSet<BriefingSpokesperson> BriefingSpokespersons => Set<BriefingSpokesperson>();
    public DbSet<BriefingRemotePoint> BriefingRemotePoints => Set<BriefingRemotePoint>();
    public DbSet<BriefingSeries> BriefingSeries => Set<BriefingSeries>();
    public DbSet<RemotePoint> RemotePoints => Set<RemotePoint>();
    public DbSet<Spokesperson> Spokespersons => Set<Spokesperson>();
    public DbSet<Outlet> Outlets => Set<Outlet>();
    public DbSet<OutletAlias> OutletAliases => Set<OutletAlias>();
    public DbSet<Credential> Credentials => Set<Credential>();
    public DbSet<CardRevocation> CardRevocations => Set<CardRevocation>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<RegistrationAuditEntry> RegistrationAudit => Set<RegistrationAuditEntry>();
    public DbSet<LocationSeats> LocationSeats => Set<LocationSeats>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<IncidentEvidence> IncidentEvidence => Set<IncidentEvidence>();
    public DbSet<Pass> Passes => Set<Pass>();
    public DbSet<PassSigningKey> PassSigningKeys => Set<PassSigningKey>();
    public DbSet<PassCheckIn> CheckIns => Set<PassCheckIn>();
    public DbSet<ScanLogEntry> ScanLog => Set<ScanLogEntry>();
    public DbSet<DoorBinding> DoorBindings => Set<DoorBinding>();
    public DbSet<OfflineScan> OfflineScans => Set<OfflineScan>();

    /// <summary>ASP.NET Core Data Protection keys: every host and every restart unprotects the same secrets.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Notification> Notifications => Set<Notification>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are UTC everywhere; SQLite keeps them as sortable ISO text, PostgreSQL as timestamptz.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value.ToUniversalTime(), DateTimeKind.Utc),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
