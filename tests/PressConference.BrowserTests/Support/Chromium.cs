using Microsoft.Playwright;

namespace PressConference.BrowserTests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright never downloads a browser here: without an executable path it
/// would look for its own build, so the path is always given.
/// </summary>
public static class Chromium
{
    private static readonly string[] Candidates = ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"];

    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <summary>The browser, or Inconclusive with how to install it (a failure when CI is set: there it must exist).</summary>
    public static string ExecutableOrSkip()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : Candidates.FirstOrDefault(File.Exists);
        if (path is not null && File.Exists(path))
        {
            return path;
        }

        const string message = "Chromium is not installed; install with: apt-get install -y chromium";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail(message);
        }

        Assert.Inconclusive(message);
        return string.Empty;
    }

    /// <param name="extraArguments">More switches, e.g. a fake camera.</param>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(params string[] extraArguments)
    {
        var executable = ExecutableOrSkip();
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = [.. Arguments, .. extraArguments],
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
