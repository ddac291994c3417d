using FluentValidation;
using PressConference.Api.Briefings;
using PressConference.Api.Passes;

namespace PressConference.Api.CheckIn;

/// <summary>
/// Body of POST /api/checkin/scans. <c>remotePointId</c> null: the main venue. <c>briefingId</c> (optional): the
/// briefing the door works for; a pass for another one is <c>WrongBriefing</c>. A bound account scans for its binding.
/// </summary>
public sealed record ScanRequest(string? Token, Guid? RemotePointId, string? DoorId, Guid? BriefingId);

/// <summary>
/// The door's verdict. <c>checkedInAt</c>: when the pass was admitted (this scan for <c>Admitted</c>, the first one for
/// <c>AlreadyCheckedIn</c>); <c>firstCheckedInAt</c>/<c>firstDoor</c> only for <c>AlreadyCheckedIn</c>.
/// <c>message</c> is the sentence to show, in the caller's language.
/// </summary>
public sealed record ScanResponse(ScanResult Result, ScanRefusal? Reason, string Message, Guid? PassId, Guid? BriefingId, Guid? RemotePointId,
    string? ReporterName, string? OutletName, string? Location, DateTime ScannedAt, DateTime? CheckedInAt, DateTime? FirstCheckedInAt,
    string? FirstDoor)
{
    /// <summary>When the doors open, for a pass refused as <see cref="ScanRefusal.NotYetOpen"/>.</summary>
    public DateTime? OpensAt { get; init; }

    /// <summary>When the pass stopped admitting (the briefing's end), for one refused as <see cref="ScanRefusal.Closed"/>.</summary>
    public DateTime? ClosedAt { get; init; }
}

public sealed record KeysResponse(string CurrentKid, IReadOnlyList<PassPublicKey> Keys);

public sealed record DoorBindingRequest(Guid? BriefingId, Guid? RemotePointId);

public sealed record DoorBindingResponse(string UserId, bool Bound, Guid? BriefingId, string? BriefingTitle, Guid? RemotePointId, string? Location,
    DateTime? BoundAt);

public sealed record SyncRequest(string? DeviceId, Guid? BriefingId, Guid? RemotePointId, string? DoorId, IReadOnlyList<SyncScan>? Scans);

/// <summary>One scan the door made offline: the token, when (device clock) and what the door decided then.</summary>
public sealed record SyncScan(string? Token, DateTimeOffset? ScannedAt, ScanResult? LocalResult);

public sealed record SyncScanResult(int Index, Guid? PassId, DateTime ScannedAt, ScanResult? LocalResult, ScanResult Result, ScanRefusal? Reason,
    string Message, string? ReporterName, string? OutletName, DateTime? CheckedInAt, DateTime? FirstCheckedInAt, string? FirstDoor,
    SyncConflictKind? Conflict, bool Duplicate);

public sealed record SyncConflict(int Index, SyncConflictKind Kind, Guid? PassId, string Message, DateTime ScannedAt, DateTime? FirstCheckedInAt,
    string? FirstDoor, DateTime? RevokedAt);

public sealed record SyncResponse(string DeviceId, int Received, int Admitted, int Duplicates, IReadOnlyList<SyncScanResult> Results,
    IReadOnlyList<SyncConflict> Conflicts);

public sealed record BundlePass(Guid PassId, string ReporterName, string OutletName, DateTime? CheckedInAt, string? FirstDoor);

public sealed record BundleRevocation(Guid PassId, PassRevocation Reason, DateTime RevokedAt);

/// <summary>What an offline door needs: keys, the location's passes, revoked ones, the window and a version stamp.</summary>
public sealed record CheckInBundle(Guid BriefingId, string BriefingTitle, BriefingStatus BriefingStatus, Guid? RemotePointId, string Location,
    DateTime ValidFrom, DateTime ValidUntil, DateTimeOffset LocalValidFrom, DateTimeOffset LocalValidUntil, string Version, DateTime GeneratedAt,
    string CurrentKid, IReadOnlyList<PassPublicKey> Keys, IReadOnlyList<BundlePass> Passes, IReadOnlyList<Guid> RevokedPassIds,
    IReadOnlyList<BundleRevocation> Revocations);

public sealed record BundleQuery(Guid? RemotePointId);

internal sealed class ScanRequestValidator : AbstractValidator<ScanRequest>
{
    public ScanRequestValidator()
    {
        RuleFor(r => r.Token).NotNull().MaximumLength(2000);
        RuleFor(r => r.DoorId).MaximumLength(100);
    }
}

internal sealed class DoorBindingRequestValidator : AbstractValidator<DoorBindingRequest>
{
    public DoorBindingRequestValidator() => RuleFor(r => r.BriefingId).NotNull();
}

internal sealed class SyncRequestValidator : AbstractValidator<SyncRequest>
{
    public SyncRequestValidator(Microsoft.Extensions.Options.IOptions<CheckInOptions> options)
    {
        RuleFor(r => r.DeviceId).NotEmpty().MaximumLength(100);
        RuleFor(r => r.DoorId).MaximumLength(100);
        RuleFor(r => r.Scans).Cascade(CascadeMode.Stop).NotNull().Must(s => s!.Count <= options.Value.MaxSyncScans)
            .WithMessage(_ => Texts.Get("checkin.tooManyScans", options.Value.MaxSyncScans));
        RuleForEach(r => r.Scans).ChildRules(scan =>
        {
            scan.RuleFor(s => s.Token).NotNull().MaximumLength(2000);
            scan.RuleFor(s => s.ScannedAt).NotNull();
        });
    }
}
