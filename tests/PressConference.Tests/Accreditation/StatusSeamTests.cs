using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PressConference.Api.Accreditation;
using PressConference.Api.Data;
using PressConference.Tests.Support;

namespace PressConference.Tests.Accreditation;

/// <summary>Every status change goes through IRegistrationStatusHandler, once, before it is saved and with the same DbContext.</summary>
public sealed class StatusSeamTests : AccreditationTest
{
    private static readonly ConcurrentQueue<(Guid Registration, RegistrationStatus? Previous, RegistrationStatus Now, bool SameContext, bool Saved)> Seen = new();
    private WebApplicationFactory<Program> _host = null!;

    private sealed class RecordingHandler(AppDbContext db) : IRegistrationStatusHandler
    {
        public Task HandleAsync(RegistrationStatusChange change, CancellationToken ct)
        {
            var entry = db.Entry(change.Registration);
            var saved = entry.State is Microsoft.EntityFrameworkCore.EntityState.Unchanged;
            Seen.Enqueue((change.Registration.Id, change.Previous, change.Registration.Status, entry.State != Microsoft.EntityFrameworkCore.EntityState.Detached, saved));
            return Task.CompletedTask;
        }
    }

    [OneTimeSetUp]
    public void StartRecordingHost() => _host = Factory.WithWebHostBuilder(b =>
        b.ConfigureTestServices(s => s.AddScoped<IRegistrationStatusHandler, RecordingHandler>()));

    [OneTimeTearDown]
    public void StopRecordingHost() => _host.Dispose();

    private async Task<HttpClient> ClientAsync(string email, string password)
    {
        var client = _host.CreateClient();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Test]
    public async Task The_handler_sees_each_change_once_with_the_previous_status_before_it_is_saved()
    {
        var outlet = await OutletAsync();
        var briefing = (await Data.BriefingAsync(capacity: 1)).Id;
        var emails = new List<(string Email, string Name)>();
        foreach (var name in new[] { "Mạc Đĩnh Chi", "Lương Thế Vinh" })
        {
            var email = $"seam-{Guid.NewGuid():N}@test.vn";
            await Anonymous.PostAsJsonAsync("/api/auth/register", new { email, password = "Reporter-Pass-1", displayName = name }).ExpectAsync(HttpStatusCode.Created);
            emails.Add((email, name));
        }

        var a = await ClientAsync(emails[0].Email, "Reporter-Pass-1");
        var b = await ClientAsync(emails[1].Email, "Reporter-Pass-1");
        var first = await RegisterAsync(a, briefing, await CardAsync(a, emails[0].Name, outlet));
        var second = await RegisterAsync(b, briefing, await CardAsync(b, emails[1].Name, outlet));
        await a.PostJsonAsync($"/api/registrations/{first.Id()}/cancel").ExpectAsync(HttpStatusCode.OK);

        var changes = Seen.ToList();
        Assert.That(changes.Select(c => (c.Registration, c.Previous, c.Now)), Is.EqualTo(new (Guid, RegistrationStatus?, RegistrationStatus)[]
        {
            (first.Id(), null, RegistrationStatus.Approved),
            (second.Id(), null, RegistrationStatus.Waitlisted),
            (first.Id(), RegistrationStatus.Approved, RegistrationStatus.Cancelled),
            (second.Id(), RegistrationStatus.Waitlisted, RegistrationStatus.Approved),
        }));
        Assert.That(changes.Select(c => c.SameContext), Is.All.True);
        Assert.That(changes.Select(c => c.Saved), Is.All.False);
    }
}
