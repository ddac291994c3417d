using System.Net;
using Ical.Net;
using PressConference.Tests.Support;

namespace PressConference.Tests.Briefings;

public sealed class BriefingQueryTests : ApiTest
{
    private Guid _published;
    private Guid _cancelled;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        async Task<Guid> Create(string title, string kind, string start, string? trigger = null) => (await Organizer.PostJsonAsync("/api/briefings", new
        {
            title, kind, topic = "Kinh tế - xã hội", triggerReason = trigger, venue = $"Phòng {title.Length}", startsAt = start,
            endsAt = start.Replace("T09", "T10", StringComparison.Ordinal),
        }).ExpectAsync(HttpStatusCode.Created)).Id();

        _published = await Create("Tiến độ đường sắt đô thị", "Thematic", "2027-05-10T09:00");
        await Organizer.PostJsonAsync($"/api/briefings/{_published}/publish").ExpectAsync(HttpStatusCode.OK);
        var adHoc = await Create("Khắc phục hậu quả MƯA LỚN", "AdHoc", "2027-05-03T09:00", "Mưa lớn");
        await Organizer.PostJsonAsync($"/api/briefings/{adHoc}/publish").ExpectAsync(HttpStatusCode.OK);
        await Create("Bản nháp về đường sắt", "Thematic", "2027-05-20T09:00");
        _cancelled = await Create("Hủy: Đường sắt Nhổn", "Thematic", "2027-05-25T09:00");
        await Organizer.PostJsonAsync($"/api/briefings/{_cancelled}/publish").ExpectAsync(HttpStatusCode.OK);
        await Organizer.PostJsonAsync($"/api/briefings/{_cancelled}/cancel", new { reason = "Lãnh đạo đi công tác" }).ExpectAsync(HttpStatusCode.OK);
    }

    private async Task<List<string>> TitlesAsync(HttpClient client, string query)
    {
        var page = await client.GetAsync($"/api/briefings?{query}").ExpectAsync(HttpStatusCode.OK);
        return page["items"]!.AsArray().Select(i => i!.Str("title")).ToList();
    }

    [TestCase("q=duong sat")]
    [TestCase("q=ĐƯỜNG SẮT")]
    [TestCase("q=%C4%91u%CC%9Bo%CC%9B%CC%80ng")] // "đường" typed in NFD
    public async Task Search_ignores_case_and_diacritics(string query)
    {
        var titles = await TitlesAsync(Organizer, query);
        Assert.That(titles, Is.EquivalentTo(new[] { "Tiến độ đường sắt đô thị", "Bản nháp về đường sắt", "Hủy: Đường sắt Nhổn" }));
    }

    [Test]
    public async Task The_public_sees_published_briefings_only_sorted_by_start()
    {
        var titles = await TitlesAsync(Anonymous, "from=2027-05-01&to=2027-06-01");
        Assert.That(titles, Is.EqualTo(new[] { "Khắc phục hậu quả MƯA LỚN", "Tiến độ đường sắt đô thị" }));
        Assert.That(await TitlesAsync(Reporter, "from=2027-05-01&to=2027-06-01&sort=newest"),
            Is.EqualTo(new[] { "Tiến độ đường sắt đô thị", "Khắc phục hậu quả MƯA LỚN" }));
    }

    [Test]
    public async Task Organizers_filter_by_kind_status_and_page()
    {
        Assert.That(await TitlesAsync(Organizer, "kind=AdHoc"), Is.EqualTo(new[] { "Khắc phục hậu quả MƯA LỚN" }));
        Assert.That(await TitlesAsync(Organizer, "status=cancelled"), Is.EqualTo(new[] { "Hủy: Đường sắt Nhổn" }));
        var page = await Organizer.GetAsync("/api/briefings?from=2027-05-01&to=2027-06-01&page=2&pageSize=3").ExpectAsync(HttpStatusCode.OK);
        Assert.That(page["total"]!.GetValue<int>(), Is.EqualTo(4));
        Assert.That(page["page"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(page["items"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [TestCase("kind=Monthly", "kind", "Giá trị không hợp lệ; chấp nhận: Regular, AdHoc, Thematic.")]
    [TestCase("status=Open", "status", "Giá trị không hợp lệ; chấp nhận: Draft, Published, RegistrationClosed, Completed, Cancelled.")]
    [TestCase("from=yesterday", "from", "Ngày giờ không hợp lệ; dùng dạng 2026-12-24T15:00 (giờ Việt Nam) hoặc kèm múi giờ.")]
    [TestCase("pageSize=0", "pageSize", "'pageSize' phải có giá trị trong khoảng từ 1 đến 200. Bạn đã nhập 0.")]
    [TestCase("page=abc", "page", "Tham số 'page' không hợp lệ.")]
    [TestCase("sort=title", "sort", "Giá trị không hợp lệ; chấp nhận: start, newest.")]
    public async Task Bad_list_parameters_are_a_400_naming_the_parameter_and_what_is_wrong(string query, string field, string message)
    {
        var problem = await Anonymous.GetAsync($"/api/briefings?{query}").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldErrors(field), Is.EqualTo(new[] { message }), problem.ToJsonString());
    }

    [Test]
    public async Task The_calendar_file_of_a_briefing_parses_back_with_a_stable_uid_and_utc_times()
    {
        using var response = await Anonymous.GetAsync($"/api/briefings/{_published}/calendar.ics");
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/calendar"));
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var e = calendar.Events.Single();
        Assert.Multiple(() =>
        {
            Assert.That(e.Uid, Is.EqualTo($"briefing-{_published}@pressconference"));
            Assert.That(e.Summary, Is.EqualTo("Tiến độ đường sắt đô thị"));
            Assert.That(e.DtStart!.AsUtc, Is.EqualTo(new DateTime(2027, 5, 10, 2, 0, 0, DateTimeKind.Utc)));
            Assert.That(e.DtEnd!.AsUtc, Is.EqualTo(new DateTime(2027, 5, 10, 3, 0, 0, DateTimeKind.Utc)));
            Assert.That(e.Sequence, Is.EqualTo(0));
        });
    }

    [Test]
    public async Task The_feed_lists_public_briefings_with_cancelled_ones_marked_and_their_sequence_bumped()
    {
        var calendar = Calendar.Load(await Anonymous.GetStringAsync("/api/calendar.ics"))!;
        var uids = calendar.Events.Select(e => e.Uid).ToList();
        Assert.That(uids, Does.Contain($"briefing-{_published}@pressconference"));
        Assert.That(uids.Any(u => u!.Contains("nháp", StringComparison.Ordinal)), Is.False);
        var cancelled = calendar.Events.Single(e => e.Uid == $"briefing-{_cancelled}@pressconference");
        Assert.That(cancelled.Status, Is.EqualTo("CANCELLED"));
        Assert.That(cancelled.Sequence, Is.GreaterThan(0));
        Assert.That(calendar.Events, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_draft_has_no_public_calendar_file()
    {
        var drafts = await Organizer.GetAsync("/api/briefings?status=Draft").ExpectAsync(HttpStatusCode.OK);
        var draft = drafts["items"]!.AsArray().First()!.Id();
        await Anonymous.GetAsync($"/api/briefings/{draft}/calendar.ics").ExpectAsync(HttpStatusCode.NotFound);
    }
}
