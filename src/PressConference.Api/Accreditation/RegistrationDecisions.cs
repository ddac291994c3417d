using PressConference.Api.Identity;
using System.Security.Claims;
using PressConference.Api.Briefings;

namespace PressConference.Api.Accreditation;

/// <summary>A decided registration, its waitlist position (null unless waitlisted) and the type of credential it was made with.</summary>
public sealed record RegistrationDecision(Registration Registration, int? WaitlistPosition, CredentialType CredentialType)
{
    /// <summary>
    /// The request repeated one the reporter already made (a double click, a retry): <see cref="Registration"/> is the
    /// open registration on record, in its current status, and nothing was created, changed or announced.
    /// </summary>
    public bool AlreadyRegistered { get; init; }

    public RegistrationResponse Response => RegistrationResponse.From(Registration, WaitlistPosition, CredentialType);
}

/// <summary>
/// Every decision on a registration, whoever asks (an endpoint, a page, a briefing change, an incident): a new one
/// decided at once, cancel, approve, reject, promotion from the waitlist, and the re-checks that send registrations
/// back to review. Transitions are allowed by <see cref="Registration.RefusalFor"/> alone; every status change goes
/// through <see cref="RegistrationStatusChanges"/>, so it is audited and announced once.
/// <para>
/// The reporter's and organizer's decisions run in their own short transaction (BEGIN IMMEDIATE on SQLite), so the
/// seat counter, the status, the audit line and what handlers add are saved together or not at all. The follow-ups
/// (<see cref="BlockCredentialAsync"/>, <see cref="RecheckRevokedCardsAsync"/> and the briefing reactions) only track
/// changes: the caller saves them with the change that caused them, inside its write transaction.
/// </para>
/// </summary>
public sealed class RegistrationDecisions(AppDbContext db, RegistrationChecks checks, SeatLedger seats, RegistrationStatusChanges changes,
    RegistrationQueries queries, EmailConfirmationRule emailConfirmation, TimeProvider clock)
{
    private const int MaxReasonLength = 1000;

    /// <summary>
    /// Runs every check and decides at once: rejected (a hard finding), to review (a soft one), approved while the location
    /// has a seat and nobody waits there, else waitlisted. Parallel registrations queue for the write lock instead of
    /// failing, and the seat counter's conditional update keeps the location within its capacity.
    /// <para>
    /// A reporter who already holds an open registration for the briefing gets that one back
    /// (<see cref="RegistrationDecision.AlreadyRegistered"/>): a repeat creates, decides and announces nothing. It is
    /// decided under the write lock, and the filtered unique index on (BriefingId, ReporterId) turns a lost race into
    /// the same answer on the next pass.
    /// </para>
    /// </summary>
    public async Task<Outcome<RegistrationDecision>> RegisterAsync(Guid briefingId, RegistrationRequest request, ClaimsPrincipal reporter,
        CancellationToken ct)
    {
        var userId = reporter.UserId()!;
        if (await emailConfirmation.RefusalAsync(userId, ct) is { } unconfirmed)
        {
            return new Refusal(RefusalKind.Forbidden, EmailConfirmationRule.Code, unconfirmed);
        }

        var briefing = await db.Briefings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == briefingId, ct);
        if (briefing is null || !briefing.IsPublic)
        {
            return Refusal.NotFound("entity.briefing");
        }

        var credential = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CredentialId && c.OwnerId == userId, ct);
        if (credential is null)
        {
            return Refusal.NotFound("entity.credential");
        }

        if (request.RemotePointId is { } pointId && !await db.BriefingRemotePoints.AnyAsync(l => l.BriefingId == briefingId && l.RemotePointId == pointId, ct))
        {
            return Refusal.Invalid("remotePointId", Texts.Get("registration.pointNotLinked"));
        }

        var profileName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DecideNewAsync(briefingId, credential, request, reporter, profileName, ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Lost a race with the same reporter's other request (unique open registration); the next pass finds it
                // and answers it as a repeat.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>By the owner (reason optional) or an organizer (reason required). A freed seat goes to the first on the waitlist.</summary>
    public async Task<Outcome<RegistrationDecision>> CancelAsync(Guid id, string? reason, ClaimsPrincipal actor, CancellationToken ct)
    {
        reason = Clean(reason);
        if (reason?.Length > MaxReasonLength)
        {
            return Refusal.Invalid("reason", Texts.Get("validation.value"));
        }

        var registration = await queries.FindVisibleAsync(id, actor, ct, tracked: true);
        if (registration is null)
        {
            return Refusal.NotFound("entity.registration");
        }

        if (registration.ReporterId != actor.UserId() && reason is null)
        {
            return Refusal.Invalid("reason", Texts.Get("registration.reasonRequired"));
        }

        return await DecideAsync(registration, RegistrationStatus.Cancelled, async now =>
        {
            await WithdrawAsync(registration, RegistrationStatus.Cancelled, "Cancelled", actor, reason, now, ct);
            return null;
        }, ct);
    }

    /// <summary>Approves a registration in review or on the waitlist, within the location's current capacity, while the briefing is not over.</summary>
    public async Task<Outcome<RegistrationDecision>> ApproveAsync(Guid id, string? reason, ClaimsPrincipal organizer, CancellationToken ct)
    {
        reason = Clean(reason);
        if (reason?.Length > MaxReasonLength)
        {
            return Refusal.Invalid("reason", Texts.Get("validation.value"));
        }

        var registration = await queries.FindVisibleAsync(id, organizer, ct, tracked: true);
        if (registration is null)
        {
            return Refusal.NotFound("entity.registration");
        }

        return await DecideAsync(registration, RegistrationStatus.Approved, async now =>
        {
            var briefingStatus = await db.Briefings.Where(b => b.Id == registration.BriefingId).Select(b => b.Status).FirstAsync(ct);
            if (briefingStatus is BriefingStatus.Cancelled or BriefingStatus.Completed)
            {
                return Refusal.Conflict("BriefingOver", Texts.Get("registration.briefingOver", Texts.Name(briefingStatus)));
            }

            if (!await seats.TryTakeAsync(registration.BriefingId, registration.LocationKey, ct))
            {
                return Refusal.Conflict("LocationFull", Texts.Get("registration.full"));
            }

            await changes.ApplyAsync(registration, RegistrationStatus.Approved, "Approved", organizer, reason, now, ct);
            return null;
        }, ct);
    }

    /// <summary>Rejects an open registration with the organizer's reason; an approved one gives its seat to the first on the waitlist.</summary>
    public async Task<Outcome<RegistrationDecision>> RejectAsync(Guid id, string reason, ClaimsPrincipal organizer, CancellationToken ct)
    {
        var registration = await queries.FindVisibleAsync(id, organizer, ct, tracked: true);
        if (registration is null)
        {
            return Refusal.NotFound("entity.registration");
        }

        return await DecideAsync(registration, RegistrationStatus.Rejected, async now =>
        {
            await WithdrawAsync(registration, RegistrationStatus.Rejected, "Rejected", organizer, reason.Trim(), now, ct);
            return null;
        }, ct);
    }

    /// <summary>
    /// Marks a credential blocked (by the incident that caused it); its open registrations go to review with
    /// <see cref="FindingCode.CredentialBlocked"/>. Tracked only: the caller saves.
    /// </summary>
    public async Task BlockCredentialAsync(Credential credential, Guid incidentId, ClaimsPrincipal actor, string reason, DateTime now, CancellationToken ct)
    {
        credential.BlockedAt ??= now;
        credential.BlockedByIncidentId ??= incidentId;
        var open = await db.Registrations.Where(r => r.CredentialId == credential.Id && Registration.OpenStatuses.Contains(r.Status)).ToListAsync(ct);
        foreach (var registration in open.Where(r => r.Status != RegistrationStatus.PendingReview || r.FindingList.All(f => f.Code != FindingCode.CredentialBlocked)))
        {
            await MoveToReviewAsync(registration, [new Finding(FindingCode.CredentialBlocked)], "CredentialBlocked", actor, reason, now, ct);
        }
    }

    /// <summary>
    /// Cards just revoked (saved already): open registrations for briefings yet to come that the card no longer covers go
    /// to review, which revokes their passes. Tracked only: the caller saves.
    /// </summary>
    public async Task RecheckRevokedCardsAsync(IReadOnlyCollection<string> numbers, ClaimsPrincipal actor, DateTime now, CancellationToken ct)
    {
        var upcoming = await db.Briefings.Where(b => b.EndsAt > now && Briefing.LiveStatuses.Contains(b.Status)).ToDictionaryAsync(b => b.Id, ct);
        var briefingIds = upcoming.Keys.ToList();
        var open = await db.Registrations.Include(r => r.Credential)
            .Where(r => briefingIds.Contains(r.BriefingId) && Registration.OpenStatuses.Contains(r.Status) && r.Credential!.Type == CredentialType.PressCard)
            .ToListAsync(ct);
        foreach (var registration in open.Where(r => numbers.Contains(CardRevocation.NormalizeNumber(r.Credential!.Number))))
        {
            var findings = await checks.RecheckDateAsync(upcoming[registration.BriefingId], registration.Credential!, ct);
            if (findings.Any(f => f.Code == FindingCode.CardRevoked))
            {
                await MoveToReviewAsync(registration, findings, "CardRevoked", actor, null, now, ct);
            }
        }
    }

    /// <summary>
    /// The main venue got more seats (the briefing's new capacity, not saved yet): the first waitlisted there take them,
    /// in order. Counted on the tracked seat row, whose concurrency token makes a racing writer lose instead of overbooking.
    /// </summary>
    internal async Task PromoteAfterCapacityRaisedAsync(Briefing briefing, string? reason, DateTime at, CancellationToken ct)
    {
        var row = await seats.TrackedAsync(briefing.Id, Guid.Empty, ct);
        var free = row is null ? 0 : briefing.Capacity - row.Approved;
        if (free > 0)
        {
            await PromoteAsync(briefing.Id, Guid.Empty, free, () =>
            {
                row!.Approved++;
                row.Version++;
                return Task.FromResult(true);
            }, reason, at, ct);
        }
    }

    /// <summary>The briefing was called off: every open registration is cancelled and no seat stays taken.</summary>
    internal async Task CancelForBriefingAsync(Guid briefingId, string? reason, DateTime at, CancellationToken ct)
    {
        var open = await db.Registrations.Where(r => r.BriefingId == briefingId && Registration.OpenStatuses.Contains(r.Status)).ToListAsync(ct);
        foreach (var registration in open)
        {
            await changes.ApplyAsync(registration, RegistrationStatus.Cancelled, "BriefingCancelled", null, reason, at, ct);
        }

        foreach (var row in await db.LocationSeats.Where(s => s.BriefingId == briefingId).ToListAsync(ct))
        {
            row.Approved = 0;
            row.Version++;
        }
    }

    /// <summary>The briefing moved: credentials of open registrations are re-checked against the new date; those no longer covered go to review.</summary>
    internal async Task RecheckAfterRescheduleAsync(Briefing briefing, string? reason, DateTime at, CancellationToken ct)
    {
        var open = await db.Registrations.Include(r => r.Credential)
            .Where(r => r.BriefingId == briefing.Id && Registration.OpenStatuses.Contains(r.Status)).ToListAsync(ct);
        foreach (var registration in open)
        {
            var findings = await checks.RecheckDateAsync(briefing, registration.Credential!, ct);
            if (findings.Any(f => f.Severity == FindingSeverity.Hard))
            {
                await MoveToReviewAsync(registration, findings, "RecheckedAfterReschedule", null, reason, at, ct);
            }
        }
    }

    private async Task<RegistrationDecision> DecideNewAsync(Guid briefingId, Credential credential, RegistrationRequest request, ClaimsPrincipal reporter,
        string profileName, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;

        // Under the write lock, so a request racing this one has either committed its registration or not begun.
        var userId = reporter.UserId()!;
        var open = await db.Registrations.AsNoTracking().Include(r => r.Credential)
            .FirstOrDefaultAsync(r => r.BriefingId == briefingId && r.ReporterId == userId && Registration.OpenStatuses.Contains(r.Status), ct);
        if (open is not null)
        {
            return new RegistrationDecision(open, await seats.PositionAsync(open, ct), open.Credential!.Type) { AlreadyRegistered = true };
        }

        // Read again under the write lock: the briefing may have been closed or cancelled since.
        var briefing = await db.Briefings.AsNoTracking().FirstAsync(b => b.Id == briefingId, ct);
        var findings = await checks.CheckAsync(briefing, credential, reporter.UserId()!, profileName, now, ct);
        var registration = Registration.Create(briefing.Id, request.RemotePointId, reporter.UserId()!, credential.Id, Clean(request.Questions), now);
        registration.SetFindings(findings);
        var outletName = credential.OutletId is { } outletId
            ? await db.Outlets.Where(o => o.Id == outletId).Select(o => o.Name).FirstOrDefaultAsync(ct)
            : null;
        registration.Snapshot(credential.HolderName, outletName ?? credential.OutletName);

        if (findings.Any(f => f.Severity == FindingSeverity.Hard))
        {
            db.Registrations.Add(registration);
            await changes.ApplyAsync(registration, RegistrationStatus.Rejected, "AutoRejected", null, null, now, ct);
        }
        else if (findings.Count > 0)
        {
            db.Registrations.Add(registration);
            await changes.ApplyAsync(registration, RegistrationStatus.PendingReview, "SentToReview", null, null, now, ct);
        }
        else
        {
            await seats.EnsureAsync(briefing.Id, registration.LocationKey, ct);
            // A seat freed without a promotion (a re-check, raised capacity) is not for the newcomer while others wait.
            var someoneWaiting = await seats.Waitlist(briefing.Id, registration.LocationKey).AnyAsync(ct);
            db.Registrations.Add(registration);
            if (!someoneWaiting && await seats.TryTakeAsync(briefing.Id, registration.LocationKey, ct))
            {
                await changes.ApplyAsync(registration, RegistrationStatus.Approved, "AutoApproved", null, null, now, ct);
            }
            else
            {
                var number = await seats.NextWaitlistNumberAsync(briefing.Id, registration.LocationKey, ct);
                await changes.ApplyAsync(registration, RegistrationStatus.Waitlisted, "Waitlisted", null, null, now, ct, number);
            }
        }

        await db.SaveChangesAsync(ct);
        var position = await seats.PositionAsync(registration, ct);
        await transaction.CommitAsync(ct);
        return new RegistrationDecision(registration, position, credential.Type);
    }

    /// <summary>
    /// One decision on an existing registration in one transaction: refused when the move is not allowed, else the seat
    /// counter, the status, the audit line and what handlers add are saved together, or nothing when
    /// <paramref name="decide"/> refuses.
    /// </summary>
    private async Task<Outcome<RegistrationDecision>> DecideAsync(Registration registration, RegistrationStatus to, Func<DateTime, Task<Refusal?>> decide,
        CancellationToken ct)
    {
        if (registration.RefusalFor(to) is { } refused)
        {
            return Refusal.Conflict("InvalidTransition", refused);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await seats.EnsureAsync(registration.BriefingId, registration.LocationKey, ct);
        if (await decide(clock.GetUtcNow().UtcDateTime) is { } refusal)
        {
            return refusal;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new RegistrationDecision(registration, await seats.PositionAsync(registration, ct), registration.Credential!.Type);
    }

    /// <summary>Cancel and reject alike: the registration leaves, and a seat it held goes to the first on the waitlist.</summary>
    private async Task WithdrawAsync(Registration registration, RegistrationStatus status, string action, ClaimsPrincipal actor, string? reason,
        DateTime now, CancellationToken ct)
    {
        var held = registration.Status == RegistrationStatus.Approved;
        await changes.ApplyAsync(registration, status, action, actor, reason, now, ct);
        if (held)
        {
            await seats.ReleaseAsync(registration.BriefingId, registration.LocationKey, ct);
            await PromoteAsync(registration.BriefingId, registration.LocationKey, 1,
                () => seats.TryTakeAsync(registration.BriefingId, registration.LocationKey, ct), null, now, ct);
        }
    }

    /// <summary>
    /// The one promotion path: the first <paramref name="freed"/> on the location's waitlist, in order, are approved as
    /// long as <paramref name="takeSeat"/> finds them a seat (the conditional update inside a decision's transaction, or
    /// the tracked counter when following a briefing change).
    /// </summary>
    private async Task PromoteAsync(Guid briefingId, Guid locationKey, int freed, Func<Task<bool>> takeSeat, string? reason, DateTime now,
        CancellationToken ct)
    {
        foreach (var next in await seats.Waitlist(briefingId, locationKey).Take(freed).ToListAsync(ct))
        {
            if (!await takeSeat())
            {
                return;
            }

            await changes.ApplyAsync(next, RegistrationStatus.Approved, "PromotedFromWaitlist", null, reason, now, ct);
        }
    }

    /// <summary>Sends an open registration to review with the new findings; an approved one gives back its seat.</summary>
    private async Task MoveToReviewAsync(Registration registration, IEnumerable<Finding> newFindings, string action, ClaimsPrincipal? actor,
        string? reason, DateTime now, CancellationToken ct)
    {
        if (registration.Status == RegistrationStatus.Approved)
        {
            await seats.ReleaseTrackedAsync(registration.BriefingId, registration.LocationKey, ct);
        }

        var findings = registration.FindingList.Where(f => f.Severity == FindingSeverity.Soft).ToList();
        findings.AddRange(newFindings.Where(n => findings.All(f => f.Code != n.Code)));
        registration.SetFindings(findings);
        await changes.ApplyAsync(registration, RegistrationStatus.PendingReview, action, actor, reason, now, ct);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
