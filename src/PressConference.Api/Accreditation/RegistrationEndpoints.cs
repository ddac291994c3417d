using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.Briefings;
using PressConference.Api.Data;
using PressConference.Api.Identity;
using PressConference.Api.Infrastructure;

namespace PressConference.Api.Accreditation;

public static class RegistrationEndpoints
{
    public static IEndpointRouteBuilder MapRegistrations(this IEndpointRouteBuilder app)
    {
        var briefing = app.MapGroup("/api/briefings/{id:guid}").WithTags("Registrations");
        briefing.MapPost("/registrations", Register).RequireAuthorization(Policies.Reporter).Validate<RegistrationRequest>();
        briefing.MapGet("/registrations", List).RequireAuthorization(Policies.Organizer);
        briefing.MapGet("/registrations.csv", Export).RequireAuthorization(Policies.Organizer);

        var registrations = app.MapGroup("/api/registrations").WithTags("Registrations");
        registrations.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SignedIn).WithName("GetRegistration");
        registrations.MapGet("/{id:guid}/history", History).RequireAuthorization(Policies.Organizer);
        registrations.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(Policies.SignedIn);
        registrations.MapPost("/{id:guid}/approve", Approve).RequireAuthorization(Policies.Organizer);
        registrations.MapPost("/{id:guid}/reject", Reject).Validate<DecisionRequest>().RequireAuthorization(Policies.Organizer);

        app.MapGet("/api/me/registrations", ListMine).WithTags("Registrations").RequireAuthorization(Policies.Reporter);
        return app;
    }

    /// <summary>
    /// Runs every check and decides at once. The decision, the seat it takes and its audit line are written in one
    /// short transaction (BEGIN IMMEDIATE on SQLite), so parallel registrations queue for the write lock instead of
    /// failing, and the seat counter's conditional update keeps the location within its capacity.
    /// </summary>
    private static async Task<Results<CreatedAtRoute<RegistrationResponse>, ProblemHttpResult, ValidationProblem>> Register(Guid id,
        RegistrationRequest request, ClaimsPrincipal user, AppDbContext db, RegistrationChecks checks, SeatLedger seats,
        RegistrationStatusChanges changes, EmailConfirmationRule emailConfirmation, TimeProvider clock, CancellationToken ct)
    {
        var userId = user.UserId()!;
        if (await emailConfirmation.ProblemAsync(userId, ct) is { } unconfirmed)
        {
            return unconfirmed;
        }

        var briefing = await db.Briefings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (briefing is null || !briefing.IsPublic)
        {
            return Problems.NotFound("entity.briefing");
        }

        var credential = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CredentialId && c.OwnerId == userId, ct);
        if (credential is null)
        {
            return Problems.NotFound("entity.credential");
        }

        if (request.RemotePointId is { } pointId && !await db.BriefingRemotePoints.AnyAsync(l => l.BriefingId == id && l.RemotePointId == pointId, ct))
        {
            return Problems.Field("remotePointId", Texts.Get("registration.pointNotLinked"));
        }

        var profileName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (registration, position) = await DecideNewAsync(db, checks, seats, changes, clock, briefing.Id, credential, request, user,
                    profileName, ct);
                return TypedResults.CreatedAtRoute(RegistrationResponse.From(registration, position, credential.Type),
                    "GetRegistration", new { id = registration.Id });
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Lost a race with the same reporter's other request (unique open registration); the next pass sees it.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<(Registration Registration, int? WaitlistPosition)> DecideNewAsync(AppDbContext db, RegistrationChecks checks, SeatLedger seats, RegistrationStatusChanges changes,
        TimeProvider clock, Guid briefingId, Credential credential, RegistrationRequest request, ClaimsPrincipal user, string profileName,
        CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;

        // Read again under the write lock: the briefing may have been closed or cancelled since.
        var briefing = await db.Briefings.AsNoTracking().FirstAsync(b => b.Id == briefingId, ct);
        var findings = await checks.CheckAsync(briefing, credential, user.UserId()!, profileName, now, ct);
        var registration = Registration.Create(briefing.Id, request.RemotePointId, user.UserId()!, credential.Id,
            string.IsNullOrWhiteSpace(request.Questions) ? null : request.Questions.Trim(), now);
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
            var someoneWaiting = await db.Registrations.AnyAsync(r => r.BriefingId == briefing.Id && r.LocationKey == registration.LocationKey
                && r.Status == RegistrationStatus.Waitlisted, ct);
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
        return (registration, position);
    }

    private static async Task<Results<Ok<RegistrationResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, AppDbContext db,
        SeatLedger seats, CancellationToken ct)
    {
        var registration = await FindVisibleAsync(db, id, user, ct);
        return registration is null
            ? Problems.NotFound("entity.registration")
            : TypedResults.Ok(RegistrationResponse.From(registration, await seats.PositionAsync(registration, ct)));
    }

    private static async Task<Ok<List<RegistrationResponse>>> ListMine(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        var mine = await db.Registrations.AsNoTracking().Include(r => r.Credential).Where(r => r.ReporterId == userId)
            .OrderByDescending(r => r.CreatedAt).Take(Paging.MaxPageSize).ToListAsync(ct);
        var positions = await PositionsAsync(db, mine, ct);
        return TypedResults.Ok(mine.Select(r => RegistrationResponse.From(r, positions.GetValueOrDefault(r.Id))).ToList());
    }

    /// <summary>The review list: filter by status, location ("main" or a remote point id) and name or outlet.</summary>
    private static async Task<Results<Ok<Paged<RegistrationResponse>>, ProblemHttpResult>> List(Guid id, [AsParameters] RegistrationListQuery query,
        AppDbContext db, CancellationToken ct)
    {
        if (!await db.Briefings.AnyAsync(b => b.Id == id, ct))
        {
            return Problems.NotFound("entity.briefing");
        }

        var registrations = Filter(db, id, query);
        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        var total = await registrations.CountAsync(ct);
        var items = await registrations.Include(r => r.Credential)
            .OrderBy(r => r.Status == RegistrationStatus.Waitlisted ? r.WaitlistNumber : null).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var positions = await PositionsAsync(db, items, ct);
        return TypedResults.Ok(new Paged<RegistrationResponse>(items.Select(r => RegistrationResponse.From(r, positions.GetValueOrDefault(r.Id))).ToList(),
            page, size, total));
    }

    /// <summary>For organizers: name, outlet, location, status, decided at (Hanoi time). Never a photo-ID number.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(Guid id, [AsParameters] RegistrationListQuery query,
        AppDbContext db, CancellationToken ct)
    {
        var briefing = await db.Briefings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (briefing is null)
        {
            return Problems.NotFound("entity.briefing");
        }

        var rows = await Filter(db, id, query).OrderBy(r => r.LocationKey).ThenBy(r => r.Status).ThenBy(r => r.WaitlistNumber).ThenBy(r => r.CreatedAt)
            .Select(r => new { r.HolderName, r.OutletName, r.RemotePointId, r.Status, r.DecidedAt }).ToListAsync(ct);
        var points = await db.BriefingRemotePoints.AsNoTracking().Where(l => l.BriefingId == id).Include(l => l.RemotePoint)
            .ToDictionaryAsync(l => l.RemotePointId, l => l.RemotePoint!.Name, ct);
        var csv = await CsvExport.WriteAsync(["name", "outlet", "location", "status", "decidedAt"], rows.Select(row => new[]
        {
            row.HolderName,
            row.OutletName,
            row.RemotePointId is { } p ? points.GetValueOrDefault(p, p.ToString()) : Texts.Get("registration.mainVenue"),
            row.Status.ToString(),
            row.DecidedAt is { } at ? VietnamTime.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty,
        }));
        return TypedResults.File(csv, "text/csv; charset=utf-8", $"registrations-{VietnamTime.LocalDate(briefing.StartsAt):yyyy-MM-dd}.csv");
    }

    private static async Task<Results<Ok<List<RegistrationHistoryEntry>>, ProblemHttpResult>> History(Guid id, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Registrations.AnyAsync(r => r.Id == id, ct))
        {
            return Problems.NotFound("entity.registration");
        }

        var entries = await db.RegistrationAudit.AsNoTracking().Where(a => a.RegistrationId == id).OrderBy(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok(entries.Select(a => new RegistrationHistoryEntry(a.At, VietnamTime.ToLocal(a.At), a.ActorName, a.Action, a.FromStatus,
            a.ToStatus, Finding.Parse(a.Findings).Select(f => f.ToResponse()).ToList(), a.Reason)).ToList());
    }

    /// <summary>By the owner (reason optional) or an organizer (reason required). A freed seat goes to the first on the waitlist, in the same transaction.</summary>
    private static async Task<Results<Ok<RegistrationResponse>, ProblemHttpResult, ValidationProblem>> Cancel(Guid id, [FromBody] DecisionRequest? request,
        ClaimsPrincipal user, AppDbContext db, SeatLedger seats, RegistrationStatusChanges changes, TimeProvider clock, CancellationToken ct)
    {
        var reason = string.IsNullOrWhiteSpace(request?.Reason) ? null : request.Reason.Trim();
        if (reason?.Length > 1000)
        {
            return Problems.Field("reason", Texts.Get("validation.value"));
        }

        var registration = await FindVisibleAsync(db, id, user, ct, tracked: true);
        if (registration is null)
        {
            return Problems.NotFound("entity.registration");
        }

        if (registration.ReporterId != user.UserId() && reason is null)
        {
            return Problems.Field("reason", Texts.Get("registration.reasonRequired"));
        }

        if (!Registration.OpenStatuses.Contains(registration.Status))
        {
            return Problems.Conflict("InvalidTransition", Texts.Get("registration.transition", Texts.Name(registration.Status)));
        }

        await DecideAsync(db, seats, registration, async now =>
        {
            var held = registration.Status == RegistrationStatus.Approved;
            await changes.ApplyAsync(registration, RegistrationStatus.Cancelled, "Cancelled", user, reason, now, ct);
            if (held)
            {
                await seats.ReleaseAsync(registration.BriefingId, registration.LocationKey, ct);
                await seats.PromoteNextAsync(registration.BriefingId, registration.LocationKey, null, now, ct);
            }

            return true;
        }, clock, ct);
        return TypedResults.Ok(RegistrationResponse.From(registration, null));
    }

    /// <summary>Approves a registration in review or on the waitlist, within the location's current capacity (409 when full).</summary>
    private static async Task<Results<Ok<RegistrationResponse>, ProblemHttpResult, ValidationProblem>> Approve(Guid id, [FromBody] DecisionRequest? request,
        ClaimsPrincipal user, AppDbContext db, SeatLedger seats, RegistrationStatusChanges changes, TimeProvider clock, CancellationToken ct)
    {
        var reason = string.IsNullOrWhiteSpace(request?.Reason) ? null : request.Reason.Trim();
        if (reason?.Length > 1000)
        {
            return Problems.Field("reason", Texts.Get("validation.value"));
        }

        var registration = await db.Registrations.Include(r => r.Credential).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (registration is null)
        {
            return Problems.NotFound("entity.registration");
        }

        if (registration.Status is not (RegistrationStatus.PendingReview or RegistrationStatus.Waitlisted))
        {
            return Problems.Conflict("InvalidTransition", Texts.Get("registration.transition", Texts.Name(registration.Status)));
        }

        var briefingStatus = await db.Briefings.Where(b => b.Id == registration.BriefingId).Select(b => b.Status).FirstAsync(ct);
        if (briefingStatus is BriefingStatus.Cancelled or BriefingStatus.Completed)
        {
            return Problems.Conflict("BriefingOver", Texts.Get("registration.briefingOver", Texts.Name(briefingStatus)));
        }

        var approved = await DecideAsync(db, seats, registration, async now =>
        {
            if (!await seats.TryTakeAsync(registration.BriefingId, registration.LocationKey, ct))
            {
                return false;
            }

            await changes.ApplyAsync(registration, RegistrationStatus.Approved, "Approved", user, reason, now, ct);
            return true;
        }, clock, ct);
        return approved
            ? TypedResults.Ok(RegistrationResponse.From(registration, null))
            : Problems.Conflict("LocationFull", Texts.Get("registration.full"));
    }

    private static async Task<Results<Ok<RegistrationResponse>, ProblemHttpResult>> Reject(Guid id, DecisionRequest request, ClaimsPrincipal user,
        AppDbContext db, SeatLedger seats, RegistrationStatusChanges changes, TimeProvider clock, CancellationToken ct)
    {
        var registration = await db.Registrations.Include(r => r.Credential).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (registration is null)
        {
            return Problems.NotFound("entity.registration");
        }

        if (!Registration.OpenStatuses.Contains(registration.Status))
        {
            return Problems.Conflict("InvalidTransition", Texts.Get("registration.transition", Texts.Name(registration.Status)));
        }

        await DecideAsync(db, seats, registration, async now =>
        {
            var held = registration.Status == RegistrationStatus.Approved;
            await changes.ApplyAsync(registration, RegistrationStatus.Rejected, "Rejected", user, request.Reason!.Trim(), now, ct);
            if (held)
            {
                await seats.ReleaseAsync(registration.BriefingId, registration.LocationKey, ct);
                await seats.PromoteNextAsync(registration.BriefingId, registration.LocationKey, null, now, ct);
            }

            return true;
        }, clock, ct);
        return TypedResults.Ok(RegistrationResponse.From(registration, null));
    }

    /// <summary>One decision in one transaction: the seat counter, the status, the audit line and what handlers add, or nothing.</summary>
    private static async Task<bool> DecideAsync(AppDbContext db, SeatLedger seats, Registration registration, Func<DateTime, Task<bool>> decide,
        TimeProvider clock, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await seats.EnsureAsync(registration.BriefingId, registration.LocationKey, ct);
        if (!await decide(clock.GetUtcNow().UtcDateTime))
        {
            return false;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private static IQueryable<Registration> Filter(AppDbContext db, Guid briefingId, RegistrationListQuery query)
    {
        var registrations = db.Registrations.AsNoTracking().Where(r => r.BriefingId == briefingId);
        if (Enum.TryParse<RegistrationStatus>(query.Status, ignoreCase: true, out var status))
        {
            registrations = registrations.Where(r => r.Status == status);
        }

        if (string.Equals(query.Location, "main", StringComparison.OrdinalIgnoreCase))
        {
            registrations = registrations.Where(r => r.RemotePointId == null);
        }
        else if (Guid.TryParse(query.Location, out var pointId))
        {
            registrations = registrations.Where(r => r.RemotePointId == pointId);
        }

        var search = TextKey.Fold(query.Q);
        return search.Length > 0 ? registrations.Where(r => r.SearchText.Contains(search)) : registrations;
    }

    /// <summary>Waitlist positions of the given registrations, computed from the order numbers of everyone waiting at their locations.</summary>
    private static async Task<Dictionary<Guid, int?>> PositionsAsync(AppDbContext db, IReadOnlyList<Registration> registrations, CancellationToken ct)
    {
        var waiting = registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).ToList();
        var positions = new Dictionary<Guid, int?>();
        if (waiting.Count == 0)
        {
            return positions;
        }

        var briefingIds = waiting.Select(r => r.BriefingId).Distinct().ToList();
        var queue = await db.Registrations.AsNoTracking()
            .Where(r => briefingIds.Contains(r.BriefingId) && r.Status == RegistrationStatus.Waitlisted)
            .Select(r => new { r.Id, r.BriefingId, r.LocationKey, r.WaitlistNumber }).ToListAsync(ct);
        foreach (var line in queue.GroupBy(r => (r.BriefingId, r.LocationKey)))
        {
            var position = 0;
            foreach (var entry in line.OrderBy(r => r.WaitlistNumber))
            {
                positions[entry.Id] = ++position;
            }
        }

        return positions;
    }

    private static Task<Registration?> FindVisibleAsync(AppDbContext db, Guid id, ClaimsPrincipal user, CancellationToken ct, bool tracked = false)
    {
        var userId = user.UserId();
        var organizer = user.IsOrganizer();
        var query = db.Registrations.Include(r => r.Credential).Where(r => r.Id == id && (organizer || r.ReporterId == userId));
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
    }
}
