using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.Infrastructure;
using PressConference.Tests.Support;

namespace PressConference.Tests.Incidents;

public sealed class IncidentTests : AccreditationTest
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1];
    private Guid _outlet;
    private HttpClient _door = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _outlet = await OutletAsync("Báo Pháp Luật Thủ Đô");
        _door = await CreateUserClientAsync("DoorStaff");
    }

    [OneTimeTearDown]
    public void DisposeDoor() => _door.Dispose();

    private static MultipartFormDataContent File(byte[] bytes, string name)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", name);
        return content;
    }

    [Test]
    public async Task Door_staff_record_an_incident_by_the_stated_name_and_organizers_read_it()
    {
        var incident = await _door.PostJsonAsync("/api/incidents", new
        {
            kind = "ForgedCredential", personName = "Trần Văn Giả", outletName = "Tạp chí Điều Tra Tự Do", description = "Xuất trình thẻ nhà báo có dấu hiệu làm giả.",
            occurredAt = Local(0, 8, 30), place = "Cửa vào hội trường tầng 2",
        }).ExpectAsync(HttpStatusCode.Created);
        Assert.That((incident.Str("kind"), incident.Str("personName"), incident["credentialBlocked"]!.GetValue<bool>()),
            Is.EqualTo(("ForgedCredential", "Trần Văn Giả", false)));
        var read = await Organizer.GetAsync($"/api/incidents/{incident.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(read.Str("place"), Is.EqualTo("Cửa vào hội trường tầng 2"));
        await Reporter.PostJsonAsync("/api/incidents", new { kind = "Other", personName = "A", description = "B" }).ExpectAsync(HttpStatusCode.Forbidden);
        await _door.GetAsync("/api/incidents").ExpectAsync(HttpStatusCode.Forbidden);
        var missing = await _door.PostJsonAsync("/api/incidents", new { kind = "Other", description = "Không rõ" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(missing.FieldErrors("personName"), Is.EqualTo(new[] { "Cần tên người liên quan (hoặc mã đăng ký, mã giấy tờ)." }));
    }

    [Test]
    public async Task An_incident_that_blocks_a_credential_sends_its_open_registrations_to_review_and_later_registrations_are_rejected()
    {
        var reporter = await QuickReporterAsync("Phùng Văn Mượn");
        var card = await CardAsync(reporter, "Phùng Văn Mượn", _outlet);
        var briefing = (await Data.BriefingAsync(capacity: 1)).Id;
        var registration = await RegisterAsync(reporter, briefing, card);
        var waiting = await QuickReporterAsync("Lê Chờ");
        var queued = await RegisterAsync(waiting, briefing, await CardAsync(waiting, "Lê Chờ", _outlet));
        Assert.That((Status(registration), Status(queued)), Is.EqualTo(("Approved", "Waitlisted")));

        // Blocking reaches the reporter's registrations at every briefing: an organizer's decision (door staff record, see ReviewFixTests).
        var incident = await Organizer.PostJsonAsync("/api/incidents", new
        {
            kind = "BorrowedCredential", registrationId = registration.Id(), description = "Người xuất trình không phải chủ thẻ.", blockCredential = true,
        }).ExpectAsync(HttpStatusCode.Created);
        Assert.That((incident.Str("personName"), incident.Str("outletName")), Is.EqualTo(("Phùng Văn Mượn", "Báo Pháp Luật Thủ Đô")));

        var moved = await reporter.GetAsync($"/api/registrations/{registration.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(Status(moved), Is.EqualTo("PendingReview"));
        Assert.That(Codes(moved), Does.Contain("CredentialBlocked"));
        Assert.That((await Organizer.GetAsync($"/api/credentials/{card}").ExpectAsync(HttpStatusCode.OK))["blocked"]!.GetValue<bool>(), Is.True);

        var other = (await Data.BriefingAsync()).Id;
        var again = await RegisterAsync(reporter, other, card);
        Assert.That((Status(again), Codes(again)), Is.EqualTo(("Rejected", new[] { "CredentialBlocked" })));
        var unblocked = await RegisterAsync(reporter, other, await CardAsync(reporter, "Phùng Văn Mượn", _outlet));
        Assert.That(Codes(unblocked), Does.Not.Contain("CredentialBlocked"));
    }

    [Test]
    public async Task Blocking_needs_a_credential()
    {
        var problem = await _door.PostJsonAsync("/api/incidents", new { kind = "Harassment", personName = "Ai Đó", description = "Gây rối", blockCredential = true })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldErrors("blockCredential"), Is.EqualTo(new[] { "Không có giấy tờ nào để khóa; hãy gửi registrationId hoặc credentialId." }));
    }

    [Test]
    public async Task Evidence_has_the_scan_limits_and_is_listed_in_the_hotline_report_without_photo_ids()
    {
        var reporter = await QuickReporterAsync("Kiều Thư");
        var letter = await LetterAsync(reporter, "Kiều Thư", _outlet, HostAgency, Day(0), Day(30));
        var photoId = (await reporter.GetAsync($"/api/credentials/{letter}").ExpectAsync(HttpStatusCode.OK)).Str("photoIdNumber");
        var incident = await _door.PostJsonAsync("/api/incidents", new
        {
            kind = "ExpiredCredential", credentialId = letter, description = "Giấy giới thiệu đã hết hạn | bị sửa ngày.", place = "Cổng chính",
        }).ExpectAsync(HttpStatusCode.Created);

        var evidence = await _door.PostAsync($"/api/incidents/{incident.Id()}/evidence", File(Jpeg, "anh-chup-giay.jpg")).ExpectAsync(HttpStatusCode.Created);
        Assert.That((evidence.Str("contentType"), evidence["size"]!.GetValue<long>()), Is.EqualTo(("image/jpeg", (long)Jpeg.Length)));
        var exe = await _door.PostAsync($"/api/incidents/{incident.Id()}/evidence", File([.. "MZ"u8, 0x90, 0], "anh.jpg")).ExpectAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.That(exe.Str("code"), Is.EqualTo("UnsupportedFileType"));
        using (var download = await Organizer.GetAsync($"/api/incidents/{incident.Id()}/evidence/{evidence.Id()}"))
        {
            Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(Jpeg));
        }

        using var response = await Organizer.GetAsync($"/api/incidents/{incident.Id()}/report");
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/markdown"));
        var report = await response.Content.ReadAsStringAsync();
        Assert.That(report, Does.Contain("0865.28.28.28").And.Contain("Cục Báo chí"));
        Assert.That(report, Does.Contain("anh-chup-giay.jpg").And.Contain(evidence.Str("sha256")));
        Assert.That(report, Does.Contain("Kiều Thư").And.Contain("sử dụng giấy tờ hết hạn").And.Contain("Giấy giới thiệu số"));
        Assert.That(report, Does.Not.Contain(photoId));
        Assert.That(report, Does.Contain("hết hạn \\| bị sửa").Or.Contain("hết hạn | bị sửa"));
        await _door.GetAsync($"/api/incidents/{incident.Id()}/report").ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task The_report_is_in_english_on_request()
    {
        var incident = await Organizer.PostJsonAsync("/api/incidents", new { kind = "Harassment", personName = "Vô Danh", description = "Quấy rối cán bộ." })
            .ExpectAsync(HttpStatusCode.Created);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/incidents/{incident.Id()}/report");
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var response = await Organizer.SendAsync(request);
        var report = await response.Content.ReadAsStringAsync();
        Assert.That(report, Does.StartWith("# Report of a misuse of press credentials").And.Contain("None yet."));
    }

    [Test]
    public async Task Only_an_organizer_blocks_a_credential_through_an_incident_door_staff_asking_to_block_are_refused_and_nothing_is_recorded()
    {
        var briefing = (await Data.BriefingAsync()).Id;
        var reporter = await QuickReporterAsync("Quách Văn Mượn");
        var card = await CardAsync(reporter, "Quách Văn Mượn", _outlet);
        var registration = await RegisterAsync(reporter, briefing, card);
        Assert.That(Status(registration), Is.EqualTo("Approved"));
        var request = new
        {
            kind = "BorrowedCredential", registrationId = registration.Id(), description = "Người xuất trình không phải chủ thẻ.", blockCredential = true,
        };

        var refused = await _door.PostJsonAsync("/api/incidents", request).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(refused.Str("code"), Is.EqualTo("ValidationFailed"));
        Assert.That(refused["errors"]!["blockCredential"]!.AsArray().Select(e => e!.GetValue<string>()),
            Is.EqualTo(new[] { Texts.Get(CultureInfo.GetCultureInfo("vi"), "incident.blockOrganizersOnly") }));
        Assert.That(await WithDbAsync(db => db.Incidents.CountAsync(i => i.CredentialId == card)), Is.Zero, "a refused request records no incident");
        Assert.That((await Organizer.GetAsync($"/api/credentials/{card}").ExpectAsync(HttpStatusCode.OK))["blocked"]!.GetValue<bool>(), Is.False);
        Assert.That(Status(await reporter.GetAsync($"/api/registrations/{registration.Id()}").ExpectAsync(HttpStatusCode.OK)), Is.EqualTo("Approved"));

        // Without blocking, the door records the incident as before.
        await _door.PostJsonAsync("/api/incidents", request with { blockCredential = false }).ExpectAsync(HttpStatusCode.Created);

        var blocked = await Organizer.PostJsonAsync("/api/incidents", request).ExpectAsync(HttpStatusCode.Created);
        Assert.That(blocked["credentialBlocked"]!.GetValue<bool>(), Is.True);
        Assert.That((await Organizer.GetAsync($"/api/credentials/{card}").ExpectAsync(HttpStatusCode.OK))["blocked"]!.GetValue<bool>(), Is.True);
        Assert.That(Status(await reporter.GetAsync($"/api/registrations/{registration.Id()}").ExpectAsync(HttpStatusCode.OK)), Is.EqualTo("PendingReview"));
    }
}
