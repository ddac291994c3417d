using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace PressConference.Api.Briefings;

public sealed record ScheduleConflict(Guid Id, string Title, DateTime StartsAt, DateTimeOffset LocalStart, string Reason);

/// <summary>The planning rules shared by the briefing endpoints and the series generator: defaults, references, clashes.</summary>
public sealed class BriefingPlanning(AppDbContext db, BriefingChanges changes, IOptions<OfficeOptions> office, IOptions<BriefingOptions> defaults)
{
    /// <summary>
    /// The briefing to act on (tracked, with its spokespersons), or the answer that refuses: it does not exist (404), or
    /// its state forbids the action (409, from <see cref="Briefing.RefusalFor"/>). The briefing is null only with a refusal.
    /// </summary>
    public async Task<(Briefing Briefing, ProblemHttpResult? Refused)> LoadForAsync(Guid id, BriefingAction action, DateTime now,
        CancellationToken ct)
    {
        var briefing = await db.Briefings.Include(b => b.Spokespersons).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (briefing is null)
        {
            return (null!, Problems.NotFound("entity.briefing"));
        }

        return (briefing, briefing.RefusalFor(action, now) is { } refusal ? Problems.Conflict("InvalidTransition", refusal) : null);
    }

    /// <summary>Fills what the request left out from the office's settings.</summary>
    public BriefingDetails Resolve(BriefingRequest r)
    {
        var startsAt = r.StartsAt!.Value.UtcDateTime;
        return new BriefingDetails(
            r.Title!.Trim(),
            r.Kind!.Value,
            NullIfBlank(r.Topic),
            NullIfBlank(r.TriggerReason),
            NullIfBlank(r.HostAgency) ?? office.Value.HostAgency,
            NullIfBlank(r.Venue) ?? office.Value.MainVenue,
            startsAt,
            r.EndsAt!.Value.UtcDateTime,
            r.Capacity ?? office.Value.MainVenueCapacity,
            r.RegistrationOpensAt?.UtcDateTime,
            r.RegistrationClosesAt?.UtcDateTime ?? DefaultClosing(startsAt, r.RegistrationOpensAt?.UtcDateTime),
            r.DoorsOpenMinutesBefore ?? defaults.Value.DoorsOpenMinutesBefore,
            r.AutoApprove ?? defaults.Value.AutoApprove,
            r.SpokespersonIds ?? []);
    }

    public DateTime DefaultClosing(DateTime startsAt, DateTime? opensAt = null)
    {
        var closing = startsAt - defaults.Value.RegistrationClosesBeforeStart;
        // An ad-hoc briefing announced at short notice still gets a window: never close before it opens.
        return opensAt is { } opens && closing <= opens ? startsAt : closing;
    }

    public int DefaultDoorsOpenMinutes => defaults.Value.DoorsOpenMinutesBefore;

    public bool DefaultAutoApprove => defaults.Value.AutoApprove;

    /// <summary>A 400 naming the spokespersons that do not exist or are not in office on the briefing's date.</summary>
    public async Task<ValidationProblem?> CheckSpokespersonsAsync(IReadOnlyList<Guid> ids, DateTime startsAt, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return null;
        }

        var date = VietnamTime.LocalDate(startsAt);
        var found = await db.Spokespersons.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        var errors = new List<string>();
        foreach (var id in ids.Distinct())
        {
            var person = found.FirstOrDefault(s => s.Id == id);
            if (person is null)
            {
                errors.Add(Texts.Get("briefing.spokespersonUnknown", id));
            }
            else if (!person.IsEffectiveOn(date))
            {
                errors.Add(Texts.Get("briefing.spokespersonNotEffective", person.FullName, date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return errors.Count == 0 ? null : Problems.Fields(new Dictionary<string, string[]> { ["spokespersonIds"] = errors.ToArray() });
    }

    /// <summary>Live briefings that overlap in time and share the venue or a spokesperson.</summary>
    public async Task<List<ScheduleConflict>> FindConflictsAsync(Briefing briefing, CancellationToken ct)
    {
        var spokespersonIds = briefing.Spokespersons.Select(s => s.SpokespersonId).ToList();
        var venueKey = briefing.VenueKey;
        var (start, end, id) = (briefing.StartsAt, briefing.EndsAt, briefing.Id);
        var overlapping = await db.Briefings.AsNoTracking()
            .Where(o => o.Id != id && Briefing.LiveStatuses.Contains(o.Status) && o.StartsAt < end && start < o.EndsAt)
            .Where(o => o.VenueKey == venueKey || o.Spokespersons.Any(s => spokespersonIds.Contains(s.SpokespersonId)))
            .OrderBy(o => o.StartsAt)
            .Select(o => new { o.Id, o.Title, o.StartsAt, o.VenueKey })
            .ToListAsync(ct);
        return overlapping
            .Select(o => new ScheduleConflict(o.Id, o.Title, o.StartsAt, VietnamTime.ToLocal(o.StartsAt), o.VenueKey == venueKey ? "Venue" : "Spokesperson"))
            .ToList();
    }

    /// <summary>
    /// Null when the briefing clashes with nothing, or when the organizer forced it with a reason (then audited);
    /// otherwise the 409 that names the other briefing.
    /// </summary>
    public async Task<ProblemHttpResult?> RefuseConflictsAsync(Briefing briefing, bool force, string? reason, ClaimsPrincipal user,
        DateTime now, CancellationToken ct)
    {
        var conflicts = await FindConflictsAsync(briefing, ct);
        if (conflicts.Count == 0)
        {
            return null;
        }

        if (force && !string.IsNullOrWhiteSpace(reason))
        {
            await changes.RecordAsync(briefing.Id, user, now, "ConflictOverridden", reason, new { conflicts }, [], ct);
            return null;
        }

        var first = conflicts[0];
        var detail = Texts.Get(first.Reason == "Venue" ? "briefing.conflictVenue" : "briefing.conflictSpokesperson",
            first.Title, first.LocalStart.ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        return Problems.Conflict("ScheduleConflict", detail, new Dictionary<string, object?> { ["conflicts"] = conflicts });
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
