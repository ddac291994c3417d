using Microsoft.AspNetCore.Http.HttpResults;

namespace PressConference.Api.CheckIn;

public static class AttendanceEndpoints
{
    public static IEndpointRouteBuilder MapAttendance(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/briefings/{id:guid}").WithTags("CheckIn").RequireAuthorization(Policies.Organizer);
        group.MapGet("/attendance", Get);
        group.MapGet("/attendance.csv", Csv);
        return app;
    }

    private static async Task<Results<Ok<AttendanceResponse>, ProblemHttpResult>> Get(Guid id, AttendanceReport report, CancellationToken ct) =>
        await report.ForBriefingAsync(id, ct) is { } attendance ? TypedResults.Ok(attendance) : Problems.NotFound("entity.briefing");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Csv(Guid id, AttendanceReport report, CancellationToken ct) =>
        await report.CsvAsync(id, ct) is { } csv
            ? TypedResults.File(csv, "text/csv; charset=utf-8", $"attendance-{id}.csv")
            : Problems.NotFound("entity.briefing");
}
