using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PressConference.Api.Data;
using PressConference.Api.Passes;

namespace PressConference.Tests.Support;

/// <summary>A pass issued through <see cref="PassIssuer"/>, as the registration feature will issue it.</summary>
public sealed record IssuedPass(Guid RegistrationId, Guid PassId, string Token, Guid BriefingId, Guid? RemotePointId);

/// <summary>
/// Tests of passes and doors. Registrations live in another feature, so passes are issued here by calling
/// <see cref="PassIssuer"/> in a scope of the running service, exactly as that feature does.
/// </summary>
public abstract class PassTest : ApiTest
{
    private HttpClient? _door;
    private string? _reporterId;

    /// <summary>An unbound door-staff account (created once per fixture).</summary>
    protected async Task<HttpClient> DoorAsync() => _door ??= await CreateUserClientAsync("DoorStaff");

    protected async Task<string> ReporterIdAsync() => _reporterId ??= await UserIdAsync(Reporter);

    protected static async Task<string> UserIdAsync(HttpClient client) =>
        (await client.GetAsync("/api/auth/me").ExpectAsync(HttpStatusCode.OK)).Str("id");

    protected async Task<IssuedPass> IssueAsync(Guid briefingId, Guid? remotePointId = null, string? ownerId = null,
        string reporterName = "Nguyễn Thị Mai Hương", string outletName = "Báo Hà Nội Mới", Guid? registrationId = null)
    {
        ownerId ??= await ReporterIdAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pass = await scope.ServiceProvider.GetRequiredService<PassIssuer>()
            .IssueAsync(registrationId ?? Guid.CreateVersion7(), ownerId, briefingId, remotePointId, reporterName, outletName, CancellationToken.None);
        await db.SaveChangesAsync();
        return new IssuedPass(pass.RegistrationId, pass.Id, pass.Token, pass.BriefingId, pass.RemotePointId);
    }

    protected async Task RevokeAsync(Guid registrationId, PassRevocation reason)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await scope.ServiceProvider.GetRequiredService<PassIssuer>()
            .RevokeAsync(registrationId, reason, Factory.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        await db.SaveChangesAsync();
    }

    /// <summary>Moves the fixture's clock forward to an instant (never back: other tests' briefings stay in the future).</summary>
    protected void ClockTo(DateTime utc)
    {
        var target = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        Assert.That(target, Is.GreaterThanOrEqualTo(Now), "the fixture clock only moves forward");
        Factory.Clock.SetUtcNow(target);
    }

    /// <summary>The clock inside the briefing's window: doors open 60 minutes before the start, this is 30 minutes before.</summary>
    protected void DoorsOpen(TestBriefing briefing) => ClockTo(briefing.StartsAt.AddMinutes(-30));

    protected static Task<JsonNode> ScanAsync(HttpClient door, string token, Guid? remotePointId = null, Guid? briefingId = null,
        string? doorId = null) =>
        door.PostJsonAsync("/api/checkin/scans", new { token, remotePointId, briefingId, doorId }).ExpectAsync(HttpStatusCode.OK);

    protected async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

}
