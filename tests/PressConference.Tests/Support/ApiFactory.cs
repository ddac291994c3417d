using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace PressConference.Tests.Support;

/// <summary>
/// The real service over a real SQLite file of its own, with a clock the test moves. Extra settings override the
/// defaults for one fixture.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.vn";
    public const string AdminPassword = "Admin-Test-1";

    /// <summary>Monday 23 November 2026, 10:00 in Hanoi.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;

    public ApiFactory(IDictionary<string, string?>? settings = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "pressconference-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        DatabasePath = Path.Combine(Directory, "test.db");
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:PressConference"] = $"Data Source={DatabasePath}",
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
            ["RateLimiting:Auth:PermitLimit"] = "100000",
            // Tests move the clock by months; tokens outlive that instead of every test signing in again.
            ["Auth:AccessTokenMinutes"] = "525600",
            // Uploaded scans and evidence stay in the fixture's folder, removed with it.
            ["Uploads:Folder"] = Path.Combine(Directory, "uploads"),
            // Tests dispatch notifications themselves (NotificationDispatcher) instead of racing Hangfire's server.
            ["Notifications:RunScheduler"] = "false",
            ["Notifications:PickupDirectory"] = Path.Combine(Directory, "mail-pickup"),
            // Reporters made through /api/auth/register register for briefings at once; the rule's own tests turn it on.
            ["Identity:RequireConfirmedEmail"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public string Directory { get; }

    public string DatabasePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS is removed with the temp folder later.
        }
    }
}
