using System.Diagnostics;
using System.Net;
using PressConference.Api.Passes;
using PressConference.Tests.Support;

namespace PressConference.Tests.Passes;

public sealed class PassEndpointTests : PassTest
{
    [Test]
    public async Task The_owner_gets_the_pass_with_token_briefing_location_names_and_window()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay(), title: "Họp báo thường kỳ tháng 12");
        var pass = await IssueAsync(briefing.Id, reporterName: "Nguyễn Thị Mai Hương", outletName: "Báo Hà Nội Mới");
        var body = await Reporter.GetAsync($"/api/registrations/{pass.RegistrationId}/pass").ExpectAsync(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(body.Str("token"), Is.EqualTo(pass.Token));
            Assert.That(body["passId"]!.GetValue<Guid>(), Is.EqualTo(pass.PassId));
            Assert.That(body["briefing"]!.Str("title"), Is.EqualTo("Họp báo thường kỳ tháng 12"));
            Assert.That(body["briefing"]!["id"]!.GetValue<Guid>(), Is.EqualTo(briefing.Id));
            Assert.That(body.Str("location"), Does.StartWith("Hội trường"));
            Assert.That(body["remotePointId"], Is.Null);
            Assert.That(body.Str("reporterName"), Is.EqualTo("Nguyễn Thị Mai Hương"));
            Assert.That(body.Str("outletName"), Is.EqualTo("Báo Hà Nội Mới"));
            Assert.That(TestData.Utc(body.Str("validFrom")), Is.EqualTo(briefing.DoorsOpenAt));
            Assert.That(TestData.Utc(body.Str("validUntil")), Is.EqualTo(briefing.EndsAt));
            Assert.That(body.Str("localValidFrom"), Does.EndWith("+07:00"));
            Assert.That(body.Str("status"), Is.EqualTo("Valid"));
        });
    }

    [Test]
    public async Task Organizers_see_any_pass_and_other_reporters_are_told_it_does_not_exist()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        await Organizer.GetAsync($"/api/registrations/{pass.RegistrationId}/pass").ExpectAsync(HttpStatusCode.OK);
        using var stranger = await CreateReporterClientAsync("Hoàng Văn Nam");
        foreach (var suffix in new[] { "pass", "pass.png", "pass.svg", "pass.html" })
        {
            var problem = await stranger.GetAsync($"/api/registrations/{pass.RegistrationId}/{suffix}").ExpectAsync(HttpStatusCode.NotFound);
            Assert.That(problem.Str("detail"), Is.EqualTo("Không tìm thấy thẻ dự họp báo."));
            await Anonymous.GetAsync($"/api/registrations/{pass.RegistrationId}/{suffix}").ExpectAsync(HttpStatusCode.Unauthorized);
        }

        await Reporter.GetAsync($"/api/registrations/{Guid.NewGuid()}/pass").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_PNG_decoded_by_zbarimg_gives_exactly_the_token_which_is_then_admitted()
    {
        var zbarimg = new[] { "/usr/bin/zbarimg", "/usr/local/bin/zbarimg" }.FirstOrDefault(File.Exists);
        if (zbarimg is null)
        {
            MissingTool("zbar-tools");
            return;
        }

        var briefing = await Data.BriefingAsync(Data.NextDay());
        var point = (await Data.RemotePointAsync(briefing.Id)).Id;
        var pass = await IssueAsync(briefing.Id, point);
        using var response = await Reporter.GetAsync($"/api/registrations/{pass.RegistrationId}/pass.png");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.That(png[..8], Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));

        var file = Path.Combine(Factory.Directory, $"pass-{pass.PassId}.png");
        await File.WriteAllBytesAsync(file, png);
        using var process = Process.Start(new ProcessStartInfo(zbarimg, ["--raw", "-q", file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, await process.StandardError.ReadToEndAsync());
        // zbarimg ends its line with one newline; the token itself may end in a space, so nothing else is trimmed.
        Assert.That(output.EndsWith('\n'), Is.True);
        var decoded = output[..^1];
        Assert.That(decoded, Is.EqualTo(pass.Token));

        DoorsOpen(briefing);
        var scan = await ScanAsync(await DoorAsync(), decoded, remotePointId: point);
        Assert.That(scan.Str("result"), Is.EqualTo("Admitted"));
    }

    [Test]
    public async Task The_SVG_is_a_QR_image_of_the_pass()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        using var response = await Reporter.GetAsync($"/api/registrations/{pass.RegistrationId}/pass.svg");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/svg+xml"));
        var svg = await response.Content.ReadAsStringAsync();
        Assert.That(svg, Does.Contain("<svg").And.Contain("</svg>"));
    }

    [Test]
    public async Task The_printable_pass_is_an_A6_page_in_Vietnamese_with_an_inline_QR_and_escaped_names()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay(), title: "Họp báo về <dự án> đường sắt đô thị");
        var point = (await Data.RemotePointAsync(briefing.Id)).Id;
        var pass = await IssueAsync(briefing.Id, point, reporterName: "Đặng Thu <Hà>", outletName: "Báo Tuổi Trẻ & Đời Sống");
        using var response = await Reporter.GetAsync($"/api/registrations/{pass.RegistrationId}/pass.html");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.ToString(), Does.StartWith("text/html").And.Contain("utf-8"));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'none'"));
        var html = await response.Content.ReadAsStringAsync();
        if (Environment.GetEnvironmentVariable("PASS_HTML_DUMP") is { Length: > 0 } folder)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "pass.html"), html); // for a look at the printed design
        }

        var local = briefing.StartsAt.AddHours(7);
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<html lang=\"vi\">"));
            Assert.That(html, Does.Contain("size: A6"));
            Assert.That(html, Does.Contain("<svg"), "the QR code is inline");
            Assert.That(html, Does.Contain("Thẻ dự họp báo"));
            Assert.That(html, Does.Contain("Đặng Thu &lt;Hà&gt;").And.Not.Contain("<Hà>"));
            Assert.That(html, Does.Contain("Báo Tuổi Trẻ &amp; Đời Sống"));
            Assert.That(html, Does.Contain("Họp báo về &lt;dự án&gt; đường sắt đô thị"));
            Assert.That(html, Does.Contain("Điểm cầu"));
            Assert.That(html, Does.Contain($"09:00, {Weekday(local.DayOfWeek)} ngày {local:dd/MM/yyyy} – 10:30"));
            Assert.That(html, Does.Contain("Mở cửa đón khách</dt><dd>08:00"));
            Assert.That(html, Does.Not.Contain("<script"));
        });
    }

    [Test]
    public async Task A_revoked_pass_says_so_and_is_not_rendered_for_printing()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        await RevokeAsync(pass.RegistrationId, PassRevocation.Revoked);
        var body = await Reporter.GetAsync($"/api/registrations/{pass.RegistrationId}/pass").ExpectAsync(HttpStatusCode.OK);
        Assert.That(body.Str("status"), Is.EqualTo("Revoked"));
        foreach (var suffix in new[] { "pass.png", "pass.svg", "pass.html" })
        {
            var problem = await Reporter.GetAsync($"/api/registrations/{pass.RegistrationId}/{suffix}").ExpectAsync(HttpStatusCode.Conflict);
            Assert.That(problem.Str("code"), Is.EqualTo("PassRevoked"));
        }
    }

    [Test]
    public async Task Issuing_again_for_a_revoked_registration_reinstates_the_same_pass_with_a_new_signature()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        await RevokeAsync(pass.RegistrationId, PassRevocation.Cancelled);
        var again = await IssueAsync(briefing.Id, registrationId: pass.RegistrationId);
        Assert.That(again.PassId, Is.EqualTo(pass.PassId));
        Assert.That(again.Token, Is.Not.EqualTo(pass.Token));
        var body = await Reporter.GetAsync($"/api/registrations/{pass.RegistrationId}/pass").ExpectAsync(HttpStatusCode.OK);
        Assert.That(body.Str("status"), Is.EqualTo("Valid"));
        DoorsOpen(briefing);
        Assert.That((await ScanAsync(await DoorAsync(), again.Token)).Str("result"), Is.EqualTo("Admitted"));
    }

    [Test]
    public async Task Rescheduling_a_briefing_re_signs_its_live_passes_with_the_new_window()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var live = await IssueAsync(briefing.Id);
        var revoked = await IssueAsync(briefing.Id, reporterName: "Vũ Đức Anh");
        await RevokeAsync(revoked.RegistrationId, PassRevocation.Revoked);
        var newStart = briefing.StartsAt.AddDays(1).AddHours(5);
        await Organizer.PostJsonAsync($"/api/briefings/{briefing.Id}/reschedule", new { startsAt = newStart, reason = "Trùng lịch họp" })
            .ExpectAsync(HttpStatusCode.OK);

        var body = await Reporter.GetAsync($"/api/registrations/{live.RegistrationId}/pass").ExpectAsync(HttpStatusCode.OK);
        Assert.That(TestData.Utc(body.Str("validFrom")), Is.EqualTo(newStart.AddMinutes(-60)));
        Assert.That(TestData.Utc(body.Str("validUntil")), Is.EqualTo(newStart.AddMinutes(90)));
        Assert.That(body.Str("token"), Is.Not.EqualTo(live.Token));
        Assert.That(PassTokenFormat.TryRead(body.Str("token"), out var payload, out _, out _), Is.True);
        Assert.That(payload.ValidFrom, Is.EqualTo(newStart.AddMinutes(-60)));
        var stillRevoked = await Reporter.GetAsync($"/api/registrations/{revoked.RegistrationId}/pass").ExpectAsync(HttpStatusCode.OK);
        Assert.That(stillRevoked.Str("status"), Is.EqualTo("Revoked"));

        var door = await DoorAsync();
        ClockTo(briefing.StartsAt);
        Assert.That((await ScanAsync(door, live.Token)).Str("reason"), Is.EqualTo("NotYetOpen"), "the old time is no longer the window");
        ClockTo(newStart);
        Assert.That((await ScanAsync(door, live.Token)).Str("result"), Is.EqualTo("Admitted"), "a printed old pass works at the new time");
    }

    [Test]
    public async Task Cancelling_a_briefing_cancels_its_passes()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        await Organizer.PostJsonAsync($"/api/briefings/{briefing.Id}/cancel", new { reason = "Thay đổi kế hoạch" }).ExpectAsync(HttpStatusCode.OK);
        var body = await Reporter.GetAsync($"/api/registrations/{pass.RegistrationId}/pass").ExpectAsync(HttpStatusCode.OK);
        Assert.That(body.Str("status"), Is.EqualTo("Cancelled"));
        DoorsOpen(briefing);
        Assert.That((await ScanAsync(await DoorAsync(), pass.Token)).Str("reason"), Is.EqualTo("Cancelled"));
    }

    private static string Weekday(DayOfWeek day) =>
        new[] { "Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy" }[(int)day];

    private static void MissingTool(string package)
    {
        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
        {
            Assert.Fail($"zbarimg is missing; install with: apt-get install -y {package}");
        }

        Assert.Inconclusive($"install with: apt-get install -y {package}");
    }
}
