using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PressConference.Api.Data;

namespace PressConference.Testing;

/// <summary>
/// The real service over a real SQLite file of its own, with a clock the test moves. Extra settings override the
/// defaults for one fixture. In memory (TestServer) unless <see cref="Loopback"/>: then on Kestrel at
/// http://127.0.0.1:&lt;free port&gt;, for a browser, which cannot reach the in-memory server.
/// </summary>
public sealed class TestHost : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.vn";
    public const string AdminPassword = "Admin-Test-1";

    /// <summary>Monday 23 November 2026, 10:00 in Hanoi.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;

    public TestHost(IDictionary<string, string?>? settings = null, bool loopback = false)
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
            // Tests dispatch notifications themselves (NotificationDispatcher) instead of racing Hangfire's server,
            // and no mail is written into the source tree's App_Data.
            ["Notifications:RunScheduler"] = "false",
            ["Notifications:PickupDirectory"] = Path.Combine(Directory, "mail-pickup"),
            // Reporters made through /api/auth/register register for briefings at once; the rule's own tests turn it on.
            ["Identity:RequireConfirmedEmail"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        Loopback = loopback;
        if (loopback)
        {
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The fixture's own folder: the database, uploads and mail pickup, removed with the host.</summary>
    public string Directory { get; }

    public string DatabasePath { get; }

    /// <summary>Whether the service listens on a real loopback port (Kestrel).</summary>
    public bool Loopback { get; }

    /// <summary>Where a browser finds the service, e.g. http://127.0.0.1:41234/ (only on <see cref="Loopback"/>).</summary>
    public Uri BaseAddress
    {
        get
        {
            if (!Loopback)
            {
                throw new InvalidOperationException("An in-memory host has no address a browser can reach: create it with loopback: true.");
            }

            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    /// <summary>Runs a query (or any work) against the host's database in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

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
