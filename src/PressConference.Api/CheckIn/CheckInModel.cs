using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PressConference.Api.Briefings;
using PressConference.Api.Identity;
using PressConference.Api.Passes;

namespace PressConference.Api.CheckIn;

public enum ScanResult
{
    Admitted,
    AlreadyCheckedIn,
    Refused,
}

/// <summary>Why a door refused a pass. The names are the contract with the door page: never rename.</summary>
public enum ScanRefusal
{
    InvalidSignature,
    Malformed,
    UnknownKey,
    WrongBriefing,
    WrongLocation,
    NotYetOpen,
    Closed,
    Revoked,
    Cancelled,
}

public enum ScanSource
{
    Online,
    Offline,
}

/// <summary>
/// The one admission of a pass. The unique index on <see cref="PassId"/> is what makes two doors scanning the same
/// pass at the same instant produce exactly one admission.
/// </summary>
public sealed class PassCheckIn
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PassId { get; init; }
    public Guid BriefingId { get; init; }
    public Guid? RemotePointId { get; set; }
    public string? DoorId { get; set; }
    public string? ScannedBy { get; set; }
    public string? DeviceId { get; set; }

    /// <summary>When the door admitted the person (for an offline door, the time it scanned).</summary>
    public DateTime CheckedInAt { get; set; }

    public ScanSource Source { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>Every scan, whatever its result: which door, which account, what it answered, when.</summary>
public sealed class ScanLogEntry
{
    public long Id { get; init; }
    public DateTime RecordedAt { get; init; }
    public DateTime ScannedAt { get; init; }
    public string? AccountId { get; init; }
    public string? AccountName { get; init; }
    public string? DoorId { get; init; }
    public string? DeviceId { get; init; }

    /// <summary>The briefing the door works for (its binding or request), else the pass's.</summary>
    public Guid? BriefingId { get; init; }

    public Guid? RemotePointId { get; init; }
    public Guid? PassId { get; init; }
    public ScanResult Result { get; init; }
    public ScanRefusal? Reason { get; init; }
    public ScanSource Source { get; init; }
}

/// <summary>A door-staff account bound to one briefing and one location (null remote point: the main venue).</summary>
public sealed class DoorBinding
{
    public string UserId { get; init; } = string.Empty;
    public Guid BriefingId { get; set; }
    public Guid? RemotePointId { get; set; }
    public DateTime BoundAt { get; set; }
    public string? BoundBy { get; set; }
}

/// <summary>
/// A scan an offline door sent through sync, keyed by (device, token, time scanned): the same scan sent again finds
/// its row and gets the same verdict instead of being counted twice.
/// </summary>
public sealed class OfflineScan
{
    public long Id { get; init; }
    public string DeviceId { get; init; } = string.Empty;
    public string TokenHash { get; init; } = string.Empty;
    public DateTime ScannedAt { get; init; }
    public DateTime ReceivedAt { get; init; }
    public Guid? PassId { get; init; }
    public ScanResult? LocalResult { get; init; }
    public ScanResult Result { get; init; }
    public ScanRefusal? Reason { get; init; }
    public SyncConflictKind? Conflict { get; init; }
}

public enum SyncConflictKind
{
    /// <summary>The door admitted a pass that another door (or this one) had admitted too; the earliest admission counts.</summary>
    AdmittedTwice,

    /// <summary>The door admitted a pass that had been revoked or cancelled before it scanned it.</summary>
    RevokedBeforeScan,

    /// <summary>The door admitted a pass the server refuses for another reason (place, window).</summary>
    RefusedByServer,
}

internal sealed class PassCheckInConfiguration : IEntityTypeConfiguration<PassCheckIn>
{
    public void Configure(EntityTypeBuilder<PassCheckIn> builder)
    {
        builder.ToTable("CheckIns");
        builder.Property(c => c.DoorId).HasMaxLength(100);
        builder.Property(c => c.ScannedBy).HasMaxLength(450);
        builder.Property(c => c.DeviceId).HasMaxLength(100);
        builder.HasIndex(c => c.PassId).IsUnique();
        builder.HasIndex(c => new { c.BriefingId, c.RemotePointId });
        builder.HasOne<Pass>().WithMany().HasForeignKey(c => c.PassId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScanLogEntryConfiguration : IEntityTypeConfiguration<ScanLogEntry>
{
    public void Configure(EntityTypeBuilder<ScanLogEntry> builder)
    {
        builder.ToTable("ScanLog");
        builder.Property(s => s.AccountId).HasMaxLength(450);
        builder.Property(s => s.AccountName).HasMaxLength(256);
        builder.Property(s => s.DoorId).HasMaxLength(100);
        builder.Property(s => s.DeviceId).HasMaxLength(100);
        builder.HasIndex(s => new { s.BriefingId, s.RemotePointId, s.Result });
        builder.HasIndex(s => s.PassId);
    }
}

internal sealed class DoorBindingConfiguration : IEntityTypeConfiguration<DoorBinding>
{
    public void Configure(EntityTypeBuilder<DoorBinding> builder)
    {
        builder.HasKey(b => b.UserId);
        builder.Property(b => b.UserId).HasMaxLength(450);
        builder.Property(b => b.BoundBy).HasMaxLength(450);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Briefing>().WithMany().HasForeignKey(b => b.BriefingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => b.BriefingId);
    }
}

internal sealed class OfflineScanConfiguration : IEntityTypeConfiguration<OfflineScan>
{
    public void Configure(EntityTypeBuilder<OfflineScan> builder)
    {
        builder.Property(s => s.DeviceId).HasMaxLength(100);
        builder.Property(s => s.TokenHash).HasMaxLength(64);
        builder.HasIndex(s => new { s.DeviceId, s.TokenHash, s.ScannedAt }).IsUnique();
    }
}
