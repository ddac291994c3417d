using Microsoft.AspNetCore.Http.HttpResults;
using PressConference.Api.Briefings;

namespace PressConference.Api.Calendar;

/// <summary>A briefing's calendar file and the public feed; the files themselves come from <see cref="CalendarFiles"/>.</summary>
public static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/briefings/{id:guid}/calendar.ics", One).WithTags("Calendar").AllowAnonymous();
        app.MapGet("/api/calendar.ics", Feed).WithTags("Calendar").AllowAnonymous();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> One(Guid id, AppDbContext db, CalendarFiles files,
        TimeProvider clock, CancellationToken ct)
    {
        var briefing = await db.Briefings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (briefing is null || !briefing.IsPublic)
        {
            return Problems.NotFound("entity.briefing");
        }

        return TypedResults.File(files.Serialize([briefing], clock.GetUtcNow().UtcDateTime), CalendarFiles.ContentType, $"briefing-{id}.ics");
    }

    /// <summary>Public briefings from 30 days ago onward (cancelled ones included, so calendars remove them).</summary>
    private static async Task<FileContentHttpResult> Feed(AppDbContext db, CalendarFiles files, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-30);
        var briefings = await db.Briefings.AsNoTracking()
            .Where(b => b.EndsAt >= since && b.Status != BriefingStatus.Draft && (b.Status != BriefingStatus.Cancelled || b.PublishedAt != null))
            .OrderBy(b => b.StartsAt).Take(500).ToListAsync(ct);
        return TypedResults.File(files.Serialize(briefings, now), CalendarFiles.ContentType, "pressconference.ics");
    }
}
