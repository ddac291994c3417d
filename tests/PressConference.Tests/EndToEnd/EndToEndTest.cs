using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using MimeKit;
using PressConference.Api.Demo;
using PressConference.Api.Notifications;
using PressConference.Tests.Support;

namespace PressConference.Tests.EndToEnd;

/// <summary>A reporter account with a press card of the fixture's outlet, everything made through the API.</summary>
public sealed record Journalist(TestReporter Account, Guid CardId)
{
    public HttpClient Client => Account.Client;

    public string Email => Account.Email;

    public string Name => Account.DisplayName;
}

/// <summary>
/// Base of the end-to-end tests: registrations, decisions, briefing changes and door scans all go through the HTTP
/// API as people would make them; e-mails arrive at a real SMTP server on loopback; time passes by moving the
/// fixture's clock and running the dispatcher, as Hangfire would.
/// </summary>
public abstract class EndToEndTest : NotificationTest
{
    protected const string OutletName = "Báo Tin Nhanh Thủ Đô";

    private static readonly Bogus.Faker F = Builders.Faker(26);
    private HttpClient? _door;

    protected Guid OutletId { get; private set; }

    [OneTimeSetUp]
    public async Task CreateOutletAsync() =>
        OutletId = (await Organizer.PostJsonAsync("/api/outlets", Builders.Outlet(OutletName)).ExpectAsync(HttpStatusCode.Created)).Id();

    /// <summary>An unbound door-staff account: it scans for the main venue unless told a remote point.</summary>
    protected async Task<HttpClient> DoorAsync() => _door ??= await CreateUserClientAsync("DoorStaff");

    /// <summary>A reporter who signs up and enters a press card (holder <paramref name="cardHolder"/>, else their own name).</summary>
    protected async Task<Journalist> JournalistAsync(string name, string language = "vi", string? cardHolder = null, DateOnly? cardExpiresOn = null)
    {
        var account = await NewReporterAsync(name, language);
        var card = Builders.PressCard(F, cardHolder ?? name, OutletId, new DateOnly(2026, 2, 1), cardExpiresOn);
        var created = await account.Client.PostJsonAsync("/api/me/credentials", card).ExpectAsync(HttpStatusCode.Created);
        return new Journalist(account, created.Id());
    }

    protected static Task<JsonNode> RegisterAsync(Journalist journalist, TestBriefing briefing, Guid? remotePointId = null) =>
        journalist.Client.PostJsonAsync($"/api/briefings/{briefing.Id}/registrations", new { credentialId = journalist.CardId, remotePointId })
            .ExpectAsync(HttpStatusCode.Created);

    protected static Task<JsonNode> PassAsync(HttpClient client, JsonNode registration) =>
        client.GetAsync($"/api/registrations/{registration.Id()}/pass").ExpectAsync(HttpStatusCode.OK);

    protected static Task<JsonNode> RegistrationAsync(HttpClient client, JsonNode registration) =>
        client.GetAsync($"/api/registrations/{registration.Id()}").ExpectAsync(HttpStatusCode.OK);

    protected async Task<JsonNode> ScanAsync(string token, Guid? remotePointId = null) =>
        await (await DoorAsync()).PostJsonAsync("/api/checkin/scans", new { token, remotePointId, doorId = "Cửa chính" }).ExpectAsync(HttpStatusCode.OK);

    /// <summary>Moves the clock to the instant (never back: the fixture's other briefings stay where they are).</summary>
    protected void ClockTo(DateTimeOffset instant)
    {
        Assert.That(instant, Is.GreaterThanOrEqualTo(Now), "the fixture clock only moves forward");
        Factory.Clock.SetUtcNow(instant);
    }

    /// <summary>Inside the briefing's door window: doors open 60 minutes before the start, this is 30 minutes before.</summary>
    protected void DoorsOpen(DateTimeOffset start) => ClockTo(start.AddMinutes(-30));

    protected static string Kind(MimeMessage m) => m.Headers[NotificationComposer.KindHeader] ?? string.Empty;

    protected static string Language(MimeMessage m) => m.Body?.Headers[HeaderId.ContentLanguage] ?? string.Empty;

    protected static string[] AttachmentNames(MimeMessage m) =>
        m.Attachments.OfType<MimePart>().Select(a => a.FileName ?? string.Empty).Order(StringComparer.Ordinal).ToArray();

    protected static byte[] Attachment(MimeMessage m, string fileName)
    {
        var part = m.Attachments.OfType<MimePart>().Single(a => a.FileName == fileName);
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    protected static string ContentType(MimeMessage m, string fileName) =>
        m.Attachments.OfType<MimePart>().Single(a => a.FileName == fileName).ContentType.MimeType;

    /// <summary>What a door's camera would read from the QR picture attached to the e-mail (zbarimg).</summary>
    protected string DecodeQr(byte[] png)
    {
        var zbarimg = new[] { "/usr/bin/zbarimg", "/usr/local/bin/zbarimg" }.FirstOrDefault(File.Exists);
        if (zbarimg is null)
        {
            const string message = "install with: apt-get install -y zbar-tools";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            {
                Assert.Fail(message);
            }

            Assert.Inconclusive(message);
        }

        Assert.That(png[..8], Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "a PNG picture");
        var file = Path.Combine(Factory.Directory, $"qr-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(file, png);
        using var process = Process.Start(new ProcessStartInfo(zbarimg!, ["--raw", "-q", file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, process.StandardError.ReadToEnd());
        Assert.That(output, Does.EndWith("\n"));
        return output[..^1]; // zbarimg adds one newline; the token may itself end in a space
    }

    protected static string Hanoi(DateTimeOffset instant, string culture = "vi") =>
        instant.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm, dddd dd/MM/yyyy", CultureInfo.GetCultureInfo(culture));

    protected static DateTimeOffset Instant(JsonNode node, string name) => DateTimeOffset.Parse(node.Str(name), CultureInfo.InvariantCulture);
}
