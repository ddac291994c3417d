using System.ComponentModel.DataAnnotations;
using PressConference.Api.Briefings;

namespace PressConference.Api.Series;

public sealed class SeriesOptions
{
    public const string Section = "Series";

    [Range(1, 36)]
    public int DefaultHorizonMonths { get; set; } = 6;
}

public sealed record SeriesOccurrenceChange(Guid Id, string Period, DateTime OldStartsAt, DateTime NewStartsAt, DateTimeOffset NewLocalStart);

/// <summary>Why a rule change left an occurrence as it was: Edited, HasRegistrations, Conflict or NewTimeInPast.</summary>
public sealed record SeriesOccurrenceKept(Guid Id, string Period, string Reason);

public sealed record SeriesGenerationResult(List<Briefing> Created, List<SeriesOccurrenceKept> LeftAsDraft);

/// <summary>Turns a series rule into briefings, and a changed rule into changed briefings, without touching what people edited.</summary>
public sealed class SeriesGenerator(AppDbContext db, BriefingPlanning planning, BriefingChanges changes, IBriefingRegistrations registrations,
    TimeProvider clock)
{
    /// <summary>Creates the occurrences missing between now and the series' horizon. Saves nothing; the caller does.</summary>
    public async Task<SeriesGenerationResult> ExtendAsync(BriefingSeries series, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = (await db.Briefings.Where(b => b.SeriesId == series.Id).Select(b => b.SeriesPeriod!).ToListAsync(ct))
            .Concat(db.Briefings.Local.Where(b => b.SeriesId == series.Id).Select(b => b.SeriesPeriod!))
            .ToHashSet(StringComparer.Ordinal);

        var result = new SeriesGenerationResult([], []);
        foreach (var (date, startsAt) in Occurrences(series, now))
        {
            var period = BriefingSeries.Period(date);
            if (existing.Contains(period))
            {
                continue;
            }

            var briefing = Briefing.Create(Details(series, date, startsAt), now, series.Id, period);
            db.Briefings.Add(briefing);
            await changes.RecordAsync(briefing.Id, null, now, "GeneratedFromSeries", null, new { seriesId = series.Id, period }, [], ct);
            if (series.Publish)
            {
                if ((await planning.FindConflictsAsync(briefing, ct)).Count == 0)
                {
                    briefing.Publish(now);
                    await changes.RecordAsync(new BriefingPublished(briefing, now), null, ct);
                }
                else
                {
                    result.LeftAsDraft.Add(new SeriesOccurrenceKept(briefing.Id, period, "Conflict"));
                }
            }

            result.Created.Add(briefing);
        }

        return result;
    }

    /// <summary>
    /// Applies a changed rule to future occurrences that nobody edited and nobody registered for, then extends to
    /// the horizon. Returns what moved and what was kept, with why.
    /// </summary>
    public async Task<(List<SeriesOccurrenceChange> Updated, List<SeriesOccurrenceKept> Kept, SeriesGenerationResult Generated)>
        ApplyRuleChangeAsync(BriefingSeries series, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var future = await db.Briefings.Include(b => b.Spokespersons)
            .Where(b => b.SeriesId == series.Id && b.StartsAt > now && b.Status != BriefingStatus.Cancelled && b.Status != BriefingStatus.Completed)
            .OrderBy(b => b.StartsAt)
            .ToListAsync(ct);

        var updated = new List<SeriesOccurrenceChange>();
        var kept = new List<SeriesOccurrenceKept>();
        foreach (var briefing in future)
        {
            var period = briefing.SeriesPeriod!;
            if (briefing.DetachedFromSeries)
            {
                kept.Add(new SeriesOccurrenceKept(briefing.Id, period, "Edited"));
                continue;
            }

            if (await registrations.AnyOpenAsync(briefing.Id, null, ct))
            {
                kept.Add(new SeriesOccurrenceKept(briefing.Id, period, "HasRegistrations"));
                continue;
            }

            var month = DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var date = series.OccurrenceDate(month.Year, month.Month);
            var startsAt = VietnamTime.FromLocal(date, series.LocalStartTime);
            if (startsAt <= now)
            {
                kept.Add(new SeriesOccurrenceKept(briefing.Id, period, "NewTimeInPast"));
                continue;
            }

            var before = briefing.Details;
            var after = Details(series, date, startsAt) with { RegistrationOpensAt = before.RegistrationOpensAt };
            if (SameDetails(before, after))
            {
                continue;
            }

            briefing.Apply(after, now);
            if (Briefing.LiveStatuses.Contains(briefing.Status) && (await planning.FindConflictsAsync(briefing, ct)).Count > 0)
            {
                briefing.Apply(before, now);
                kept.Add(new SeriesOccurrenceKept(briefing.Id, period, "Conflict"));
                continue;
            }

            if (briefing.IsPublic)
            {
                briefing.MarkCalendarChanged();
            }

            await changes.RecordAsync(briefing.Id, null, now, "RegeneratedFromSeries", null,
                new { seriesId = series.Id, oldStartsAt = before.StartsAt, newStartsAt = after.StartsAt, oldTitle = before.Title, newTitle = after.Title },
                briefing.IsPublic && after.StartsAt != before.StartsAt ? [new BriefingRescheduled(briefing, now, before.StartsAt, before.EndsAt)] : [],
                ct);

            updated.Add(new SeriesOccurrenceChange(briefing.Id, period, before.StartsAt, after.StartsAt, VietnamTime.ToLocal(after.StartsAt)));
        }

        return (updated, kept, await ExtendAsync(series, ct));
    }

    /// <summary>Keeps every series generated to its horizon, in one write transaction; run by the scheduler.</summary>
    public Task<int> ExtendAllAsync(CancellationToken ct) => WriteTransaction.RunAsync(db, async () =>
    {
        var created = 0;
        foreach (var series in await db.BriefingSeries.ToListAsync(ct))
        {
            created += (await ExtendAsync(series, ct)).Created.Count;
        }

        return created;
    }, ct);

    /// <summary>The series' occurrences that start after now and before now + horizon.</summary>
    public static IEnumerable<(DateOnly Date, DateTime StartsAt)> Occurrences(BriefingSeries series, DateTime now)
    {
        var horizon = now.AddMonths(series.HorizonMonths);
        var month = VietnamTime.LocalDate(now);
        for (var cursor = new DateOnly(month.Year, month.Month, 1); ; cursor = cursor.AddMonths(1))
        {
            var date = series.OccurrenceDate(cursor.Year, cursor.Month);
            var startsAt = VietnamTime.FromLocal(date, series.LocalStartTime);
            if (startsAt >= horizon)
            {
                yield break;
            }

            if (startsAt > now)
            {
                yield return (date, startsAt);
            }
        }
    }

    private BriefingDetails Details(BriefingSeries series, DateOnly date, DateTime startsAt) => new(
        series.RenderTitle(date),
        BriefingKind.Regular,
        series.RenderTopic(date),
        null,
        series.HostAgency,
        series.Venue,
        startsAt,
        startsAt.AddMinutes(series.DurationMinutes),
        series.Capacity,
        null,
        planning.DefaultClosing(startsAt),
        planning.DefaultDoorsOpenMinutes,
        planning.DefaultAutoApprove,
        series.SpokespersonId is { } id ? [id] : []);

    private static bool SameDetails(BriefingDetails a, BriefingDetails b) =>
        a with { SpokespersonIds = [] } == b with { SpokespersonIds = [] } && a.SpokespersonIds.Order().SequenceEqual(b.SpokespersonIds.Order());
}
