using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PressConference.Api.Data;
using PressConference.Api.Notifications;

namespace PressConference.Tests.Support;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd keeping every message in a Maildir, started on a free port and
/// stopped (and started again on the same port) by the test.
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private Process? _process;

    private SmtpTestServer(int port, string directory)
    {
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a server, or reports the test inconclusive (failed under CI) when aiosmtpd is missing.</summary>
    public static SmtpTestServer Start()
    {
        if (!File.Exists(Python) || !CanImportAiosmtpd())
        {
            const string message = "A real SMTP server is needed: install with: apt-get install -y python3-aiosmtpd";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            {
                Assert.Fail(message);
            }

            Assert.Inconclusive(message);
        }

        var parent = Path.Combine(Path.GetTempPath(), "pressconference-smtp");
        System.IO.Directory.CreateDirectory(parent); // aiosmtpd makes the Maildir itself, but not its parent
        var server = new SmtpTestServer(FreePort(), Path.Combine(parent, Guid.NewGuid().ToString("N")));
        server.Resume();
        return server;
    }

    public void Resume()
    {
        if (IsRunning)
        {
            return;
        }

        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", Serve, Directory, Port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        // The server says when it accepts connections; nothing here guesses how long that takes.
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        _process = new Process { StartInfo = info, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "ready")
            {
                ready.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, e) => errors.AppendLine(e.Data);
        _process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"aiosmtpd exited: {errors}"));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (!ready.Task.Wait(TimeSpan.FromSeconds(20)))
        {
            Assert.Fail($"aiosmtpd did not start on port {Port}: {errors}");
        }
    }

    /// <summary>
    /// aiosmtpd's Controller with the Mailbox handler (a Maildir); <c>start()</c> returns once the server answers, then it
    /// prints "ready" and serves until killed.
    /// </summary>
    private const string Serve = """
        import sys, threading
        from aiosmtpd.controller import Controller
        from aiosmtpd.handlers import Mailbox
        controller = Controller(Mailbox(sys.argv[1]), hostname="127.0.0.1", port=int(sys.argv[2]))
        controller.start()
        print("ready", flush=True)
        threading.Event().wait()
        """;

    /// <summary>The server goes away: connections are refused until <see cref="Resume"/>.</summary>
    public void Stop()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Every message received so far, read back from the Maildir, in the order they arrived.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var files = new[] { "new", "cur" }.Select(d => Path.Combine(Directory, d)).Where(System.IO.Directory.Exists)
            .SelectMany(System.IO.Directory.GetFiles).OrderBy(Arrival).ThenBy(f => f, StringComparer.Ordinal);
        return files.Select(f => MimeMessage.Load(f)).ToList();
    }

    /// <summary>
    /// When a Maildir file arrived, from its name ("seconds.Mmicroseconds P pid Q count.host"): the microseconds are not
    /// padded, so the names alone do not sort in arrival order within a second.
    /// </summary>
    private static (long Seconds, long Micros, long Count) Arrival(string file)
    {
        var match = System.Text.RegularExpressions.Regex.Match(Path.GetFileName(file), @"^(\d+)\.M(\d+)P\d+Q(\d+)");
        return match.Success
            ? (long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture))
            : (long.MaxValue, 0, 0);
    }

    public void Dispose()
    {
        Stop();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder clean-up.
        }
    }

    private static bool CanImportAiosmtpd()
    {
        using var check = Process.Start(new ProcessStartInfo(Python, "-c \"import aiosmtpd\"") { RedirectStandardError = true, UseShellExecute = false })!;
        check.WaitForExit();
        return check.ExitCode == 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A reporter account made through the API, as the planner knows them.</summary>
public sealed record TestReporter(string UserId, string Email, string DisplayName, HttpClient Client);

/// <summary>
/// Base of the notification tests: the service sends to its own SMTP server; tests move the clock and run the
/// dispatcher themselves (Hangfire's server is off in tests).
/// </summary>
public abstract class NotificationTest : ApiTest
{
    private SmtpTestServer? _smtp;

    protected SmtpTestServer Smtp => _smtp ??= SmtpTestServer.Start();

    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected override IDictionary<string, string?>? Settings
    {
        get
        {
            var settings = SmtpSettings(Smtp);
            foreach (var (key, value) in ExtraSettings)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    public static Dictionary<string, string?> SmtpSettings(SmtpTestServer smtp) => new()
    {
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Smtp:Security"] = "None",
        ["Notifications:Smtp:From"] = "Văn phòng UBND thành phố <hopbao@hanoi.test>",
        ["Notifications:Smtp:TimeoutSeconds"] = "10",
    };

    [OneTimeTearDown]
    public void StopSmtp() => _smtp?.Dispose();

    protected Task<DispatchResult> DispatchAsync() => DispatchAsync(Factory);

    public static async Task<DispatchResult> DispatchAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);
    }

    /// <summary>Moves the fixture's clock to the instant (never back), then dispatches.</summary>
    protected async Task<DispatchResult> AtAsync(DateTimeOffset instant)
    {
        if (instant > Now)
        {
            Factory.Clock.SetUtcNow(instant);
        }

        return await DispatchAsync();
    }

    /// <summary>Runs the planner in one unit of work and saves it, as the registration workflow will.</summary>
    protected Task PlanAsync(Func<ReporterPlanner, Task> plan) => PlanAsync(Factory, plan);

    public static async Task PlanAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, Func<ReporterPlanner, Task> plan)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await plan(scope.ServiceProvider.GetRequiredService<ReporterPlanner>());
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    protected Task<List<Notification>> RowsAsync(Guid briefingId) =>
        WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.BriefingId == briefingId).OrderBy(n => n.DueAt).ToListAsync());

    protected IReadOnlyList<MimeMessage> MailTo(string address, NotificationKind? kind = null) => Smtp.Messages()
        .Where(m => m.To.Mailboxes.Any(t => string.Equals(t.Address, address, StringComparison.OrdinalIgnoreCase))
            && (kind is null || m.Headers[NotificationComposer.KindHeader] == kind.ToString()))
        .ToList();

    protected IReadOnlyList<MimeMessage> MailAbout(Guid briefingId, NotificationKind? kind = null) => Smtp.Messages()
        .Where(m => m.Headers[NotificationComposer.BriefingHeader] == briefingId.ToString()
            && (kind is null || m.Headers[NotificationComposer.KindHeader] == kind.ToString()))
        .ToList();

    protected async Task<TestReporter> NewReporterAsync(string displayName, string language = "vi")
    {
        var email = $"pv-{Guid.NewGuid():N}@bao.test";
        const string password = "Reporter-Pass-1";
        var created = await Anonymous.RegisterReporterAsync(email, password, displayName, language);
        return new TestReporter(created.Str("id"), email, displayName, await LoginAsync(email, password));
    }

    protected async Task<string> OrganizerEmailAsync() => (await Organizer.GetAsync("/api/auth/me").ExpectAsync(HttpStatusCode.OK)).Str("email");

    protected static DateTimeOffset StartOf(JsonNode briefing) => DateTimeOffset.Parse(briefing.Str("startsAt"), System.Globalization.CultureInfo.InvariantCulture);

    protected static string Text(MimeMessage message) => message.TextBody ?? string.Empty;
}
