using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace PressConference.BrowserTests.Support;

/// <summary>
/// The real service on Kestrel at http://127.0.0.1:&lt;free port&gt; (a browser cannot reach the in-memory TestServer),
/// over a SQLite file of its own, with a clock the test moves.
/// </summary>
public sealed class DoorServer : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.vn";
    public const string AdminPassword = "Admin-Test-1";

    /// <summary>Monday 23 November 2026, 10:00 in Hanoi.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);

    public DoorServer()
    {
        Folder = Path.Combine(Path.GetTempPath(), "pressconference-browser-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DatabasePath = Path.Combine(Folder, "test.db");
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public string Folder { get; }

    public string DatabasePath { get; }

    /// <summary>Where the browser finds the service, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:PressConference", $"Data Source={DatabasePath}");
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("RateLimiting:Auth:PermitLimit", "100000");
        // The clock moves by days; a token outlives that instead of the page signing in again.
        builder.UseSetting("Auth:AccessTokenMinutes", "525600");
        // No scheduler racing the test, and no mail written into the source tree's App_Data.
        builder.UseSetting("Notifications:RunScheduler", "false");
        builder.UseSetting("Notifications:PickupDirectory", Path.Combine(Folder, "mail-pickup"));
        builder.UseSetting("Uploads:Folder", Path.Combine(Folder, "uploads"));
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
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS is removed with the temp folder later.
        }
    }
}
