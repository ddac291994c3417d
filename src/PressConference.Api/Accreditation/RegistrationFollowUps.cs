using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.Briefings;
using PressConference.Api.Data;

namespace PressConference.Api.Accreditation;

/// <summary>
/// Changes to registrations that follow from something else (a briefing moved or cancelled, a credential blocked).
/// Everything is tracked, not executed: the caller's single SaveChanges writes it with the change that caused it.
/// </summary>
public sealed class RegistrationFollowUps(AppDbContext db, RegistrationChecks checks, SeatLedger seats, RegistrationStatusChanges changes)
{
    /// <summary>Sends an open registration to review with the new findings; an approved one gives back its seat.</summary>
    public async Task MoveToReviewAsync(Registration registration, IEnumerable<Finding> newFindings, string action, ClaimsPrincipal? actor,
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

    /// <summary>Marks a credential blocked; its open registrations go to review with <see cref="FindingCode.CredentialBlocked"/>.</summary>
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
    /// to review, which revokes their passes.
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
    /// The main venue got more seats: the first waitlisted there take them, in order. Counted on the tracked seat row
    /// against the new (not yet saved) capacity; its concurrency token makes a racing writer lose instead of overbooking.
    /// </summary>
    internal async Task OnCapacityRaisedAsync(BriefingChange change, CancellationToken ct)
    {
        var briefing = change.Briefing;
        var row = await db.LocationSeats.FirstOrDefaultAsync(s => s.BriefingId == briefing.Id && s.LocationKey == Guid.Empty, ct);
        var free = row is null ? 0 : briefing.Capacity - row.Approved;
        if (free <= 0)
        {
            return;
        }

        var waiting = await db.Registrations
            .Where(r => r.BriefingId == briefing.Id && r.LocationKey == Guid.Empty && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.WaitlistNumber).ThenBy(r => r.CreatedAt)
            .Take(free)
            .ToListAsync(ct);
        foreach (var registration in waiting)
        {
            row!.Approved++;
            row.Version++;
            await changes.ApplyAsync(registration, RegistrationStatus.Approved, "PromotedFromWaitlist", null, change.Reason, change.At, ct);
        }
    }

    internal async Task OnBriefingCancelledAsync(BriefingChange change, CancellationToken ct)
    {
        var open = await db.Registrations.Where(r => r.BriefingId == change.Briefing.Id && Registration.OpenStatuses.Contains(r.Status)).ToListAsync(ct);
        foreach (var registration in open)
        {
            await changes.ApplyAsync(registration, RegistrationStatus.Cancelled, "BriefingCancelled", null, change.Reason, change.At, ct);
        }

        foreach (var row in await db.LocationSeats.Where(s => s.BriefingId == change.Briefing.Id).ToListAsync(ct))
        {
            row.Approved = 0;
            row.Version++;
        }
    }

    /// <summary>Re-checks the credentials of open registrations against the new date; those no longer covered go to review.</summary>
    internal async Task OnBriefingRescheduledAsync(BriefingChange change, CancellationToken ct)
    {
        var open = await db.Registrations.Include(r => r.Credential)
            .Where(r => r.BriefingId == change.Briefing.Id && Registration.OpenStatuses.Contains(r.Status)).ToListAsync(ct);
        foreach (var registration in open)
        {
            var findings = await checks.RecheckDateAsync(change.Briefing, registration.Credential!, ct);
            if (findings.Any(f => f.Severity == FindingSeverity.Hard))
            {
                await MoveToReviewAsync(registration, findings, "RecheckedAfterReschedule", null, change.Reason, change.At, ct);
            }
        }
    }
}

/// <summary>Follows briefings: a reschedule re-checks credentials, more seats move the waitlist up, a cancellation cancels every registration.</summary>
public sealed class RegistrationBriefingHandler(RegistrationFollowUps followUps) : IBriefingChangeHandler
{
    public Task HandleAsync(BriefingChange change, CancellationToken ct) => change switch
    {
        BriefingCancelled => followUps.OnBriefingCancelledAsync(change, ct),
        BriefingRescheduled => followUps.OnBriefingRescheduledAsync(change, ct),
        BriefingCapacityRaised => followUps.OnCapacityRaisedAsync(change, ct),
        _ => Task.CompletedTask,
    };
}
