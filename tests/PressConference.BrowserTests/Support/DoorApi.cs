using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PressConference.Api.Data;
using PressConference.Api.Passes;

namespace PressConference.BrowserTests.Support;

/// <summary>What a browser test sets up through the service itself: accounts, a published briefing, passes.</summary>
public static class DoorApi
{
    /// <summary>How a client talks to the API: camelCase, enums by name.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task<HttpClient> SignInAsync(this DoorServer server, string email, string password)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress };
        var response = await client.PostAsJsonAsync("api/auth/login", new { email, password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonNode.Parse(body)!["accessToken"]!.GetValue<string>());
        return client;
    }

    public static async Task<JsonNode> SendAsync(this HttpClient client, HttpMethod method, string url, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public static Task<JsonNode> PostAsync(this HttpClient client, string url, object? body = null, HttpStatusCode expected = HttpStatusCode.OK) =>
        client.SendAsync(HttpMethod.Post, url, body ?? new { }, expected);

    /// <summary>A door-staff account (email, password) made by the Admin.</summary>
    public static async Task<(string Email, string Password)> CreateDoorStaffAsync(this HttpClient admin)
    {
        var email = $"door-{Guid.NewGuid():N}@test.vn";
        const string password = "Door-Staff-1";
        await admin.PostAsync("api/users", new { email, password, displayName = "Nhân viên soát vé", roles = new[] { "DoorStaff" } }, HttpStatusCode.Created);
        return (email, password);
    }

    /// <summary>A published briefing at the main venue, <paramref name="days"/> after the server's today, 10:00–11:30 Hanoi time.</summary>
    public static async Task<JsonNode> CreatePublishedBriefingAsync(this HttpClient organizer, DoorServer server, string title, int days)
    {
        var day = server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).Date.AddDays(days);
        string Local(int hour, int minute) => day.AddHours(hour).AddMinutes(minute).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var briefing = await organizer.PostAsync("api/briefings", new
        {
            title, kind = "Thematic", topic = "Kinh tế - xã hội", venue = $"Hội trường {Guid.NewGuid():N}"[..22], startsAt = Local(10, 0), endsAt = Local(11, 30),
        }, HttpStatusCode.Created);
        return await organizer.PostAsync($"api/briefings/{briefing["id"]}/publish");
    }

    /// <summary>A new remote point (a ward's hall) linked to the briefing; answers its id.</summary>
    public static async Task<Guid> LinkRemotePointAsync(this HttpClient organizer, Guid briefingId, string ward)
    {
        var point = await organizer.PostAsync("api/remote-points", PressConference.Api.Demo.Builders.RemotePoint(new Bogus.Faker("vi"), ward),
            HttpStatusCode.Created);
        var id = point["id"]!.GetValue<Guid>();
        await organizer.PostAsync($"api/briefings/{briefingId}/remote-points", new { remotePointId = id }, HttpStatusCode.Created);
        return id;
    }

    /// <summary>
    /// A pass issued the way an approval issues it (PassIssuer, saved in the same unit of work); the registration id is
    /// the caller's.
    /// </summary>
    public static async Task<Pass> IssuePassAsync(this DoorServer server, Guid briefingId, string reporterName, string outletName,
        Guid? remotePointId = null)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var issuer = scope.ServiceProvider.GetRequiredService<PassIssuer>();
        var pass = await issuer.IssueAsync(Guid.NewGuid(), "browser-test", briefingId, remotePointId, reporterName, outletName, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return pass;
    }

    /// <summary>Revokes a pass the way a cancellation or a blocked credential does.</summary>
    public static async Task RevokeAsync(this DoorServer server, Pass pass, PassRevocation reason)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PassIssuer>().RevokeAsync(pass.RegistrationId, reason, server.Clock.GetUtcNow().UtcDateTime,
            CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    /// <summary>The same token with one signature byte changed: well-formed, signed by nobody.</summary>
    public static string Forge(string token)
    {
        var bytes = Base45.Decode(token);
        bytes[^5] ^= 0x5A;
        return Base45.Encode(bytes);
    }

    public static async Task<T> WithDbAsync<T>(this DoorServer server, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
