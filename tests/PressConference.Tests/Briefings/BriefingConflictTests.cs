using System.Net;
using PressConference.Tests.Support;

namespace PressConference.Tests.Briefings;

public sealed class BriefingConflictTests : ApiTest
{
    private async Task<Guid> SpokespersonAsync(string name) => (await Organizer.PostJsonAsync("/api/spokespersons", new
    {
        fullName = name, title = "Chánh Văn phòng", agency = "UBND thành phố Hà Nội", effectiveFrom = "2026-01-01",
    }).ExpectAsync(HttpStatusCode.Created)).Id();

    private async Task<Guid> DraftAsync(string venue, string start, string end, params Guid[] spokespersonIds) =>
        (await Organizer.PostJsonAsync("/api/briefings", new
        {
            title = $"Họp báo {venue} {start}", kind = "Thematic", venue, startsAt = start, endsAt = end, spokespersonIds,
        }).ExpectAsync(HttpStatusCode.Created)).Id();

    [Test]
    public async Task Publishing_into_an_overlap_at_the_same_venue_answers_409_naming_the_other_briefing()
    {
        var first = await DraftAsync("Hội trường 1", "2027-03-02T09:00", "2027-03-02T10:30");
        await Organizer.PostJsonAsync($"/api/briefings/{first}/publish").ExpectAsync(HttpStatusCode.OK);
        // Same venue typed differently (case, diacritics, spacing) is the same venue.
        var second = await DraftAsync("HỘI  TRƯỜNG 1", "2027-03-02T10:00", "2027-03-02T11:00");

        var problem = await Organizer.PostJsonAsync($"/api/briefings/{second}/publish").ExpectAsync(HttpStatusCode.Conflict);
        Assert.That(problem.Str("code"), Is.EqualTo("ScheduleConflict"));
        Assert.That(problem.Str("detail"), Does.Contain("Họp báo Hội trường 1 2027-03-02T09:00").And.Contain("09:00 02/03/2027"));
        var conflict = problem["conflicts"]!.AsArray().Single()!;
        Assert.That(conflict.Id(), Is.EqualTo(first));
        Assert.That(conflict.Str("reason"), Is.EqualTo("Venue"));
    }

    [Test]
    public async Task Back_to_back_briefings_at_one_venue_do_not_clash()
    {
        var first = await DraftAsync("Hội trường 2", "2027-03-03T09:00", "2027-03-03T10:00");
        await Organizer.PostJsonAsync($"/api/briefings/{first}/publish").ExpectAsync(HttpStatusCode.OK);
        var second = await DraftAsync("Hội trường 2", "2027-03-03T10:00", "2027-03-03T11:00");
        await Organizer.PostJsonAsync($"/api/briefings/{second}/publish").ExpectAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_same_spokesperson_cannot_speak_at_two_places_at_once()
    {
        var spokesperson = await SpokespersonAsync("Phạm Văn Hùng");
        var first = await DraftAsync("Hội trường 3", "2027-03-04T09:00", "2027-03-04T10:30", spokesperson);
        await Organizer.PostJsonAsync($"/api/briefings/{first}/publish").ExpectAsync(HttpStatusCode.OK);
        var second = await DraftAsync("Sở Y tế", "2027-03-04T10:00", "2027-03-04T11:00", spokesperson);

        var problem = await Organizer.PostJsonAsync($"/api/briefings/{second}/publish").ExpectAsync(HttpStatusCode.Conflict);
        Assert.That(problem["conflicts"]!.AsArray().Single()!.Str("reason"), Is.EqualTo("Spokesperson"));
    }

    [Test]
    public async Task Drafts_and_cancelled_briefings_do_not_block_a_venue()
    {
        await DraftAsync("Hội trường 4", "2027-03-05T09:00", "2027-03-05T10:00");
        var cancelled = await DraftAsync("Hội trường 4", "2027-03-05T09:00", "2027-03-05T10:00");
        await Organizer.PostJsonAsync($"/api/briefings/{cancelled}/publish").ExpectAsync(HttpStatusCode.OK);
        await Organizer.PostJsonAsync($"/api/briefings/{cancelled}/cancel", new { reason = "Hủy" }).ExpectAsync(HttpStatusCode.OK);
        var third = await DraftAsync("Hội trường 4", "2027-03-05T09:30", "2027-03-05T10:30");
        await Organizer.PostJsonAsync($"/api/briefings/{third}/publish").ExpectAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task Forcing_over_a_conflict_needs_a_reason_and_is_audited()
    {
        var first = await DraftAsync("Hội trường 5", "2027-03-06T09:00", "2027-03-06T10:30");
        await Organizer.PostJsonAsync($"/api/briefings/{first}/publish").ExpectAsync(HttpStatusCode.OK);
        var second = await DraftAsync("Hội trường 5", "2027-03-06T10:00", "2027-03-06T11:00");

        var noReason = await Organizer.PostJsonAsync($"/api/briefings/{second}/publish", new { force = true }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(noReason.FieldErrors("reason"), Is.EqualTo(new[] { "Khi bỏ qua xung đột lịch phải ghi lý do." }));
        await Organizer.PostJsonAsync($"/api/briefings/{second}/publish", new { force = true, reason = "Hai phòng họp khác nhau trong hội trường" })
            .ExpectAsync(HttpStatusCode.OK);

        var history = (await Organizer.GetAsync($"/api/briefings/{second}/history").ExpectAsync(HttpStatusCode.OK)).AsArray();
        var overridden = history.Single(h => h!.Str("action") == "ConflictOverridden")!;
        Assert.That(overridden.Str("reason"), Is.EqualTo("Hai phòng họp khác nhau trong hội trường"));
        Assert.That(overridden["details"]!["conflicts"]!.AsArray().Single()!.Id(), Is.EqualTo(first));
    }

    [Test]
    public async Task Rescheduling_a_live_briefing_into_a_clash_is_refused_and_changes_nothing()
    {
        var first = await DraftAsync("Hội trường 6", "2027-03-08T09:00", "2027-03-08T10:00");
        await Organizer.PostJsonAsync($"/api/briefings/{first}/publish").ExpectAsync(HttpStatusCode.OK);
        var second = await DraftAsync("Hội trường 6", "2027-03-09T09:00", "2027-03-09T10:00");
        await Organizer.PostJsonAsync($"/api/briefings/{second}/publish").ExpectAsync(HttpStatusCode.OK);

        await Organizer.PostJsonAsync($"/api/briefings/{second}/reschedule", new { startsAt = "2027-03-08T09:30", reason = "Dời" })
            .ExpectAsync(HttpStatusCode.Conflict);
        var unchanged = await Organizer.GetAsync($"/api/briefings/{second}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(unchanged.Str("localStart"), Is.EqualTo("2027-03-09T09:00:00+07:00"));
        var history = (await Organizer.GetAsync($"/api/briefings/{second}/history").ExpectAsync(HttpStatusCode.OK)).AsArray();
        Assert.That(history.Select(h => h!.Str("action")), Does.Not.Contain("Rescheduled"));
    }
}
