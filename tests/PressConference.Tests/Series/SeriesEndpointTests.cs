using System.Net;
using System.Text.Json.Nodes;
using PressConference.Tests.Support;

namespace PressConference.Tests.Series;

public sealed class SeriesEndpointTests : ApiTest
{
    private static object LastThursdaySeries(bool publish = false, string time = "15:00", string venue = "Hội trường A, 12 Lê Lai") => new
    {
        titleTemplate = "Họp báo định kỳ tháng {month}/{year}",
        weekday = "Thursday",
        weekOfMonth = -1,
        localStartTime = time,
        durationMinutes = 90,
        venue,
        capacity = 80,
        horizonMonths = 6,
        publish,
    };

    [Test]
    public async Task Creating_a_last_thursday_series_generates_six_months_of_briefings_in_local_time()
    {
        var created = await Organizer.PostJsonAsync("/api/briefing-series", LastThursdaySeries()).ExpectAsync(HttpStatusCode.Created);
        var briefings = created["briefings"]!.AsArray();
        Assert.That(briefings.Select(b => b!.Str("localStart")), Is.EqualTo(new[]
        {
            "2026-11-26T15:00:00+07:00", "2026-12-31T15:00:00+07:00", "2027-01-28T15:00:00+07:00",
            "2027-02-25T15:00:00+07:00", "2027-03-25T15:00:00+07:00", "2027-04-29T15:00:00+07:00",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(briefings[1]!.Str("title"), Is.EqualTo("Họp báo định kỳ tháng 12/2026"));
            Assert.That(briefings[1]!.Str("startsAt"), Is.EqualTo("2026-12-31T08:00:00Z"));
            Assert.That(briefings.All(b => b!.Str("kind") == "Regular" && b!.Str("status") == "Draft"), Is.True);
            Assert.That(briefings.All(b => b!.Str("seriesId") == created["series"]!.Str("id")), Is.True);
        });
    }

    [Test]
    public async Task A_published_series_publishes_its_occurrences_unless_they_clash()
    {
        // A live briefing at the same venue on the last Thursday of January blocks that one occurrence.
        var blocker = await Organizer.PostJsonAsync("/api/briefings", new
        {
            title = "Họp báo chuyên đề", kind = "Thematic", venue = "Phòng họp B", startsAt = "2027-01-28T14:30", endsAt = "2027-01-28T16:00",
        }).ExpectAsync(HttpStatusCode.Created);
        await Organizer.PostJsonAsync($"/api/briefings/{blocker.Id()}/publish").ExpectAsync(HttpStatusCode.OK);

        var created = await Organizer.PostJsonAsync("/api/briefing-series", LastThursdaySeries(publish: true, venue: "phòng HỌP b"))
            .ExpectAsync(HttpStatusCode.Created);
        var statuses = created["briefings"]!.AsArray().ToDictionary(b => b!.Str("localStart")[..10], b => b!.Str("status"));
        Assert.That(statuses["2027-01-28"], Is.EqualTo("Draft"));
        Assert.That(statuses.Where(s => s.Key != "2027-01-28").All(s => s.Value == "Published"), Is.True);
        Assert.That(created["leftAsDraft"]!.AsArray().Single()!.Str("reason"), Is.EqualTo("Conflict"));
    }

    [Test]
    public async Task Changing_the_rule_moves_untouched_future_occurrences_and_leaves_edited_ones_alone()
    {
        var created = await Organizer.PostJsonAsync("/api/briefing-series", LastThursdaySeries(venue: "Hội trường C")).ExpectAsync(HttpStatusCode.Created);
        var seriesId = created["series"]!.Id();
        var briefings = created["briefings"]!.AsArray().Select(b => b!).ToList();

        // The office moves December's occurrence by hand and cancels January's.
        var december = briefings[1].Id();
        await Organizer.PostJsonAsync($"/api/briefings/{december}/reschedule", new { startsAt = "2026-12-30T09:00", reason = "Trùng lịch Tết Dương lịch" })
            .ExpectAsync(HttpStatusCode.OK);
        var january = briefings[2].Id();
        await Organizer.PostJsonAsync($"/api/briefings/{january}/cancel", new { reason = "Gộp với kỳ tháng 2" }).ExpectAsync(HttpStatusCode.OK);

        var report = await Organizer.PutJsonAsync($"/api/briefing-series/{seriesId}", new
        {
            titleTemplate = "Họp báo thường kỳ tháng {month}/{year}",
            dayOfMonth = 5,
            localStartTime = "09:30",
            durationMinutes = 60,
            venue = "Hội trường C",
            horizonMonths = 6,
        }).ExpectAsync(HttpStatusCode.OK);

        var updated = report["updated"]!.AsArray().Select(u => u!).ToList();
        Assert.That(updated.Select(u => u.Id()), Does.Not.Contain(december).And.Not.Contain(january));
        Assert.That(report["kept"]!.AsArray().Single(k => k!.Id() == december)!.Str("reason"), Is.EqualTo("Edited"));
        // November's occurrence would move to 5 November, already past: it stays where it is.
        Assert.That(report["kept"]!.AsArray().Single(k => k!.Id() == briefings[0].Id())!.Str("reason"), Is.EqualTo("NewTimeInPast"));
        Assert.That(updated.Select(u => u.Str("newLocalStart")), Is.EqualTo(new[]
        {
            "2027-02-05T09:30:00+07:00", "2027-03-05T09:30:00+07:00", "2027-04-05T09:30:00+07:00",
        }));

        var decemberNow = await Organizer.GetAsync($"/api/briefings/{december}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(decemberNow.Str("localStart"), Is.EqualTo("2026-12-30T09:00:00+07:00"));
        Assert.That(decemberNow.Str("title"), Is.EqualTo("Họp báo định kỳ tháng 12/2026"));
        var januaryNow = await Organizer.GetAsync($"/api/briefings/{january}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(januaryNow.Str("status"), Is.EqualTo("Cancelled"));
        var february = await Organizer.GetAsync($"/api/briefings/{briefings[3].Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(february.Str("title"), Is.EqualTo("Họp báo thường kỳ tháng 2/2027"));
        Assert.That(report["created"]!.AsArray().Select(c => c!.Str("localStart")), Does.Contain("2027-05-05T09:30:00+07:00"));
    }

    [Test]
    public async Task A_series_rule_must_be_one_or_the_other_and_within_range()
    {
        var problem = await Organizer.PostJsonAsync("/api/briefing-series", new
        {
            titleTemplate = "Tháng {thang}", dayOfMonth = 31, weekday = "Thursday", weekOfMonth = 5, localStartTime = "25:00", horizonMonths = 99,
        }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Str("code"), Is.EqualTo("ValidationFailed"));
        var errors = problem["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Is.SupersetOf(new[] { "titleTemplate", "dayOfMonth", "weekOfMonth", "localStartTime", "horizonMonths" }));
    }

    [Test]
    public async Task Reporters_cannot_manage_series() =>
        await Reporter.PostJsonAsync("/api/briefing-series", LastThursdaySeries()).ExpectAsync(HttpStatusCode.Forbidden);
}
