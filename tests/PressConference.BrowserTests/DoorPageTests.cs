using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PressConference.Api.CheckIn;
using PressConference.Api.Passes;
using PressConference.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace PressConference.BrowserTests;

/// <summary>
/// The door-staff page at /door in a real headless Chromium against the real service on a loopback port: what a
/// member of the door staff sees on the phone.
/// </summary>
public sealed class DoorPageTests
{
    private TestHost _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private HttpClient _admin = null!;
    private (string Email, string Password) _doorStaff;
    private TestData _data = null!;
    private TestBriefing _briefing = null!;
    private Guid BriefingId => _briefing.Id;

    /// <summary>When set, each verdict screen is saved there as a PNG (to judge the design; never committed).</summary>
    private static readonly string? ScreenshotFolder = Environment.GetEnvironmentVariable("DOOR_SCREENSHOTS");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Chromium.ExecutableOrSkip();
        _server = new TestHost(loopback: true);
        _admin = await _server.SignInAdminAsync();
        _doorStaff = await _admin.CreateStaffAsync("DoorStaff");
        _data = new TestData(_admin, _server.Clock);
        _briefing = await _data.BriefingAsync(_data.At(1, 10), title: "Họp báo thường kỳ tháng 11 về tình hình kinh tế - xã hội");
        // Doors open an hour before the start by default: stand at the door ten minutes after they open.
        _server.Clock.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(_briefing.DoorsOpenAt, DateTimeKind.Utc)).AddMinutes(10));
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _admin?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Test]
    public async Task The_page_is_served_anonymously_with_its_QR_decoder_and_a_strict_content_security_policy()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.BaseAddress };
        using var redirect = await anonymous.GetAsync("door");
        using var page = await anonymous.GetAsync("door/");
        using var decoder = await anonymous.GetAsync("door/vendor/jsQR.js");
        using var missing = await anonymous.GetAsync("door/nothing-here.js");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(redirect.StatusCode, Is.EqualTo(HttpStatusCode.MovedPermanently));
            Assert.That(redirect.Headers.Location!.AbsolutePath, Is.EqualTo("/door/"));
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("Soát vé họp báo").And.Contain("lang=\"vi\""));
            Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self'").And.Contain("connect-src 'self'"));
            Assert.That(decoder.StatusCode, Is.EqualTo(HttpStatusCode.OK),
                "jsQR is copied from door-app/node_modules at build: is npm installed? (see PressConference.Api.csproj)");
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a wrong file name is 404, not the API's 401");
        });
    }

    [Test]
    public async Task A_valid_pass_is_admitted_a_second_scan_is_already_checked_in_and_forged_or_foreign_passes_are_refused()
    {
        var pass = await _server.IssuePassAsync(BriefingId, "Nguyễn Thị Mai Hương", "Báo Hà Nội Mới");
        var other = await _data.BriefingAsync(_data.At(2, 10), title: "Họp báo chuyên đề giao thông");
        var foreign = await _server.IssuePassAsync(other.Id, "Trần Văn Bình", "Đài Phát thanh và Truyền hình Hà Nội");
        await using var context = await NewPhoneAsync();
        var page = await context.NewPageAsync();
        await SignInAndChooseAsync(page);

        await ScanAsync(page, pass.Token, 1);
        await ExpectVerdictAsync(page, "Admitted", "MỜI VÀO", "Nguyễn Thị Mai Hương");
        await Expect(page.Locator("#verdict-outlet")).ToHaveTextAsync("Báo Hà Nội Mới");
        await Expect(page.Locator("#admitted-count")).ToHaveTextAsync("1");
        await ShotAsync(page, "1-admitted");

        await ScanAsync(page, pass.Token, 2);
        await ExpectVerdictAsync(page, "AlreadyCheckedIn", "ĐÃ VÀO RỒI", "Nguyễn Thị Mai Hương");
        await Expect(page.Locator("#verdict-detail")).ToContainTextAsync("Đã soát lúc");
        await Expect(page.Locator("#admitted-count")).ToHaveTextAsync("1");
        await ShotAsync(page, "2-already");

        await ScanAsync(page, DoorApi.Forge(pass.Token), 3);
        await ExpectVerdictAsync(page, "Refused", "TỪ CHỐI", "");
        await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-reason", "InvalidSignature");
        await Expect(page.Locator("#verdict-detail")).ToHaveTextAsync("Chữ ký không hợp lệ — thẻ có thể bị làm giả");
        await ShotAsync(page, "3-refused-forged");

        await ScanAsync(page, foreign.Token, 4);
        await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-reason", "WrongBriefing");
        await Expect(page.Locator("#verdict-detail")).ToHaveTextAsync("Thẻ của buổi họp báo khác");
        await Expect(page.Locator("#refused-count")).ToHaveTextAsync("2");
        await ShotAsync(page, "4-refused-wrong-briefing");

        // Signing out of a shared phone leaves no list of reporters behind (nothing was waiting to be synced).
        await page.Locator("#verdict").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đổi buổi / địa điểm" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Expect(page.Locator("#login-view")).ToBeVisibleAsync();
        var kept = await page.EvaluateAsync<string[]>("() => Object.keys(localStorage)");
        Assert.That(kept, Has.None.Contains("bundle/").And.None.Contains("admitted/").And.None.Contains("session"));

        var checkIns = await _server.WithDbAsync(db => db.CheckIns.Where(c => c.PassId == pass.Id).ToListAsync());
        Assert.That(checkIns, Has.Count.EqualTo(1), "admitted once, not twice");
        Assert.That(checkIns[0].Source, Is.EqualTo(ScanSource.Online));
    }

    [Test]
    public async Task Offline_the_page_judges_passes_itself_queues_the_scans_and_syncs_them_when_the_network_returns()
    {
        var pass = await _server.IssuePassAsync(BriefingId, "Lê Hoàng Nam", "Báo Tuổi Trẻ Thủ đô");
        await using var context = await NewPhoneAsync();
        var page = await context.NewPageAsync();
        await SignInAndChooseAsync(page);

        // The page keeps its own files for a reload without network once its service worker runs.
        await page.EvaluateAsync("() => navigator.serviceWorker.ready");
        await context.SetOfflineAsync(true);
        await Expect(page.Locator("#network")).ToHaveAttributeAsync("data-online", "false");

        await ScanAsync(page, pass.Token, 1);
        await ExpectVerdictAsync(page, "Admitted", "MỜI VÀO", "Lê Hoàng Nam");
        await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-offline", "true");
        await Expect(page.Locator("#verdict-note")).ToHaveTextAsync("Soát ngoại tuyến — sẽ đồng bộ khi có mạng");
        await ShotAsync(page, "5-admitted-offline");

        await AdvanceAsync(context, TimeSpan.FromSeconds(20));
        await ScanAsync(page, pass.Token, 2);
        await ExpectVerdictAsync(page, "AlreadyCheckedIn", "ĐÃ VÀO RỒI", "Lê Hoàng Nam");

        await AdvanceAsync(context, TimeSpan.FromSeconds(20));
        await ScanAsync(page, DoorApi.Forge(pass.Token), 3);
        await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-reason", "InvalidSignature");
        await Expect(page.Locator("#queue")).ToHaveAttributeAsync("data-waiting", "3");
        await Expect(page.Locator("#queue")).ToHaveTextAsync("Chờ đồng bộ: 3");
        await ShotAsync(page, "6-refused-offline");
        Assert.That(await _server.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.PassId == pass.Id)), Is.False,
            "nothing reached the server while offline");

        await page.Locator("#verdict").ClickAsync();
        await Expect(page.Locator("#verdict")).ToBeHiddenAsync();
        await Expect(page.Locator("#scanner-input")).ToBeFocusedAsync();
        await ShotAsync(page, "7-waiting-offline");

        // Reopened while still offline: the page comes from the device, with its queue and its admitted list.
        var reloaded = await page.ReloadAsync();
        Assert.That(reloaded?.FromServiceWorker, Is.True, "the page came from the device, not the network");
        await Expect(page.Locator("#scan-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#queue")).ToHaveAttributeAsync("data-waiting", "3");
        await AdvanceAsync(context, TimeSpan.FromSeconds(20));
        await ScanAsync(page, pass.Token, 1);
        await ExpectVerdictAsync(page, "AlreadyCheckedIn", "ĐÃ VÀO RỒI", "Lê Hoàng Nam");
        await Expect(page.Locator("#queue")).ToHaveAttributeAsync("data-waiting", "4");

        await context.SetOfflineAsync(false);
        await Expect(page.Locator("#queue")).ToHaveAttributeAsync("data-waiting", "0", new() { Timeout = 20_000 });
        await Expect(page.Locator("#network")).ToHaveAttributeAsync("data-online", "true");

        var checkIn = await _server.WithDbAsync(db => db.CheckIns.SingleAsync(c => c.PassId == pass.Id));
        Assert.That(checkIn.Source, Is.EqualTo(ScanSource.Offline));
        Assert.That(checkIn.CheckedInAt, Is.EqualTo(_server.Clock.GetUtcNow().UtcDateTime.AddSeconds(-60)).Within(TimeSpan.FromSeconds(1)),
            "the admission keeps the time the door scanned it, not the time it was synced");
        var logged = await _server.WithDbAsync(db => db.ScanLog.Where(s => s.PassId == pass.Id || s.Reason == ScanRefusal.InvalidSignature)
            .Select(s => s.Source).ToListAsync());
        Assert.That(logged.Count(s => s == ScanSource.Offline), Is.EqualTo(4), "every offline scan is logged once synced");
    }

    [Test]
    public async Task Offline_refusals_name_the_reason_in_Vietnamese_from_the_bundle_and_the_phone_clock()
    {
        var revoked = await _server.IssuePassAsync(BriefingId, "Ngô Thanh Hà", "Báo Lao Động Thủ đô");
        var cancelled = await _server.IssuePassAsync(BriefingId, "Bùi Quốc Việt", "Báo Đầu tư");
        var valid = await _server.IssuePassAsync(BriefingId, "Trịnh Mai Anh", "Báo Văn hóa");
        var other = await _data.BriefingAsync(_data.At(3, 10), title: "Họp báo chuyên đề về du lịch");
        var foreign = await _server.IssuePassAsync(other.Id, "Lý Gia Huy", "Báo Giao thông");
        await _server.RevokeAsync(revoked, PassRevocation.Revoked);
        await _server.RevokeAsync(cancelled, PassRevocation.Cancelled);
        await using var context = await NewPhoneAsync();
        var page = await context.NewPageAsync();
        await SignInAndChooseAsync(page);
        await context.SetOfflineAsync(true);
        await Expect(page.Locator("#network")).ToHaveAttributeAsync("data-online", "false");

        var expected = new (string Token, string Reason, string Text)[]
        {
            (revoked.Token, "Revoked", "Thẻ đã bị thu hồi"),
            (cancelled.Token, "Cancelled", "Đăng ký hoặc buổi họp báo đã bị hủy"),
            (foreign.Token, "WrongBriefing", "Thẻ của buổi họp báo khác"),
            ("NOT A PASS", "Malformed", "Mã không đọc được hoặc không phải thẻ họp báo"),
        };
        var sequence = 0;
        foreach (var (token, reason, text) in expected)
        {
            await ScanAsync(page, token, ++sequence);
            await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-reason", reason);
            await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-offline", "true");
            await Expect(page.Locator("#verdict-detail")).ToHaveTextAsync(text);
        }

        // The phone's clock decides the window while offline: before doors open, and at the end of the briefing.
        var doorsOpen = _briefing.DoorsOpenAt;
        await context.Clock.SetFixedTimeAsync(doorsOpen.AddMinutes(-1));
        await ScanAsync(page, valid.Token, ++sequence);
        await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-reason", "NotYetOpen");
        await Expect(page.Locator("#verdict-note")).ToHaveTextAsync("Mở cửa lúc " + doorsOpen.AddHours(7).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await ShotAsync(page, "10-not-yet-open-offline");
        await context.Clock.SetFixedTimeAsync(_briefing.EndsAt);
        await ScanAsync(page, valid.Token, ++sequence);
        await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-reason", "Closed");
        await Expect(page.Locator("#verdict-detail")).ToHaveTextAsync("Đã hết giờ soát vé");
        await Expect(page.Locator("#refused-count")).ToHaveTextAsync("6");
    }

    [Test]
    public async Task A_remote_point_door_admits_its_own_passes_and_refuses_main_venue_ones_online_and_offline()
    {
        var point = (await _data.RemotePointAsync(BriefingId, ward: "Hàng Trống")).Id;
        var local = await _server.IssuePassAsync(BriefingId, "Phạm Thu Trang", "Báo Kinh tế và Đô thị", point);
        var mainVenue = await _server.IssuePassAsync(BriefingId, "Đỗ Minh Quân", "Báo Pháp luật Thủ đô");
        var mainVenueToo = await _server.IssuePassAsync(BriefingId, "Vũ Thị Lan", "Tạp chí Người Hà Nội");
        await using var context = await NewPhoneAsync();
        var page = await context.NewPageAsync();
        await SignInAndChooseAsync(page, point);

        await ScanAsync(page, mainVenue.Token, 1);
        await ExpectVerdictAsync(page, "Refused", "TỪ CHỐI", "Đỗ Minh Quân");
        await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-reason", "WrongLocation");
        await Expect(page.Locator("#verdict-detail")).ToHaveTextAsync("Thẻ đăng ký tại địa điểm khác");
        await ShotAsync(page, "8-refused-wrong-location");

        await context.SetOfflineAsync(true);
        await Expect(page.Locator("#network")).ToHaveAttributeAsync("data-online", "false");
        await ScanAsync(page, local.Token, 2);
        await ExpectVerdictAsync(page, "Admitted", "MỜI VÀO", "Phạm Thu Trang");
        await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-offline", "true");
        await ScanAsync(page, mainVenueToo.Token, 3);
        await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-reason", "WrongLocation");
        await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-offline", "true");

        await context.SetOfflineAsync(false);
        await Expect(page.Locator("#queue")).ToHaveAttributeAsync("data-waiting", "0", new() { Timeout = 20_000 });
        var checkIn = await _server.WithDbAsync(db => db.CheckIns.SingleAsync(c => c.PassId == local.Id));
        Assert.That(checkIn.RemotePointId, Is.EqualTo(point), "admitted at the remote point's door");
        Assert.That(await _server.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.PassId == mainVenueToo.Id)), Is.False);
    }

    [Test]
    public async Task The_camera_reads_a_pass_held_up_to_it_and_the_pass_is_admitted()
    {
        var pass = await _server.IssuePassAsync(BriefingId, "Hoàng Đức Anh", "Báo Nhân Dân");
        var video = FakeCamera.WriteVideo(pass.Token, _server.Directory);
        var (playwright, browser) = await Chromium.LaunchAsync("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            $"--use-file-for-fake-video-capture={video}");
        try
        {
            await using var context = await NewPhoneAsync(browser);
            await context.GrantPermissionsAsync(["camera"]);
            var page = await context.NewPageAsync();
            await SignInAndChooseAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Bật camera" }).ClickAsync();
            await Expect(page.Locator("#camera-video")).ToBeVisibleAsync();
            await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-seq", "1", new() { Timeout = 15_000 });
            await ExpectVerdictAsync(page, "Admitted", "MỜI VÀO", "Hoàng Đức Anh");
            TestContext.Progress.WriteLine($"camera decoder: {await page.Locator("#camera-video").GetAttributeAsync("data-decoder")}");
            await page.Locator("#verdict").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tắt camera" })).ToBeVisibleAsync();
            await ShotAsync(page, "9-camera");
            await page.GetByRole(AriaRole.Button, new() { Name = "Tắt camera" }).ClickAsync();
            await Expect(page.Locator("#camera-video")).ToBeHiddenAsync();
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }

        Assert.That(await _server.WithDbAsync(db => db.CheckIns.CountAsync(c => c.PassId == pass.Id)), Is.EqualTo(1),
            "a code held in front of the camera is read many times a second but admitted once");
    }

    [Test]
    public async Task The_page_reads_and_verifies_the_worked_example_of_the_pass_format_and_refuses_every_mutation_of_it()
    {
        // docs/pass-format.md, "Worked example": the server's PassFormatExampleTests check the same values in C#.
        const string token = "V50W50+PJ2SUK-9L424X5/3E5HGERK+PJVESB92FG4TL6XS8$ZAX/CK+PP.RV+1X622KP/UG3KP/F3O8182R1HP+RI5P8XBF3D83.ER3A5TP T1*GKNVON66TAV9W0AJ1MB6HBBAAFV7GZSC7 I1DOH8NB1I$ZD25CJU3JRN%A0X2";
        var key = new { kty = "EC", crv = "P-256", kid = "1", x = "YP7UuiVanTHJYet0xjVtaMBJuJI7Yfps5mliLmDyn7Y", y = "eQP-EAi4vJmkGunpVii8ZPLxsgwtfp9Rd6PClNRGIpk" };
        await using var context = await NewPhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("door/");
        var result = await page.EvaluateAsync<JsonElement>("""
            async ({ token, key }) => {
              const pass = await import('./pass.js');
              const keys = await pass.importKeys([key]);
              const { check, pass: read } = await pass.verifyToken(token, keys);
              // Every single-character change, and every truncation, must be refused: none may come out Valid.
              const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
              const outcomes = {};
              let mutations = 0;
              for (let i = 0; i < token.length; i += 1) {
                for (const c of [alphabet[(alphabet.indexOf(token[i]) + 1) % 45], alphabet[(alphabet.indexOf(token[i]) + 17) % 45]]) {
                  const mutated = token.slice(0, i) + c + token.slice(i + 1);
                  const outcome = (await pass.verifyToken(mutated, keys)).check;
                  outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
                  mutations += 1;
                }
                const truncated = (await pass.verifyToken(token.slice(0, i), keys)).check;
                outcomes[truncated] = (outcomes[truncated] ?? 0) + 1;
                mutations += 1;
              }
              return {
                check, passId: read.passId, briefingId: read.briefingId, locationTag: read.locationTag,
                remotePointTag: pass.locationTagOf('019ad8e1-aaaa-7bbb-9ccc-dddd0e0f1011'), mainVenueTag: pass.locationTagOf(null),
                validFrom: read.validFrom.toISOString(), validUntil: read.validUntil.toISOString(), keyId: read.keyId,
                rfc: [...pass.base45Decode('BB8')].map((b) => String.fromCharCode(b)).join(''), overflow: pass.base45Decode('GGW'),
                mutations, outcomes,
              };
            }
            """, new { token, key });

        Assert.Multiple(() =>
        {
            Assert.That(result.GetProperty("check").GetString(), Is.EqualTo("Valid"));
            Assert.That(result.GetProperty("keyId").GetInt32(), Is.EqualTo(1));
            Assert.That(result.GetProperty("passId").GetString(), Is.EqualTo("019ad8f2-3c4e-7a10-9b2d-5e6f708192a3"));
            Assert.That(result.GetProperty("briefingId").GetString(), Is.EqualTo("019ad8e0-1111-7222-8333-444455556666"));
            Assert.That(result.GetProperty("locationTag").GetString(), Is.EqualTo("9cccdddd0e0f1011"));
            Assert.That(result.GetProperty("remotePointTag").GetString(), Is.EqualTo("9cccdddd0e0f1011"));
            Assert.That(result.GetProperty("mainVenueTag").GetString(), Is.EqualTo("0000000000000000"));
            Assert.That(result.GetProperty("validFrom").GetString(), Is.EqualTo("2026-12-24T07:00:00.000Z"));
            Assert.That(result.GetProperty("validUntil").GetString(), Is.EqualTo("2026-12-24T09:30:00.000Z"));
            Assert.That(result.GetProperty("rfc").GetString(), Is.EqualTo("AB"), "RFC 9285: BB8 is \"AB\"");
            Assert.That(result.GetProperty("overflow").ValueKind, Is.EqualTo(JsonValueKind.Null), "RFC 9285: GGW (65536) is invalid");
            // Playwright marks objects with "$id" (its reference tracking): not an outcome.
            var outcomes = result.GetProperty("outcomes").EnumerateObject().Where(o => !o.Name.StartsWith('$'))
                .ToDictionary(o => o.Name, o => o.Value.GetInt32());
            Assert.That(outcomes.Keys, Does.Not.Contain("Valid"));
            Assert.That(outcomes.Values.Sum(), Is.EqualTo(result.GetProperty("mutations").GetInt32()).And.GreaterThan(500));
            Assert.That(outcomes.Keys, Is.SupersetOf(new[] { "Malformed", "InvalidSignature", "UnknownKey" }));
        });
    }

    [Test]
    public async Task Online_a_pass_refused_before_its_doors_open_says_the_day_and_the_time_they_open()
    {
        // Online the pass row decides (a moved briefing's printed pass): this one's row opens the doors tomorrow.
        var pass = await _server.IssuePassAsync(BriefingId, "Hoàng Thu Thủy", "Báo Lao Động");
        var opens = _server.Clock.GetUtcNow().UtcDateTime.AddDays(1);
        await _server.WithDbAsync(db => db.Passes.Where(p => p.Id == pass.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ValidFrom, opens)));
        await using var context = await NewPhoneAsync();
        var page = await context.NewPageAsync();
        await SignInAndChooseAsync(page);

        await ScanAsync(page, pass.Token, 1);
        await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-reason", "NotYetOpen");
        await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-offline", "false");
        await Expect(page.Locator("#verdict-detail")).ToHaveTextAsync("Chưa đến giờ mở cửa");
        await Expect(page.Locator("#verdict-note")).ToHaveTextAsync(
            "Mở cửa lúc " + opens.AddHours(7).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    private Task<IBrowserContext> NewPhoneAsync() => NewPhoneAsync(_browser);

    private async Task<IBrowserContext> NewPhoneAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 412, Height = 860 },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        // What the page logs or throws is in the test output: the first place to look when a step times out.
        context.Page += (_, page) =>
        {
            page.Console += (_, message) => TestContext.Progress.WriteLine($"[browser {message.Type}] {message.Text}");
            page.PageError += (_, error) => TestContext.Progress.WriteLine($"[browser error] {error}");
            page.Response += (_, response) =>
            {
                if (response.Status >= 400)
                {
                    TestContext.Progress.WriteLine($"[browser http] {response.Status} {response.Request.Method} {response.Url}");
                }
            };
        };
        // The page's clock is the server's fake one: "now" decides the briefing list and the offline window check.
        await context.Clock.SetFixedTimeAsync(_server.Clock.GetUtcNow().UtcDateTime);
        return context;
    }

    /// <summary>Time passes for the service and the phone alike.</summary>
    private async Task AdvanceAsync(IBrowserContext context, TimeSpan by)
    {
        _server.Clock.Advance(by);
        await context.Clock.SetFixedTimeAsync(_server.Clock.GetUtcNow().UtcDateTime);
    }

    private async Task SignInAndChooseAsync(IPage page, Guid? remotePointId = null)
    {
        await page.GotoAsync("door/");
        await page.Locator("#email").FillAsync(_doorStaff.Email);
        await page.Locator("#password").FillAsync(_doorStaff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.Locator("#setup-view")).ToBeVisibleAsync();
        await page.Locator("#briefing").SelectOptionAsync(BriefingId.ToString());
        await Expect(page.Locator("#location option")).Not.ToHaveCountAsync(0);
        await page.Locator("#location").SelectOptionAsync(remotePointId is { } point ? point.ToString() : "main");
        await page.Locator("#door-name").FillAsync("Cửa A");
        await ShotAsync(page, "0-setup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu soát vé" }).ClickAsync();
        await Expect(page.Locator("#scan-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#bundle-status")).ToContainTextAsync("Dữ liệu ngoại tuyến:");
        await Expect(page.Locator("#scanner-input")).ToBeFocusedAsync();
    }

    /// <summary>What a handheld scanner does: types the token into the focused input and ends with Enter.</summary>
    private static async Task ScanAsync(IPage page, string token, int sequence)
    {
        var input = page.Locator("#scanner-input");
        await input.FillAsync(token);
        await input.PressAsync("Enter");
        await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-seq", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task ExpectVerdictAsync(IPage page, string result, string headline, string name)
    {
        var verdict = page.Locator("#verdict");
        await Expect(verdict).ToBeVisibleAsync();
        await Expect(verdict).ToHaveAttributeAsync("data-result", result);
        await Expect(page.Locator("#verdict-headline")).ToHaveTextAsync(headline);
        await Expect(page.Locator("#verdict-name")).ToHaveTextAsync(name);
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        if (ScreenshotFolder is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), Animations = ScreenshotAnimations.Disabled });
        }
    }
}
