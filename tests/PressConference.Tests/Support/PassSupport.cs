using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PressConference.Api.Data;
using PressConference.Api.Demo;
using PressConference.Api.Passes;

namespace PressConference.Tests.Support;

/// <summary>A briefing made through the API, with its times as the service stored them.</summary>
public sealed record TestBriefing(Guid Id, DateTime StartsAt, DateTime EndsAt, DateTime DoorsOpenAt);

/// <summary>A pass issued through <see cref="PassIssuer"/>, as the registration feature will issue it.</summary>
public sealed record IssuedPass(Guid RegistrationId, Guid PassId, string Token, Guid BriefingId, Guid? RemotePointId);

/// <summary>
/// Tests of passes and doors. Registrations live in another feature, so passes are issued here by calling
/// <see cref="PassIssuer"/> in a scope of the running service, exactly as that feature does.
/// </summary>
public abstract class PassTest : ApiTest
{
    private int _day = 2;
    private HttpClient? _door;
    private string? _reporterId;

    /// <summary>An unbound door-staff account (created once per fixture).</summary>
    protected async Task<HttpClient> DoorAsync() => _door ??= await CreateUserClientAsync("DoorStaff");

    protected async Task<string> ReporterIdAsync() => _reporterId ??= await UserIdAsync(Reporter);

    protected static async Task<string> UserIdAsync(HttpClient client) =>
        (await client.GetAsync("/api/auth/me").ExpectAsync(HttpStatusCode.OK)).Str("id");

    /// <summary>A published briefing on a day of its own (09:00–10:30 Hanoi time, doors 60 minutes before), at a venue of its own.</summary>
    protected async Task<TestBriefing> BriefingAsync(string? title = null)
    {
        var day = _day++;
        var created = await Organizer.PostJsonAsync("/api/briefings", new
        {
            title = title ?? "Họp báo chuyên đề chuyển đổi số",
            kind = "Thematic",
            topic = "Chuyển đổi số",
            venue = $"Hội trường {Guid.NewGuid():N}"[..24],
            startsAt = Local(day, 9),
            endsAt = Local(day, 10, 30),
            doorsOpenMinutesBefore = 60,
        }).ExpectAsync(HttpStatusCode.Created);
        var id = created.Id();
        await Organizer.PostJsonAsync($"/api/briefings/{id}/publish").ExpectAsync(HttpStatusCode.OK);
        var startsAt = Utc(created.Str("startsAt"));
        return new TestBriefing(id, startsAt, Utc(created.Str("endsAt")), startsAt.AddMinutes(-60));
    }

    /// <summary>A new remote point linked to the briefing.</summary>
    protected async Task<Guid> RemotePointAsync(Guid briefingId, int capacity = 20)
    {
        var point = await Organizer.PostJsonAsync("/api/remote-points", Builders.RemotePoint(Builders.Faker(), $"Thử {Guid.NewGuid():N}"[..16]))
            .ExpectAsync(HttpStatusCode.Created);
        await Organizer.PostJsonAsync($"/api/briefings/{briefingId}/remote-points", new { remotePointId = point.Id(), capacity })
            .ExpectAsync(HttpStatusCode.Created);
        return point.Id();
    }

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

    protected static DateTime Utc(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    protected async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

}
