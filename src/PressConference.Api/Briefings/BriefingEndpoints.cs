using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace PressConference.Api.Briefings;

public static class BriefingEndpoints
{
    public static IEndpointRouteBuilder MapBriefings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/briefings").WithTags("Briefings").RequireAuthorization(Policies.Organizer).WritesInTransaction();

        group.MapGet("/", List).AllowAnonymous().Validate<BriefingListQuery>();
        group.MapGet("/{id:guid}", Get).AllowAnonymous().WithName("GetBriefing");
        group.MapPost("/", Create).Validate<BriefingRequest>();
        group.MapPut("/{id:guid}", Update).Validate<BriefingRequest>();
        group.MapPost("/{id:guid}/publish", Publish);
        group.MapPost("/{id:guid}/close-registration", CloseRegistration);
        group.MapPost("/{id:guid}/complete", Complete);
        group.MapPost("/{id:guid}/cancel", Cancel).Validate<CancelRequest>();
        group.MapPost("/{id:guid}/reschedule", Reschedule).Validate<RescheduleRequest>();
        group.MapGet("/{id:guid}/history", History);
        return app;
    }

    /// <summary>Anonymous callers and reporters see the public calendar; organizers see every briefing.</summary>
    private static async Task<Ok<Paged<BriefingResponse>>> List([AsParameters] BriefingListQuery query, ClaimsPrincipal user,
        AppDbContext db, CancellationToken ct)
    {
        var briefings = db.Briefings.AsNoTracking().Include(b => b.Spokespersons).AsQueryable();
        if (!user.IsOrganizer())
        {
            briefings = briefings.Where(b => Briefing.PublicStatuses.Contains(b.Status));
        }

        if (VietnamTime.TryParse(query.From, out var from))
        {
            var fromUtc = from.UtcDateTime;
            briefings = briefings.Where(b => b.EndsAt >= fromUtc);
        }

        if (VietnamTime.TryParse(query.To, out var to))
        {
            var toUtc = to.UtcDateTime;
            briefings = briefings.Where(b => b.StartsAt < toUtc);
        }

        if (Enum.TryParse<BriefingKind>(query.Kind, ignoreCase: true, out var kind))
        {
            briefings = briefings.Where(b => b.Kind == kind);
        }

        if (Enum.TryParse<BriefingStatus>(query.Status, ignoreCase: true, out var status))
        {
            briefings = briefings.Where(b => b.Status == status);
        }

        var search = TextKey.Fold(query.Q);
        if (search.Length > 0)
        {
            briefings = briefings.Where(b => b.SearchText.Contains(search));
        }

        briefings = query.Sort == "newest"
            ? briefings.OrderByDescending(b => b.StartsAt).ThenBy(b => b.Id)
            : briefings.OrderBy(b => b.StartsAt).ThenBy(b => b.Id);
        return TypedResults.Ok(await briefings.ToPageAsync(query.Page, query.PageSize, BriefingResponse.From, ct));
    }

    private static async Task<Results<Ok<BriefingResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, AppDbContext db,
        CancellationToken ct)
    {
        var briefing = await db.Briefings.AsNoTracking().Include(b => b.Spokespersons).FirstOrDefaultAsync(b => b.Id == id, ct);
        return briefing is null || (!briefing.IsPublic && !user.IsOrganizer())
            ? Problems.NotFound("entity.briefing")
            : TypedResults.Ok(BriefingResponse.From(briefing));
    }

    private static async Task<Results<CreatedAtRoute<BriefingResponse>, ValidationProblem>> Create(BriefingRequest request,
        ClaimsPrincipal user, AppDbContext db, BriefingPlanning planning, BriefingChanges changes, TimeProvider clock, CancellationToken ct)
    {
        var details = planning.Resolve(request);
        if (await planning.CheckSpokespersonsAsync(details.SpokespersonIds, details.StartsAt, ct) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var briefing = Briefing.Create(details, now);
        db.Briefings.Add(briefing);
        await changes.RecordAsync(briefing.Id, user, now, "Created", request.Reason, null, [], ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(BriefingResponse.From(briefing), "GetBriefing", new { id = briefing.Id });
    }

    /// <summary>
    /// Replaces the planned fields. Times change freely on a draft; once published, a move goes through reschedule
    /// so that everyone concerned is told.
    /// </summary>
    private static async Task<Results<Ok<BriefingResponse>, ProblemHttpResult, ValidationProblem>> Update(Guid id, BriefingRequest request,
        ClaimsPrincipal user, AppDbContext db, BriefingPlanning planning, BriefingChanges changes, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (briefing, refused) = await planning.LoadForAsync(id, BriefingAction.Edit, now, ct);
        if (refused is not null)
        {
            return refused;
        }

        var details = planning.Resolve(request);
        var before = briefing.Details;
        var timeChanged = details.StartsAt != before.StartsAt || details.EndsAt != before.EndsAt;
        if (timeChanged && briefing.Status != BriefingStatus.Draft)
        {
            return Problems.Conflict("UseReschedule", Texts.Get("briefing.useReschedule"));
        }

        if (await planning.CheckSpokespersonsAsync(details.SpokespersonIds, details.StartsAt, ct) is { } invalid)
        {
            return invalid;
        }

        briefing.Apply(details, now);
        if (Briefing.LiveStatuses.Contains(briefing.Status)
            && await planning.RefuseConflictsAsync(briefing, request.Force == true, request.Reason, user, now, ct) is { } conflict)
        {
            return conflict;
        }

        var venueChanged = !string.Equals(before.Venue, details.Venue, StringComparison.Ordinal);
        if (briefing.IsPublic && (venueChanged || details.Title != before.Title))
        {
            briefing.MarkCalendarChanged();
        }

        briefing.DetachFromSeries();
        var raised = new List<BriefingChange>();
        if (venueChanged && briefing.IsPublic)
        {
            raised.Add(new BriefingVenueChanged(briefing, now, before.Venue, request.Reason));
        }

        if (details.Capacity > before.Capacity)
        {
            raised.Add(new BriefingCapacityRaised(briefing, now, before.Capacity, request.Reason));
        }

        await changes.RecordAsync(briefing.Id, user, now, venueChanged && briefing.IsPublic ? "VenueChanged" : "Updated", request.Reason,
            Changes(before, details), raised, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(BriefingResponse.From(briefing));
    }

    private static async Task<Results<Ok<BriefingResponse>, ProblemHttpResult, ValidationProblem>> Publish(Guid id,
        [FromBody] OverrideRequest? request, ClaimsPrincipal user, AppDbContext db, BriefingPlanning planning, BriefingChanges changes,
        TimeProvider clock, CancellationToken ct)
    {
        if (request?.Force == true && string.IsNullOrWhiteSpace(request.Reason))
        {
            return Problems.Field("reason", Texts.Get("briefing.forceReason"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (briefing, refused) = await planning.LoadForAsync(id, BriefingAction.Publish, now, ct);
        if (refused is not null)
        {
            return refused;
        }

        if (await planning.RefuseConflictsAsync(briefing, request?.Force == true, request?.Reason, user, now, ct) is { } conflict)
        {
            return conflict;
        }

        briefing.Publish(now);
        await changes.RecordAsync(new BriefingPublished(briefing, now, request?.Reason), user, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(BriefingResponse.From(briefing));
    }

    private static Task<Results<Ok<BriefingResponse>, ProblemHttpResult>> CloseRegistration(Guid id, ClaimsPrincipal user, AppDbContext db,
        BriefingPlanning planning, BriefingChanges changes, TimeProvider clock, CancellationToken ct) =>
        TransitionAsync(id, BriefingAction.CloseRegistration, (b, now) =>
        {
            b.CloseRegistration(now);
            return new BriefingRegistrationClosed(b, now);
        }, user, db, planning, changes, clock, ct);

    private static Task<Results<Ok<BriefingResponse>, ProblemHttpResult>> Complete(Guid id, ClaimsPrincipal user, AppDbContext db,
        BriefingPlanning planning, BriefingChanges changes, TimeProvider clock, CancellationToken ct) =>
        TransitionAsync(id, BriefingAction.Complete, (b, now) =>
        {
            b.Complete(now);
            return new BriefingCompleted(b, now);
        }, user, db, planning, changes, clock, ct);

    private static Task<Results<Ok<BriefingResponse>, ProblemHttpResult>> Cancel(Guid id, CancelRequest request, ClaimsPrincipal user,
        AppDbContext db, BriefingPlanning planning, BriefingChanges changes, TimeProvider clock, CancellationToken ct) =>
        TransitionAsync(id, BriefingAction.Cancel, (b, now) =>
        {
            var reason = request.Reason!.Trim();
            b.Cancel(reason, now);
            b.DetachFromSeries();
            return new BriefingCancelled(b, now, reason);
        }, user, db, planning, changes, clock, ct);

    /// <summary>A state change with no other input: checked, applied, then audited and announced as the change it returns.</summary>
    private static async Task<Results<Ok<BriefingResponse>, ProblemHttpResult>> TransitionAsync(Guid id, BriefingAction action,
        Func<Briefing, DateTime, BriefingChange> apply, ClaimsPrincipal user, AppDbContext db, BriefingPlanning planning, BriefingChanges changes,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (briefing, refused) = await planning.LoadForAsync(id, action, now, ct);
        if (refused is not null)
        {
            return refused;
        }

        await changes.RecordAsync(apply(briefing, now), user, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(BriefingResponse.From(briefing));
    }

    private static async Task<Results<Ok<BriefingResponse>, ProblemHttpResult>> Reschedule(Guid id, RescheduleRequest request,
        ClaimsPrincipal user, AppDbContext db, BriefingPlanning planning, BriefingChanges changes, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (briefing, refused) = await planning.LoadForAsync(id, BriefingAction.Reschedule, now, ct);
        if (refused is not null)
        {
            return refused;
        }

        var (oldStart, oldEnd) = (briefing.StartsAt, briefing.EndsAt);
        var startsAt = request.StartsAt!.Value.UtcDateTime;
        var endsAt = request.EndsAt?.UtcDateTime ?? startsAt + (oldEnd - oldStart);
        briefing.Reschedule(startsAt, endsAt, now);
        briefing.DetachFromSeries();
        if (Briefing.LiveStatuses.Contains(briefing.Status)
            && await planning.RefuseConflictsAsync(briefing, request.Force == true, request.Reason, user, now, ct) is { } conflict)
        {
            return conflict;
        }

        await changes.RecordAsync(new BriefingRescheduled(briefing, now, oldStart, oldEnd, request.Reason), user, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(BriefingResponse.From(briefing));
    }

    private static async Task<Results<Ok<List<BriefingHistoryEntry>>, ProblemHttpResult>> History(Guid id, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Briefings.AnyAsync(b => b.Id == id, ct))
        {
            return Problems.NotFound("entity.briefing");
        }

        var entries = await db.BriefingAudit.AsNoTracking().Where(a => a.BriefingId == id).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok(entries.Select(a => new BriefingHistoryEntry(a.At, VietnamTime.ToLocal(a.At), a.ActorName, a.Action, a.Reason,
            a.Details is null ? null : JsonDocument.Parse(a.Details).RootElement.Clone())).ToList());
    }

    /// <summary>The fields an edit changed, old and new, for the audit trail.</summary>
    private static Dictionary<string, object?[]> Changes(BriefingDetails before, BriefingDetails after)
    {
        var changes = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var property in typeof(BriefingDetails).GetProperties())
        {
            var (old, @new) = (property.GetValue(before), property.GetValue(after));
            var same = old is IEnumerable<Guid> a && @new is IEnumerable<Guid> b ? a.Order().SequenceEqual(b.Order()) : Equals(old, @new);
            if (!same)
            {
                changes[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = [old, @new];
            }
        }

        return changes;
    }
}
