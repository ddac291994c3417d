using System.Net;
using System.Text.Json.Nodes;
using PressConference.Tests.Support;

namespace PressConference.Tests.Briefings;

public sealed class BriefingLifecycleTests : ApiTest
{
    private int _day = 3;

    /// <summary>A new draft on its own day, so that no two tests' briefings clash.</summary>
    private async Task<Guid> DraftAsync(string? venue = null)
    {
        var day = _day++;
        var body = new { title = "Họp báo chuyên đề giao thông", kind = "Thematic", topic = "Giao thông", venue, startsAt = Local(day, 9), endsAt = Local(day, 10, 30) };
        return (await Organizer.PostJsonAsync("/api/briefings", body).ExpectAsync(HttpStatusCode.Created)).Id();
    }

    private Task<JsonNode> Act(Guid id, string action, object? body = null, HttpStatusCode expected = HttpStatusCode.OK) =>
        Organizer.PostJsonAsync($"/api/briefings/{id}/{action}", body).ExpectAsync(expected);

    [Test]
    public async Task Creating_a_briefing_answers_201_with_location_utc_and_local_times_and_defaults()
    {
        var response = await Organizer.PostJsonAsync("/api/briefings", new
        {
            title = "Họp báo đột xuất về mưa lớn", kind = "AdHoc", triggerReason = "Mưa lớn gây ngập", startsAt = "2027-12-10T15:00", endsAt = "2027-12-10T16:30+07:00",
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location!.ToString(), Does.EndWith($"/api/briefings/{body.Id()}"));
            Assert.That(body.Str("startsAt"), Is.EqualTo("2027-12-10T08:00:00Z"));
            Assert.That(body.Str("localStart"), Is.EqualTo("2027-12-10T15:00:00+07:00"));
            Assert.That(body.Str("localEnd"), Is.EqualTo("2027-12-10T16:30:00+07:00"));
            Assert.That(body.Str("registrationClosesAt"), Is.EqualTo("2027-12-10T06:00:00Z"), "closes 2 hours before the start by default");
            Assert.That(body["doorsOpenMinutesBefore"]!.GetValue<int>(), Is.EqualTo(60));
            Assert.That(body["autoApprove"]!.GetValue<bool>(), Is.True);
            Assert.That(body.Str("status"), Is.EqualTo("Draft"));
            Assert.That(body.Str("kind"), Is.EqualTo("AdHoc"));
            Assert.That(body.Str("venue"), Does.Contain("47 Hàng Dầu"), "the configured main venue");
        });
    }

    [Test]
    public async Task The_full_lifecycle_is_allowed_in_order_and_recorded_in_the_history()
    {
        var id = await DraftAsync();
        Assert.That((await Act(id, "publish")).Str("status"), Is.EqualTo("Published"));
        Assert.That((await Act(id, "close-registration")).Str("status"), Is.EqualTo("RegistrationClosed"));
        Factory.Clock.Advance(TimeSpan.FromDays(30));
        Assert.That((await Act(id, "complete")).Str("status"), Is.EqualTo("Completed"));

        var history = (await Organizer.GetAsync($"/api/briefings/{id}/history").ExpectAsync(HttpStatusCode.OK)).AsArray();
        Assert.That(history.Select(h => h!.Str("action")), Is.EqualTo(new[] { "Created", "Published", "RegistrationClosed", "Completed" }));
        Assert.That(history.All(h => h!.Str("actor").StartsWith("organizer-", StringComparison.Ordinal)), Is.True);
    }

    [TestCase("close-registration")]
    [TestCase("complete")]
    public async Task A_draft_cannot_skip_publishing(string action)
    {
        var id = await DraftAsync();
        var problem = await Act(id, action, null, HttpStatusCode.Conflict);
        Assert.That(problem.Str("code"), Is.EqualTo("InvalidTransition"));
        Assert.That(problem.Str("detail"), Does.Contain("bản nháp"));
    }

    [Test]
    public async Task Publishing_twice_answers_409_saying_why_in_english_when_asked()
    {
        var id = await DraftAsync();
        await Act(id, "publish");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/briefings/{id}/publish");
        request.Headers.AcceptLanguage.ParseAdd("en-US");
        var problem = await Organizer.SendAsync(request).ExpectAsync(HttpStatusCode.Conflict);
        Assert.That(problem.Str("detail"), Is.EqualTo("Cannot publish a briefing that is published."));
    }

    [Test]
    public async Task Completing_before_the_start_is_refused()
    {
        var id = await DraftAsync();
        await Act(id, "publish");
        var problem = await Act(id, "complete", null, HttpStatusCode.Conflict);
        Assert.That(problem.Str("detail"), Does.Contain("chưa bắt đầu"));
    }

    [Test]
    public async Task Cancelling_needs_a_reason_and_is_allowed_from_every_state_before_completed()
    {
        foreach (var before in new[] { Array.Empty<string>(), ["publish"], new[] { "publish", "close-registration" } })
        {
            var id = await DraftAsync();
            foreach (var action in before)
            {
                await Act(id, action);
            }

            var missing = await Act(id, "cancel", new { }, HttpStatusCode.BadRequest);
            Assert.That(missing.FieldErrors("reason"), Is.EqualTo(new[] { "'reason' không được rỗng." }));
            var cancelled = await Act(id, "cancel", new { reason = "Lãnh đạo bận đột xuất" });
            Assert.That(cancelled.Str("status"), Is.EqualTo("Cancelled"));
            Assert.That(cancelled.Str("cancellationReason"), Is.EqualTo("Lãnh đạo bận đột xuất"));
            var again = await Act(id, "cancel", new { reason = "lần nữa" }, HttpStatusCode.Conflict);
            Assert.That(again.Str("code"), Is.EqualTo("InvalidTransition"));
            foreach (var action in new[] { "publish", "close-registration", "complete" })
            {
                await Act(id, action, null, HttpStatusCode.Conflict);
            }
        }
    }

    [Test]
    public async Task A_completed_briefing_cannot_be_cancelled_or_rescheduled()
    {
        var id = await DraftAsync();
        await Act(id, "publish");
        Factory.Clock.Advance(TimeSpan.FromDays(30));
        await Act(id, "complete");
        await Act(id, "cancel", new { reason = "muộn" }, HttpStatusCode.Conflict);

        await Act(id, "reschedule", new { startsAt = Local(40, 9), reason = "dời" }, HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Rescheduling_moves_the_briefing_keeps_its_length_bumps_the_sequence_and_is_audited()
    {
        var id = await DraftAsync();
        var published = await Act(id, "publish");
        var moved = await Act(id, "reschedule", new { startsAt = "2028-01-05T14:00", reason = "Trùng lịch họp HĐND" });
        Assert.Multiple(() =>
        {
            Assert.That(moved.Str("localStart"), Is.EqualTo("2028-01-05T14:00:00+07:00"));
            Assert.That(moved.Str("localEnd"), Is.EqualTo("2028-01-05T15:30:00+07:00"));
            Assert.That(moved.Str("registrationClosesAt"), Is.EqualTo("2028-01-05T05:00:00Z"));
            Assert.That(moved["sequence"]!.GetValue<int>(), Is.GreaterThan(published["sequence"]!.GetValue<int>()));
        });
        var history = (await Organizer.GetAsync($"/api/briefings/{id}/history").ExpectAsync(HttpStatusCode.OK)).AsArray();
        var entry = history.Last()!;
        Assert.That(entry.Str("action"), Is.EqualTo("Rescheduled"));
        Assert.That(entry.Str("reason"), Is.EqualTo("Trùng lịch họp HĐND"));
        Assert.That(entry["details"]!.Str("newStartsAt"), Is.EqualTo("2028-01-05T07:00:00Z"));
    }

    [Test]
    public async Task Rescheduling_into_the_past_or_without_a_reason_is_a_400_naming_the_fields()
    {
        var id = await DraftAsync();
        var problem = await Act(id, "reschedule", new { startsAt = "2020-01-01T09:00" }, HttpStatusCode.BadRequest);
        Assert.That(problem.FieldErrors("startsAt"), Is.EqualTo(new[] { "Thời gian mới phải ở tương lai." }));
        Assert.That(problem.FieldErrors("reason"), Is.EqualTo(new[] { "'reason' không được rỗng." }));
    }

    [Test]
    public async Task Changing_the_time_of_a_published_briefing_through_put_points_to_reschedule()
    {
        var id = await DraftAsync();
        await Act(id, "publish");
        var current = await Organizer.GetAsync($"/api/briefings/{id}").ExpectAsync(HttpStatusCode.OK);
        var problem = await Organizer.PutJsonAsync($"/api/briefings/{id}", new
        {
            title = current.Str("title"), kind = "Thematic", startsAt = "2027-02-01T09:00", endsAt = "2027-02-01T10:00",
        }).ExpectAsync(HttpStatusCode.Conflict);
        Assert.That(problem.Str("code"), Is.EqualTo("UseReschedule"));
    }

    [Test]
    public async Task Drafts_are_hidden_from_anonymous_callers_and_reporters()
    {
        var id = await DraftAsync();
        await Anonymous.GetAsync($"/api/briefings/{id}").ExpectAsync(HttpStatusCode.NotFound);
        await Reporter.GetAsync($"/api/briefings/{id}").ExpectAsync(HttpStatusCode.NotFound);
        await Organizer.GetAsync($"/api/briefings/{id}").ExpectAsync(HttpStatusCode.OK);
        var list = await Anonymous.GetAsync("/api/briefings?pageSize=200").ExpectAsync(HttpStatusCode.OK);
        Assert.That(list["items"]!.AsArray().Select(i => i!.Id()), Does.Not.Contain(id));
        await Act(id, "publish");
        await Anonymous.GetAsync($"/api/briefings/{id}").ExpectAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task Unknown_briefings_answer_404_problem_details()
    {
        var problem = await Organizer.PostJsonAsync($"/api/briefings/{Guid.NewGuid()}/publish").ExpectAsync(HttpStatusCode.NotFound);
        Assert.That(problem.Str("title"), Is.EqualTo("Không tìm thấy"));
        Assert.That(problem.Str("detail"), Is.EqualTo("Không tìm thấy họp báo."));
    }
}
