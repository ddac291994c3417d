using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PressConference.Api.Demo;
using PressConference.Tests.Support;

namespace PressConference.Tests.Accreditation;

/// <summary>The profile, press cards and introduction letters, revocations, and the scans with their limits.</summary>
public sealed class CredentialTests : AccreditationTest
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Exe = [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];
    private Guid _outlet;

    [OneTimeSetUp]
    public async Task CreateOutletAsync() => _outlet = await OutletAsync("Báo Thời Báo Hà Thành");

    private static MultipartFormDataContent File(byte[] bytes, string name, string contentType)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "file", name);
        return content;
    }

    [Test]
    public async Task A_reporter_reads_and_updates_the_profile_that_credentials_are_matched_against()
    {
        var reporter = await CreateReporterClientAsync("Nguyễn Văn Ánh");
        var profile = await reporter.GetAsync("/api/me/profile").ExpectAsync(HttpStatusCode.OK);
        Assert.That((profile.Str("fullName"), profile.Str("preferredLanguage")), Is.EqualTo(("Nguyễn Văn Ánh", "vi")));

        var updated = await reporter.PutJsonAsync("/api/me/profile", new { fullName = "Nguyễn Văn Anh", penName = "Anh Nguyên", phone = "0912 345 678", preferredLanguage = "en" })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.That((updated.Str("fullName"), updated.Str("penName"), updated.Str("phone"), updated.Str("preferredLanguage")),
            Is.EqualTo(("Nguyễn Văn Anh", "Anh Nguyên", "0912 345 678", "en")));

        var bad = await reporter.PutJsonAsync("/api/me/profile", new { fullName = "", preferredLanguage = "fr" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(bad.Str("code"), Is.EqualTo("ValidationFailed"));
        Assert.That(bad["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "fullName", "preferredLanguage" }));
        await Anonymous.GetAsync("/api/me/profile").ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_press_card_is_stored_with_every_field_and_listed_for_its_owner()
    {
        var reporter = await QuickReporterAsync("Lâm Thị Hoa");
        var created = await reporter.PostJsonAsync("/api/me/credentials", new
        {
            type = "PressCard", number = "026123", holderName = "Lâm Thị Hoa", penName = "Lâm Hoa", birthYear = 1990, outletId = _outlet,
            issuedOn = "2026-01-20", expiresOn = "2031-01-19",
        }).ExpectAsync(HttpStatusCode.Created);
        Assert.That((created.Str("type"), created.Str("number"), created.Str("expiresOn"), created.Str("outletName")),
            Is.EqualTo(("PressCard", "026123", "2031-01-19", "Báo Thời Báo Hà Thành")));
        var mine = (await reporter.GetAsync("/api/me/credentials").ExpectAsync(HttpStatusCode.OK)).AsArray();
        Assert.That(mine.Select(c => c!.Id()), Is.EqualTo(new[] { created.Id() }));
    }

    [Test]
    public async Task An_introduction_letter_keeps_its_photo_id_for_the_owner_and_organizers_only()
    {
        var reporter = await QuickReporterAsync("Tạ Quang Bửu");
        var letter = await reporter.PostJsonAsync("/api/me/credentials", new
        {
            type = "IntroductionLetter", outletId = _outlet, letterNumber = "45/GGT-TB", letterDate = "2026-11-20", reporterName = "Tạ Quang Bửu",
            penName = "Quang Bửu", position = "Phóng viên", addressedTo = HostAgency, purpose = "Đưa tin họp báo thường kỳ", validFrom = "2026-11-20",
            validUntil = "2026-12-31", signerName = "Phan Văn Khải", signerTitle = "Tổng Biên tập", photoIdNumber = "001090012345",
        }).ExpectAsync(HttpStatusCode.Created);
        Assert.That((letter.Str("reporterName"), letter.Str("photoIdNumber")), Is.EqualTo(("Tạ Quang Bửu", "001090012345")));

        var other = await QuickReporterAsync("Người Khác");
        await other.GetAsync($"/api/credentials/{letter.Id()}").ExpectAsync(HttpStatusCode.NotFound);
        var forOrganizer = await Organizer.GetAsync($"/api/credentials/{letter.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(forOrganizer.Str("photoIdNumber"), Is.EqualTo("001090012345"));
    }

    [Test]
    public async Task Each_kind_of_credential_names_its_missing_fields()
    {
        var card = await Reporter.PostJsonAsync("/api/me/credentials", new { type = "PressCard" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(card.Str("code"), Is.EqualTo("ValidationFailed"));
        Assert.That(card["errors"]!.AsObject().Select(e => e.Key),
            Is.SupersetOf(new[] { "outletId", "number", "holderName", "birthYear", "issuedOn", "expiresOn" }));
        var letter = await Reporter.PostJsonAsync("/api/me/credentials", new { type = "IntroductionLetter" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(letter.Str("code"), Is.EqualTo("ValidationFailed"));
        Assert.That(letter["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[]
        {
            "outletId", "letterNumber", "letterDate", "reporterName", "addressedTo", "validFrom", "validUntil", "signerName", "signerTitle", "photoIdNumber",
        }));
        var none = await Reporter.PostJsonAsync("/api/me/credentials", new { }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(none.FieldErrors("type"), Is.EqualTo(new[] { "'type' phải có giá trị." }));
    }

    [Test]
    public async Task A_card_number_of_any_shape_within_length_and_character_class_is_accepted()
    {
        var reporter = await QuickReporterAsync("Mai Anh");
        await CardAsync(reporter, "Mai Anh", _outlet, number: "HN-2026/00042");
        var tooLong = await reporter.PostJsonAsync("/api/me/credentials", Builders.PressCard(F, "Mai Anh", _outlet, new DateOnly(2026, 2, 1), number: new string('1', 21)))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(tooLong.FieldErrors("number"), Is.EqualTo(new[] { "Độ dài tối đa của 'number' phải là 20 kí tự hoặc ít hơn. Bạn đã nhập 21 kí tự." }));
        var symbols = await reporter.PostJsonAsync("/api/me/credentials", Builders.PressCard(F, "Mai Anh", _outlet, new DateOnly(2026, 2, 1), number: "12<34>"))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(symbols.FieldErrors("number"), Is.EqualTo(new[] { "'number' không đúng định dạng." }));
    }

    [Test]
    public async Task An_unknown_outlet_id_is_refused_but_an_unknown_printed_name_is_kept_for_the_checks()
    {
        var problem = await Reporter.PostJsonAsync("/api/me/credentials", Builders.PressCard(F, "X", Guid.NewGuid(), new DateOnly(2026, 2, 1)))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldErrors("outletId"), Is.EqualTo(new[] { "Không có cơ quan báo chí này trong danh mục." }));
        var kept = await Reporter.PostJsonAsync("/api/me/credentials", Builders.PressCard(F, "X", null, new DateOnly(2026, 2, 1), outletName: "Tạp chí Chưa Cấp Phép"))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.That((kept["outletId"], kept.Str("outletName")), Is.EqualTo(((System.Text.Json.Nodes.JsonNode?)null, "Tạp chí Chưa Cấp Phép")));
    }

    [Test]
    public async Task Organizers_add_list_import_and_remove_card_revocations()
    {
        var added = await Organizer.PostJsonAsync("/api/card-revocations", new { number = "rv 1001", revokedOn = "2026-10-01", note = "Vi phạm đạo đức nghề nghiệp" })
            .ExpectAsync(HttpStatusCode.Created);
        Assert.That(added.Str("number"), Is.EqualTo("RV1001"));
        var twice = await Organizer.PostJsonAsync("/api/card-revocations", new { number = "RV1001", revokedOn = "2026-10-01" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(twice.FieldErrors("number"), Is.EqualTo(new[] { "Số thẻ này đã có trong danh sách thu hồi." }));
        await Reporter.GetAsync("/api/card-revocations").ExpectAsync(HttpStatusCode.Forbidden);

        var csv = new StringContent("number,revokedOn,note\nRV1002,2026-09-01,Hết hạn sử dụng\nRV1001,2026-10-02,Cập nhật\n", Encoding.UTF8, "text/csv");
        var report = await Organizer.PostAsync("/api/card-revocations/import", csv).ExpectAsync(HttpStatusCode.OK);
        Assert.That((report["created"]!.GetValue<int>(), report["updated"]!.GetValue<int>()), Is.EqualTo((1, 1)));
        var bad = new StringContent("number,revokedOn\nRV1003,01/09/2026\n", Encoding.UTF8, "text/csv");
        var refused = await Organizer.PostAsync("/api/card-revocations/import", bad).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(refused["rows"]![0]!["errors"]![0]!.GetValue<string>(), Does.StartWith("revokedOn:"));

        var list = await Organizer.GetAsync("/api/card-revocations?q=rv10").ExpectAsync(HttpStatusCode.OK);
        Assert.That(list["items"]!.AsArray().Select(r => r!.Str("number")), Is.EqualTo(new[] { "RV1001", "RV1002" }));
        await Organizer.DeleteAsync($"/api/card-revocations/{added.Id()}").ExpectAsync(HttpStatusCode.NoContent);
        await Organizer.DeleteAsync($"/api/card-revocations/{added.Id()}").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_scan_is_stored_under_a_random_name_and_only_the_owner_and_organizers_can_download_it()
    {
        var reporter = await QuickReporterAsync("Chu Văn An");
        var card = await CardAsync(reporter, "Chu Văn An", _outlet);
        var uploaded = await reporter.PutAsync($"/api/me/credentials/{card}/scan", File(Pdf, "the-nha-bao.pdf", "application/pdf")).ExpectAsync(HttpStatusCode.OK);
        Assert.That((uploaded["hasScan"]!.GetValue<bool>(), uploaded.Str("scanContentType")), Is.EqualTo((true, "application/pdf")));

        using (var download = await reporter.GetAsync($"/api/credentials/{card}/scan"))
        {
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(Pdf));
            Assert.That(download.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
        }

        using (var forOrganizer = await Organizer.GetAsync($"/api/credentials/{card}/scan"))
        {
            Assert.That(forOrganizer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var stranger = await QuickReporterAsync("Người Tò Mò");
        await stranger.GetAsync($"/api/credentials/{card}/scan").ExpectAsync(HttpStatusCode.NotFound);
        await stranger.PutAsync($"/api/me/credentials/{card}/scan", File(Png, "x.png", "image/png")).ExpectAsync(HttpStatusCode.NotFound);

        var stored = await WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Credentials, c => c.Id == card));
        Assert.That(stored.ScanFile, Does.Match("^[0-9a-f]{32}\\.pdf$"));
        Assert.That(System.IO.File.ReadAllBytes(Path.Combine(Factory.Directory, "uploads", stored.ScanFile!)), Is.EqualTo(Pdf));
    }

    [Test]
    public async Task A_file_whose_bytes_are_not_pdf_jpeg_or_png_is_refused_with_415()
    {
        var card = await CardAsync(Reporter, "Nguyễn Thị Mai Hương", _outlet);
        var text = await Reporter.PutAsync($"/api/me/credentials/{card}/scan", File("xin chào"u8.ToArray(), "scan.txt", "text/plain"))
            .ExpectAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.That(text.Str("code"), Is.EqualTo("UnsupportedFileType"));
    }

    [Test]
    public async Task A_renamed_executable_is_refused_whatever_its_name_and_declared_type()
    {
        var card = await CardAsync(Reporter, "Nguyễn Thị Mai Hương", _outlet);
        var problem = await Reporter.PutAsync($"/api/me/credentials/{card}/scan", File(Exe, "the-nha-bao.pdf", "application/pdf"))
            .ExpectAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.That(problem.Str("code"), Is.EqualTo("UnsupportedFileType"));
        var stored = await WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Credentials, c => c.Id == card));
        Assert.That(stored.ScanFile, Is.Null);
    }

    [Test]
    public async Task A_file_over_five_megabytes_is_refused_with_413()
    {
        var card = await CardAsync(Reporter, "Nguyễn Thị Mai Hương", _outlet);
        var big = new byte[5 * 1024 * 1024 + 1];
        Pdf.CopyTo(big, 0);
        var justOver = await Reporter.PutAsync($"/api/me/credentials/{card}/scan", File(big, "big.pdf", "application/pdf"))
            .ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.That(justOver.Str("code"), Is.EqualTo("FileTooLarge"));

        var huge = new byte[7 * 1024 * 1024];
        Pdf.CopyTo(huge, 0);
        var body = await Reporter.PutAsync($"/api/me/credentials/{card}/scan", File(huge, "huge.pdf", "application/pdf"))
            .ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.That(body.Str("code"), Is.EqualTo("PayloadTooLarge"));
    }

    [Test]
    public async Task An_upload_without_a_file_is_a_400()
    {
        var card = await CardAsync(Reporter, "Nguyễn Thị Mai Hương", _outlet);
        var problem = await Reporter.PutAsync($"/api/me/credentials/{card}/scan", new StringContent("{}", Encoding.UTF8, "application/json"))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Str("code"), Is.EqualTo("FileMissing"));
    }
}
