using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PressConference.Api.Data;

namespace PressConference.Tests.Support;

/// <summary>Base of the integration tests: one <see cref="TestHost"/> per fixture, clients per role, and its <see cref="TestData"/>.</summary>
public abstract class ApiTest
{
    protected TestHost Factory { get; private set; } = null!;

    protected HttpClient Anonymous { get; private set; } = null!;

    protected HttpClient Admin { get; private set; } = null!;

    protected HttpClient Organizer { get; private set; } = null!;

    protected HttpClient Reporter { get; private set; } = null!;

    /// <summary>Briefings and remote points, made by <see cref="Organizer"/>.</summary>
    protected TestData Data { get; private set; } = null!;

    protected virtual IDictionary<string, string?>? Settings => null;

    [OneTimeSetUp]
    public async Task StartServiceAsync()
    {
        Factory = new TestHost(Settings);
        Anonymous = Factory.CreateClient();
        Admin = await Factory.SignInAdminAsync();
        Organizer = await CreateUserClientAsync("Organizer");
        Reporter = await CreateReporterClientAsync("Nguyễn Thị Mai Hương");
        Data = new TestData(Organizer, Factory.Clock);
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

    protected Task<HttpClient> LoginAsync(string email, string password) => Factory.SignInAsync(email, password);

    protected async Task<HttpClient> CreateUserClientAsync(params string[] roles)
    {
        var (email, password) = await Admin.CreateStaffAsync(roles);
        return await LoginAsync(email, password);
    }

    protected async Task<HttpClient> CreateReporterClientAsync(string displayName)
    {
        var email = $"reporter-{Guid.NewGuid():N}@test.vn";
        const string password = "Reporter-Pass-1";
        await Anonymous.RegisterReporterAsync(email, password, displayName);
        return await LoginAsync(email, password);
    }

    protected Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action) => Factory.WithDbAsync(action);
}
