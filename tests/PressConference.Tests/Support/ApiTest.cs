using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PressConference.Api.Data;

namespace PressConference.Tests.Support;

/// <summary>Base of the integration tests: one service and one SQLite file per fixture, clients per role.</summary>
public abstract class ApiTest
{
    protected ApiFactory Factory { get; private set; } = null!;

    protected HttpClient Anonymous { get; private set; } = null!;

    protected HttpClient Admin { get; private set; } = null!;

    protected HttpClient Organizer { get; private set; } = null!;

    protected HttpClient Reporter { get; private set; } = null!;

    protected virtual IDictionary<string, string?>? Settings => null;

    [OneTimeSetUp]
    public async Task StartServiceAsync()
    {
        Factory = new ApiFactory(Settings);
        Anonymous = Factory.CreateClient();
        Admin = await LoginAsync(ApiFactory.AdminEmail, ApiFactory.AdminPassword);
        Organizer = await CreateUserClientAsync("Organizer");
        Reporter = await CreateReporterClientAsync("Nguyễn Thị Mai Hương");
    }

    [OneTimeTearDown]
    public async Task StopServiceAsync()
    {
        Anonymous.Dispose();
        Admin.Dispose();
        Organizer.Dispose();
        Reporter.Dispose();
        await Factory.DisposeAsync();
    }

    protected DateTimeOffset Now => Factory.Clock.GetUtcNow();

    /// <summary>
    /// A local Hanoi time <paramref name="days"/> after today (by the fixture's clock, which only moves forward), at
    /// the given hour.
    /// </summary>
    protected string Local(int days, int hour, int minute = 0) =>
        Now.AddHours(7).Date.AddDays(days).AddHours(hour).AddMinutes(minute).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    protected async Task<HttpClient> LoginAsync(string email, string password)
    {
        var response = await Anonymous.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected async Task<HttpClient> CreateUserClientAsync(params string[] roles)
    {
        var email = $"{roles[0].ToLowerInvariant()}-{Guid.NewGuid():N}@test.vn";
        const string password = "Staff-Pass-1";
        var response = await Admin.PostAsJsonAsync("/api/users", new { email, password, displayName = "Nhân viên " + roles[0], roles });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await LoginAsync(email, password);
    }

    protected async Task<HttpClient> CreateReporterClientAsync(string displayName)
    {
        var email = $"reporter-{Guid.NewGuid():N}@test.vn";
        const string password = "Reporter-Pass-1";
        var response = await Anonymous.PostAsJsonAsync("/api/auth/register", new { email, password, displayName });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await LoginAsync(email, password);
    }

    protected async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

public static class HttpAssertions
{
    public static async Task<JsonNode> ExpectAsync(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object? body = null) =>
        client.PostAsJsonAsync(url, body ?? new { }, Json);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Json);

    public static Guid Id(this JsonNode node) => node["id"]!.GetValue<Guid>();

    public static string Str(this JsonNode node, string name) => node[name]!.GetValue<string>();

    /// <summary>How a client talks to the API: camelCase, enums by name.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
