using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace PressConference.Api.Compliance;

public static class ComplianceEndpoints
{
    public static IEndpointRouteBuilder MapCompliance(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/compliance", Get).WithTags("Compliance").RequireAuthorization(Policies.Organizer);
        return app;
    }

    private static async Task<Ok<ComplianceResponse>> Get(string? hostAgency, ComplianceMonitor monitor, IOptions<OfficeOptions> office,
        TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await monitor.EvaluateAsync(string.IsNullOrWhiteSpace(hostAgency) ? office.Value.HostAgency : hostAgency,
            clock.GetUtcNow().UtcDateTime, ct));
}
