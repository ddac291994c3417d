using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PressConference.Api.Demo;
using PressConference.Api.Outlets;
using PressConference.Tests.Support;

namespace PressConference.Tests.Outlets;

public sealed class OutletTests : AccreditationTest
{
    private Task<HttpResponseMessage> ImportAsync(string csv, bool partial = false)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "outlets.csv");
        return Organizer.PostAsync($"/api/outlets/import{(partial ? "?partial=true" : string.Empty)}", content);
    }

    [Test]
    public async Task An_organizer_creates_an_outlet_with_aliases_and_everyone_signed_in_can_read_it()
    {
        var created = await Organizer.PostJsonAsync("/api/outlets", new
        {
            name = "Báo Người Lao Động Thủ Đô", aliases = new[] { "Báo Lao Động Thủ Đô" }, licenceNumber = "77/GP-BTTTT", kind = "Newspaper", status = "Active",
        }).ExpectAsync(HttpStatusCode.Created);
        Assert.That(created.Str("name"), Is.EqualTo("Báo Người Lao Động Thủ Đô"));
        Assert.That(created["aliases"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "Báo Lao Động Thủ Đô" }));

        var read = await Reporter.GetAsync($"/api/outlets/{created.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(read.Str("licenceNumber"), Is.EqualTo("77/GP-BTTTT"));
        await Reporter.PostJsonAsync("/api/outlets", Builders.Outlet("Báo Của Phóng Viên")).ExpectAsync(HttpStatusCode.Forbidden);
        await Anonymous.GetAsync("/api/outlets").ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task An_organizer_updates_an_outlet_and_suspends_it_with_dates()
    {
        var id = await OutletAsync("Tạp chí Văn Hóa Phố Cổ");
        var request = Builders.Outlet("Tạp chí Văn Hóa Phố Cổ", OutletKind.Magazine, status: OutletStatus.Suspended)
            with { StatusFrom = new DateOnly(2026, 12, 1), StatusUntil = new DateOnly(2027, 2, 28) };
        var updated = await Organizer.PutJsonAsync($"/api/outlets/{id}", request).ExpectAsync(HttpStatusCode.OK);
        Assert.That((updated.Str("status"), updated.Str("statusFrom"), updated.Str("kind")), Is.EqualTo(("Suspended", "2026-12-01", "Magazine")));

        var bad = await Organizer.PutJsonAsync($"/api/outlets/{id}", request with { StatusUntil = new DateOnly(2026, 1, 1) }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(bad.FieldErrors("statusUntil"), Is.EqualTo(new[] { "Ngày kết thúc phải sau ngày bắt đầu của trạng thái." }));
    }

    [TestCase("bao hanoi moi 2")]
    [TestCase("BÁO   HÀNỘI MỚI 2")]
    [TestCase("Đài Phát thanh và Truyền hình Hà Nội 2")]
    [TestCase("dai phat thanh va truyen hinh ha noi 2")]
    public async Task Name_look_up_ignores_case_spacing_and_diacritics_and_matches_aliases(string name)
    {
        await EnsureMergedOutletAsync();
        var match = await Reporter.GetAsync($"/api/outlets/lookup?name={Uri.EscapeDataString(name)}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(match["outlet"]!.Str("name"), Is.EqualTo("Báo và Phát thanh, Truyền hình Hà Nội 2"));
        Assert.That(match["matchedByAlias"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Name_look_up_by_the_current_name_is_not_an_alias_match_and_an_unknown_name_is_404()
    {
        await EnsureMergedOutletAsync();
        var match = await Reporter.GetAsync($"/api/outlets/lookup?name={Uri.EscapeDataString("bao va phat thanh, truyen hinh ha noi 2")}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(match["matchedByAlias"]!.GetValue<bool>(), Is.False);
        await Reporter.GetAsync("/api/outlets/lookup?name=Hoi%20Nha%20bao%20Tu%20do").ExpectAsync(HttpStatusCode.NotFound);
        var search = await Reporter.GetAsync("/api/outlets?q=hanoi moi 2").ExpectAsync(HttpStatusCode.OK);
        Assert.That(search["total"]!.GetValue<int>(), Is.EqualTo(1));
    }

    private bool _merged;

    private async Task EnsureMergedOutletAsync()
    {
        if (!_merged)
        {
            await OutletAsync("Báo và Phát thanh, Truyền hình Hà Nội 2", ["Báo Hànội mới 2", "Đài Phát thanh và Truyền hình Hà Nội 2"]);
            _merged = true;
        }
    }

    [Test]
    public async Task A_name_or_alias_that_another_outlet_holds_is_refused()
    {
        await OutletAsync("Báo Điện Tử Sông Hồng", ["Sông Hồng Online"]);
        var same = await Organizer.PostJsonAsync("/api/outlets", Builders.Outlet("BAO DIEN TU SONG HONG")).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(same.FieldErrors("name"), Is.EqualTo(new[] { "Tên (hoặc tên cũ) này đã thuộc về một cơ quan báo chí khác." }));
        var alike = await Organizer.PostJsonAsync("/api/outlets", Builders.Outlet("Sông Hồng online")).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(alike.FieldErrors("name"), Is.EqualTo(new[] { "Tên (hoặc tên cũ) này đã thuộc về một cơ quan báo chí khác." }));
    }

    [Test]
    public async Task A_clean_csv_import_creates_and_updates_outlets_and_reports_each_row()
    {
        await OutletAsync("Báo Hải Phòng Mới");
        var csv = "name,aliases,licenceNumber,kind,status\n"
            + "Báo Nhập Khẩu Một,Báo Cũ Một;Báo Xưa Một,10/GP,Newspaper,Active\n"
            + "\"Báo Hải Phòng Mới\",,11/GP,Online,Suspended\n";
        using var response = await ImportAsync(csv);
        var report = await Task.FromResult(response).ExpectAsync(HttpStatusCode.OK);
        Assert.That((report["applied"]!.GetValue<bool>(), report["created"]!.GetValue<int>(), report["updated"]!.GetValue<int>()), Is.EqualTo((true, 1, 1)));
        var created = await Reporter.GetAsync("/api/outlets/lookup?name=bao xua mot").ExpectAsync(HttpStatusCode.OK);
        Assert.That(created["outlet"]!.Str("name"), Is.EqualTo("Báo Nhập Khẩu Một"));
        var updated = await Reporter.GetAsync("/api/outlets/lookup?name=Báo Hải Phòng Mới").ExpectAsync(HttpStatusCode.OK);
        Assert.That(updated["outlet"]!.Str("status"), Is.EqualTo("Suspended"));
    }

    [Test]
    public async Task A_csv_with_bad_rows_changes_nothing_and_says_why_for_each_row()
    {
        var csv = "name,kind,status\nBáo Tốt Hai,Newspaper,Active\n,Newspaper,Active\nBáo Sai Loại,Blog,Active\nBáo Tốt Hai,Online,Active\n";
        using var response = await ImportAsync(csv);
        var report = await Task.FromResult(response).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(report["applied"]!.GetValue<bool>(), Is.False);
        var rows = report["rows"]!.AsArray();
        Assert.That(rows.Select(r => r!.Str("outcome")), Is.EqualTo(new[] { "Created", "Refused", "Refused", "Skipped" }));
        Assert.That(rows[1]!["errors"]!.AsArray().Select(e => e!.GetValue<string>()), Has.Some.StartWith("name:"));
        Assert.That(rows[2]!["errors"]![0]!.GetValue<string>(), Does.StartWith("kind:").And.Contain("Newspaper"));
        Assert.That(rows[3]!["warnings"]![0]!.GetValue<string>(), Does.Contain("trùng"));
        Assert.That(rows[1]!["row"]!.GetValue<int>(), Is.EqualTo(2));
        await Reporter.GetAsync("/api/outlets/lookup?name=Báo Tốt Hai").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task An_outlet_name_repeated_in_one_import_file_makes_one_outlet_and_a_warning_for_the_repeat()
    {
        var csv = "name,aliases,kind,status\n"
            + "Báo Lặp Lại Bốn,Báo Cũ Bốn,Newspaper,Active\n"
            + "Báo Khác Bốn,,Online,Active\n"
            + "  BÁO LẶP LẠI BỐN ,Báo Cũ Bốn,Newspaper,Active\n";
        using var response = await ImportAsync(csv);
        var report = await Task.FromResult(response).ExpectAsync(HttpStatusCode.OK);
        Assert.That((report["applied"]!.GetValue<bool>(), report["created"]!.GetValue<int>(), report["skipped"]!.GetValue<int>(),
            report["refused"]!.GetValue<int>()), Is.EqualTo((true, 2, 1, 0)));
        var rows = report["rows"]!.AsArray();
        Assert.That(rows.Select(r => r!.Str("outcome")), Is.EqualTo(new[] { "Created", "Created", "Skipped" }));
        Assert.That(rows[2]!["errors"]!.AsArray(), Is.Empty);
        Assert.That(rows[2]!["warnings"]!.AsArray().Select(w => w!.GetValue<string>()),
            Is.EqualTo(new[] { "Dòng này trùng tên với dòng 1 của tệp; chỉ dòng 1 được áp dụng." }));
        Assert.That(rows[0]!["warnings"]!.AsArray(), Is.Empty);
        var found = await Reporter.GetAsync("/api/outlets?q=bao lap lai bon").ExpectAsync(HttpStatusCode.OK);
        Assert.That(found["items"]!.AsArray().Select(o => o!.Str("name")), Is.EqualTo(new[] { "Báo Lặp Lại Bốn" }));
    }

    [Test]
    public async Task A_partial_csv_import_applies_the_good_rows_and_lists_the_bad_ones()
    {
        var csv = "name,kind,status\nBáo Tốt Ba,Newspaper,Active\nBáo Sai Ba,Newspaper,Closed\n";
        using var response = await ImportAsync(csv, partial: true);
        var report = await Task.FromResult(response).ExpectAsync(HttpStatusCode.OK);
        Assert.That((report["created"]!.GetValue<int>(), report["refused"]!.GetValue<int>()), Is.EqualTo((1, 1)));
        await Reporter.GetAsync("/api/outlets/lookup?name=Báo Tốt Ba").ExpectAsync(HttpStatusCode.OK);
        await Reporter.GetAsync("/api/outlets/lookup?name=Báo Sai Ba").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task An_empty_import_is_a_400()
    {
        using var response = await ImportAsync("");
        var problem = await Task.FromResult(response).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldErrors("file"), Is.EqualTo(new[] { "Tệp CSV trống hoặc thiếu dòng tiêu đề." }));
    }
}
