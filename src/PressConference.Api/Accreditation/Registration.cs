using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PressConference.Api.Briefings;
using PressConference.Api.Identity;

namespace PressConference.Api.Accreditation;

public enum RegistrationStatus
{
    Approved,
    PendingReview,
    Waitlisted,
    Rejected,
    Cancelled,
}

/// <summary>A reporter's registration for one briefing at one location (the main venue or a linked remote point).</summary>
public sealed class Registration
{
    /// <summary>Registrations that hold or wait for a seat: a reporter has at most one of these per briefing.</summary>
    public static readonly RegistrationStatus[] OpenStatuses = [RegistrationStatus.Approved, RegistrationStatus.PendingReview, RegistrationStatus.Waitlisted];

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BriefingId { get; init; }

    /// <summary>Null = the main venue.</summary>
    public Guid? RemotePointId { get; init; }

    /// <summary><see cref="RemotePointId"/> or <see cref="Guid.Empty"/> for the main venue: the seat counter's key.</summary>
    public Guid LocationKey { get; init; }

    /// <summary>The reporter's user id.</summary>
    public string ReporterId { get; init; } = string.Empty;
    public Guid CredentialId { get; init; }
    public RegistrationStatus Status { get; private set; }

    /// <summary>Order on the waitlist of its location (lower = earlier); the position shown is computed from it.</summary>
    public long? WaitlistNumber { get; private set; }

    /// <summary>JSON array of <see cref="Finding"/> from the latest check.</summary>
    public string Findings { get; private set; } = "[]";
    public string? Questions { get; init; }

    public DateTime CreatedAt { get; init; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>The holder's name and the outlet's name at decision time, for passes, lists and exports.</summary>
    public string HolderName { get; private set; } = string.Empty;
    public string OutletName { get; private set; } = string.Empty;

    /// <summary>Folded holder and outlet names, for the review list's search.</summary>
    public string SearchText { get; private set; } = string.Empty;

    /// <summary>Optimistic concurrency token: two organizers deciding at once cannot both win.</summary>
    public int Version { get; private set; }

    public Credential? Credential { get; init; }

    public IReadOnlyList<Finding> FindingList => Finding.Parse(Findings);

    public static Registration Create(Guid briefingId, Guid? remotePointId, string reporterId, Guid credentialId, string? questions, DateTime now) => new()
    {
        BriefingId = briefingId,
        RemotePointId = remotePointId,
        LocationKey = remotePointId ?? Guid.Empty,
        ReporterId = reporterId,
        CredentialId = credentialId,
        Questions = questions,
        CreatedAt = now,
    };

    /// <summary>
    /// Why this registration cannot move to <paramref name="to"/>, or null when it may: the one table of allowed moves.
    /// A new registration is decided into any status but Cancelled. An open one may be approved from review or the
    /// waitlist, sent (back) to review with new findings, rejected or cancelled; nothing goes back onto the waitlist.
    /// Rejected and cancelled registrations are history.
    /// </summary>
    public string? RefusalFor(RegistrationStatus to)
    {
        var allowed = DecidedAt is null
            ? to != RegistrationStatus.Cancelled
            : OpenStatuses.Contains(Status) && to switch
            {
                RegistrationStatus.Approved => Status is RegistrationStatus.PendingReview or RegistrationStatus.Waitlisted,
                RegistrationStatus.Waitlisted => false,
                _ => true,
            };
        return allowed ? null : Texts.Get("registration.transition", Texts.Name(Status));
    }

    /// <summary>Only <see cref="RegistrationStatusChanges"/> calls this, so every change is audited and announced.</summary>
    internal void SetStatus(RegistrationStatus status, DateTime at, string? actor, string? reason, long? waitlistNumber)
    {
        // Every path decides only moves this table allows; reaching here with another is a bug, not an outcome.
        if (RefusalFor(status) is { } refusal)
        {
            throw new InvalidOperationException($"Registration {Id}: {Status} -> {status}: {refusal}");
        }

        Status = status;
        WaitlistNumber = status == RegistrationStatus.Waitlisted ? waitlistNumber ?? WaitlistNumber : null;
        DecidedAt = at;
        DecidedBy = actor;
        Reason = reason;
        Version++;
    }

    internal void SetFindings(IEnumerable<Finding> findings) => Findings = Finding.Serialize(findings);

    internal void Snapshot(string holderName, string outletName)
    {
        HolderName = holderName;
        OutletName = outletName;
        SearchText = TextKey.Fold($"{holderName} {outletName}");
    }
}

/// <summary>
/// Approved seats per location of a briefing. The counter is raised only by a conditional update
/// (<c>Approved &lt; capacity</c>), so no location admits more than its seats whatever the concurrency.
/// </summary>
public sealed class LocationSeats
{
    public Guid BriefingId { get; init; }
    public Guid LocationKey { get; init; }
    public int Approved { get; set; }

    /// <summary>Last waitlist number handed out at this location.</summary>
    public long WaitlistCounter { get; set; }
    public int Version { get; set; }
}

/// <summary>One decision on a registration: who (or the service), when, from which status to which, the findings and why.</summary>
public sealed class RegistrationAuditEntry
{
    public long Id { get; init; }
    public Guid RegistrationId { get; init; }
    public Guid BriefingId { get; init; }
    public DateTime At { get; init; }
    public string? ActorId { get; init; }
    public string ActorName { get; init; } = string.Empty;
    public string Action { get; init; } = string.Empty;
    public RegistrationStatus? FromStatus { get; init; }
    public RegistrationStatus ToStatus { get; init; }
    public string Findings { get; init; } = "[]";
    public string? Reason { get; init; }
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> builder)
    {
        builder.Property(r => r.ReporterId).HasMaxLength(450);
        builder.Property(r => r.Findings).HasMaxLength(8000);
        builder.Property(r => r.Questions).HasMaxLength(4000);
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.Property(r => r.HolderName).HasMaxLength(200);
        builder.Property(r => r.OutletName).HasMaxLength(300);
        builder.Property(r => r.SearchText).HasMaxLength(520);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.FindingList);

        // One open registration per reporter and briefing, whatever the concurrency; rejected and cancelled ones stay as history.
        builder.HasIndex(r => new { r.BriefingId, r.ReporterId }).IsUnique()
            .HasFilter("\"Status\" IN ('Approved', 'PendingReview', 'Waitlisted')");
        builder.HasIndex(r => new { r.BriefingId, r.LocationKey, r.Status, r.WaitlistNumber });
        builder.HasIndex(r => new { r.ReporterId, r.CreatedAt });
        builder.HasIndex(r => new { r.CredentialId, r.Status });
        builder.HasOne<Briefing>().WithMany().HasForeignKey(r => r.BriefingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Credential).WithMany().HasForeignKey(r => r.CredentialId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LocationSeatsConfiguration : IEntityTypeConfiguration<LocationSeats>
{
    public void Configure(EntityTypeBuilder<LocationSeats> builder)
    {
        builder.HasKey(s => new { s.BriefingId, s.LocationKey });
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Briefing>().WithMany().HasForeignKey(s => s.BriefingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RegistrationAuditEntryConfiguration : IEntityTypeConfiguration<RegistrationAuditEntry>
{
    public void Configure(EntityTypeBuilder<RegistrationAuditEntry> builder)
    {
        builder.ToTable("RegistrationAudit");
        builder.Property(a => a.ActorId).HasMaxLength(450);
        builder.Property(a => a.ActorName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(60);
        builder.Property(a => a.Findings).HasMaxLength(8000);
        builder.Property(a => a.Reason).HasMaxLength(1000);
        builder.HasIndex(a => new { a.RegistrationId, a.At });
        builder.HasIndex(a => new { a.BriefingId, a.At });
        builder.HasOne<Registration>().WithMany().HasForeignKey(a => a.RegistrationId).OnDelete(DeleteBehavior.Cascade);
    }
}
