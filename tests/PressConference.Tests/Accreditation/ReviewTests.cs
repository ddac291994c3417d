using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.Accreditation;
using PressConference.Api.Demo;
using PressConference.Tests.Support;

namespace PressConference.Tests.Accreditation;

/// <summary>The office's review queue, manual decisions and their audit, retries, briefing changes, exports and who sees what.</summary>
public sealed class ReviewTests : AccreditationTest
{
    private const string Name = "Nguyễn Thị Mai Hương";
    private Guid _outlet;

    [OneTimeSetUp]
    public async Task CreateOutletAsync() => _outlet = await OutletAsync("Báo Kinh Tế Thủ Đô");

    [Test]
    public async Task The_review_list_filters_by_status_and_finds_names_without_diacritics()
    {
        var briefing = (await Data.BriefingAsync()).Id;
        var clean = await CardAsync(Reporter, Name, _outlet);
        var review = await QuickReporterAsync("Phạm Quốc Khánh");
        var soft = await CardAsync(review, "PHAM QUOC KHANH", _outlet);
        await RegisterAsync(Reporter, briefing, clean);
        await RegisterAsync(review, briefing, soft);

        var pending = await Organizer.GetAsync($"/api/briefings/{briefing}/registrations?status=PendingReview").ExpectAsync(HttpStatusCode.OK);
        Assert.That(pending["items"]!.AsArray().Select(i => i!.Str("holderName")), Is.EqualTo(new[] { "PHAM QUOC KHANH" }));
        var found = await Organizer.GetAsync($"/api/briefings/{briefing}/registrations?q=Hương").ExpectAsync(HttpStatusCode.OK);
        Assert.That(found["items"]!.AsArray().Select(i => i!.Str("holderName")), Is.EqualTo(new[] { Name }));
        var byOutlet = await Organizer.GetAsync($"/api/briefings/{briefing}/registrations?q=kinh te thu do").ExpectAsync(HttpStatusCode.OK);
        Assert.That(byOutlet["total"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task Approving_and_rejecting_by_hand_are_audited_with_who_when_findings_and_reason()
    {
        var briefing = (await Data.BriefingAsync(autoApprove: false)).Id;
        var a = await QuickReporterAsync("Đỗ Thu Trang");
        var b = await QuickReporterAsync("Vũ Hải Đăng");
        var first = await RegisterAsync(a, briefing, await CardAsync(a, "Đỗ Thu Trang", _outlet));
        var second = await RegisterAsync(b, briefing, await CardAsync(b, "Vũ Hải Đăng", _outlet));

        var approved = await Organizer.PostJsonAsync($"/api/registrations/{first.Id()}/approve", new { reason = "Đủ điều kiện" }).ExpectAsync(HttpStatusCode.OK);
        Assert.That(Status(approved), Is.EqualTo("Approved"));
        var noReason = await Organizer.PostJsonAsync($"/api/registrations/{second.Id()}/reject", new { }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(noReason.FieldErrors("reason"), Is.EqualTo(new[] { "'reason' không được rỗng." }));
        var rejected = await Organizer.PostJsonAsync($"/api/registrations/{second.Id()}/reject", new { reason = "Không thuộc lĩnh vực" })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.That((Status(rejected), rejected.Str("reason")), Is.EqualTo(("Rejected", "Không thuộc lĩnh vực")));

        var history = (await Organizer.GetAsync($"/api/registrations/{first.Id()}/history").ExpectAsync(HttpStatusCode.OK)).AsArray();
        Assert.That(history.Select(h => h!.Str("action")), Is.EqualTo(new[] { "SentToReview", "Approved" }));
        Assert.That(history[0]!.Str("actor"), Is.EqualTo("system"));
        Assert.That(history[0]!["findings"]!.AsArray().Select(f => f!.Str("code")), Is.EqualTo(new[] { "ManualReviewRequired" }));
        Assert.That(history[1]!.Str("actor"), Does.StartWith("organizer-"));
        Assert.That((history[1]!.Str("fromStatus"), history[1]!.Str("toStatus"), history[1]!.Str("reason")),
            Is.EqualTo(("PendingReview", "Approved", "Đủ điều kiện")));

        var again = await Organizer.PostJsonAsync($"/api/registrations/{second.Id()}/approve").ExpectAsync(HttpStatusCode.Conflict);
        Assert.That(again.Str("code"), Is.EqualTo("InvalidTransition"));
    }

    [Test]
    public async Task Rejecting_an_approved_registration_gives_its_seat_to_the_waitlist()
    {
        var briefing = (await Data.BriefingAsync(capacity: 1)).Id;
        var a = await QuickReporterAsync("Lý Thanh Tâm");
        var b = await QuickReporterAsync("Hồ Ngọc Lan");
        var first = await RegisterAsync(a, briefing, await CardAsync(a, "Lý Thanh Tâm", _outlet));
        var second = await RegisterAsync(b, briefing, await CardAsync(b, "Hồ Ngọc Lan", _outlet));
        await Organizer.PostJsonAsync($"/api/registrations/{first.Id()}/reject", new { reason = "Giấy tờ đáng ngờ" }).ExpectAsync(HttpStatusCode.OK);
        Assert.That(Status(await b.GetAsync($"/api/registrations/{second.Id()}").ExpectAsync(HttpStatusCode.OK)), Is.EqualTo("Approved"));
    }

    [Test]
    public async Task A_rejected_reporter_registers_again_with_another_credential()
    {
        var briefing = (await Data.BriefingAsync()).Id;
        var reporter = await QuickReporterAsync(Name);
        var expired = await CardAsync(reporter, Name, _outlet, new DateOnly(2026, 1, 5), Day(2));
        var rejected = await RegisterAsync(reporter, briefing, expired);
        Assert.That(Status(rejected), Is.EqualTo("Rejected"));

        var letter = await LetterAsync(reporter, Name, _outlet, HostAgency, Day(0), Day(30));
        var retry = await RegisterAsync(reporter, briefing, letter);
        Assert.That(Status(retry), Is.EqualTo("Approved"));
        Assert.That(Codes(retry), Is.Empty);
        var mine = (await reporter.GetAsync("/api/me/registrations").ExpectAsync(HttpStatusCode.OK)).AsArray();
        Assert.That(mine.Select(r => r!.Str("status")), Is.EquivalentTo(new[] { "Rejected", "Approved" }));
    }

    [Test]
    public async Task A_reporter_never_sees_another_reporters_registration_credential_or_photo_id()
    {
        var briefing = (await Data.BriefingAsync()).Id;
        var owner = await QuickReporterAsync(Name);
        var letter = await LetterAsync(owner, Name, _outlet, HostAgency, Day(0), Day(30));
        var registration = await RegisterAsync(owner, briefing, letter);
        var stranger = await QuickReporterAsync("Người Lạ");

        await stranger.GetAsync($"/api/registrations/{registration.Id()}").ExpectAsync(HttpStatusCode.NotFound);
        await stranger.PostJsonAsync($"/api/registrations/{registration.Id()}/cancel").ExpectAsync(HttpStatusCode.NotFound);
        await stranger.GetAsync($"/api/credentials/{letter}").ExpectAsync(HttpStatusCode.NotFound);
        Assert.That((await stranger.GetAsync("/api/me/registrations").ExpectAsync(HttpStatusCode.OK)).AsArray(), Is.Empty);
        Assert.That((await stranger.GetAsync("/api/me/credentials").ExpectAsync(HttpStatusCode.OK)).AsArray(), Is.Empty);
        await stranger.GetAsync($"/api/briefings/{briefing}/registrations").ExpectAsync(HttpStatusCode.Forbidden);
        await stranger.GetAsync($"/api/briefings/{briefing}/registrations.csv").ExpectAsync(HttpStatusCode.Forbidden);
        await stranger.GetAsync($"/api/registrations/{registration.Id()}/history").ExpectAsync(HttpStatusCode.Forbidden);
        await stranger.PostJsonAsync($"/api/registrations/{registration.Id()}/approve").ExpectAsync(HttpStatusCode.Forbidden);

        // The registration itself carries no photo-ID number, even for its owner; the credential does, for the owner and organizers.
        var own = await owner.GetAsync($"/api/registrations/{registration.Id()}").ExpectAsync(HttpStatusCode.OK);
        var photoId = (await owner.GetAsync($"/api/credentials/{letter}").ExpectAsync(HttpStatusCode.OK)).Str("photoIdNumber");
        Assert.That(photoId, Is.Not.Empty);
        Assert.That(own.ToJsonString(), Does.Not.Contain(photoId));
        Assert.That((await Organizer.GetAsync($"/api/credentials/{letter}").ExpectAsync(HttpStatusCode.OK)).Str("photoIdNumber"), Is.EqualTo(photoId));
        var list = await Organizer.GetAsync($"/api/briefings/{briefing}/registrations").ExpectAsync(HttpStatusCode.OK);
        Assert.That(list.ToJsonString(), Does.Not.Contain(photoId));
    }

    [Test]
    public async Task The_csv_export_lists_name_outlet_location_status_and_decision_time_without_photo_ids()
    {
        var briefing = (await Data.BriefingAsync()).Id;
        var reporter = await QuickReporterAsync("Trịnh Công Sơn");
        var letter = await LetterAsync(reporter, "Trịnh Công Sơn", _outlet, HostAgency, Day(0), Day(30));
        await RegisterAsync(reporter, briefing, letter);
        var photoId = (await reporter.GetAsync($"/api/credentials/{letter}").ExpectAsync(HttpStatusCode.OK)).Str("photoIdNumber");

        using var response = await Organizer.GetAsync($"/api/briefings/{briefing}/registrations.csv");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("name,outlet,location,status,decidedAt"));
        Assert.That(lines[1], Does.StartWith("Trịnh Công Sơn,Báo Kinh Tế Thủ Đô,Điểm chính,Approved,"));
        Assert.That(lines[1], Does.EndWith(Now.AddHours(7).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
        Assert.That(csv, Does.Not.Contain(photoId));
    }

    [Test]
    public async Task Rescheduling_moves_registrations_whose_credential_no_longer_covers_the_date_to_review()
    {
        var briefing = (await Data.BriefingAsync(startsAt: Data.At(10, 9), capacity: 5)).Id;
        var covered = await QuickReporterAsync("Ngô Bảo Châu");
        var notCovered = await QuickReporterAsync("Đặng Thái Sơn");
        var stays = await RegisterAsync(covered, briefing, await CardAsync(covered, "Ngô Bảo Châu", _outlet));
        var letter = await LetterAsync(notCovered, "Đặng Thái Sơn", _outlet, HostAgency, Day(0), Day(12));
        var moves = await RegisterAsync(notCovered, briefing, letter);
        Assert.That((Status(stays), Status(moves)), Is.EqualTo(("Approved", "Approved")));

        await Organizer.PostJsonAsync($"/api/briefings/{briefing}/reschedule", new { startsAt = Local(20, 9), reason = "Trùng lịch họp HĐND" })
            .ExpectAsync(HttpStatusCode.OK);

        Assert.That(Status(await covered.GetAsync($"/api/registrations/{stays.Id()}").ExpectAsync(HttpStatusCode.OK)), Is.EqualTo("Approved"));
        var moved = await notCovered.GetAsync($"/api/registrations/{moves.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(Status(moved), Is.EqualTo("PendingReview"));
        Assert.That(Codes(moved), Is.EqualTo(new[] { "LetterNotValidOnDate" }));
        var history = (await Organizer.GetAsync($"/api/registrations/{moves.Id()}/history").ExpectAsync(HttpStatusCode.OK)).AsArray();
        Assert.That((history[^1]!.Str("action"), history[^1]!.Str("reason")), Is.EqualTo(("RecheckedAfterReschedule", "Trùng lịch họp HĐND")));
        var seats = await WithDbAsync(db => db.LocationSeats.Where(s => s.BriefingId == briefing).Select(s => s.Approved).SingleAsync());
        Assert.That(seats, Is.EqualTo(1));
    }

    [Test]
    public async Task Cancelling_a_briefing_cancels_every_registration()
    {
        var briefing = (await Data.BriefingAsync(capacity: 1)).Id;
        var a = await QuickReporterAsync("Cao Văn Lầu");
        var b = await QuickReporterAsync("Bùi Xuân Phái");
        var first = await RegisterAsync(a, briefing, await CardAsync(a, "Cao Văn Lầu", _outlet));
        var second = await RegisterAsync(b, briefing, await CardAsync(b, "Bùi Xuân Phái", _outlet));
        await Organizer.PostJsonAsync($"/api/briefings/{briefing}/cancel", new { reason = "Thay đổi kế hoạch của thành phố" }).ExpectAsync(HttpStatusCode.OK);

        foreach (var (client, id) in new[] { (a, first.Id()), (b, second.Id()) })
        {
            var registration = await client.GetAsync($"/api/registrations/{id}").ExpectAsync(HttpStatusCode.OK);
            Assert.That((Status(registration), registration.Str("reason")), Is.EqualTo(("Cancelled", "Thay đổi kế hoạch của thành phố")));
        }
    }

    [Test]
    public async Task A_series_rule_change_leaves_occurrences_with_registrations_alone()
    {
        var series = (await Organizer.PostJsonAsync("/api/briefing-series", new
        {
            titleTemplate = "Họp báo định kỳ tháng {month}/{year}", weekday = "Thursday", weekOfMonth = -1, localStartTime = "15:00",
            venue = $"Hội trường {Guid.NewGuid():N}", horizonMonths = 3, publish = true,
        }).ExpectAsync(HttpStatusCode.Created))["series"]!;
        var seriesId = series.Id();
        var occurrences = await WithDbAsync(db => db.Briefings.Where(b => b.SeriesId == seriesId).OrderBy(b => b.StartsAt).Select(b => b.Id).ToListAsync());
        Assert.That(occurrences, Is.Not.Empty);
        var reporter = await QuickReporterAsync("Hoàng Yến");
        await RegisterAsync(reporter, occurrences[0], await CardAsync(reporter, "Hoàng Yến", _outlet));

        var change = await Organizer.PutJsonAsync($"/api/briefing-series/{seriesId}", new
        {
            titleTemplate = "Họp báo định kỳ tháng {month}/{year}", weekday = "Thursday", weekOfMonth = -1, localStartTime = "09:00",
            venue = series.Str("venue"), horizonMonths = 3, publish = true,
        }).ExpectAsync(HttpStatusCode.OK);
        var kept = change["kept"]!.AsArray().Single(k => k!["id"]!.GetValue<Guid>() == occurrences[0]);
        Assert.That(kept!.Str("reason"), Is.EqualTo("HasRegistrations"));
    }

    [Test]
    public async Task A_registration_left_in_review_cannot_be_approved_once_the_briefing_is_completed_409_BriefingOver_and_no_seat_is_taken()
    {
        var briefing = (await Data.BriefingAsync(autoApprove: false, startsAt: Data.At(3, 9))).Id;
        var reporter = await QuickReporterAsync("Tô Hoài Nam");
        var card = await CardAsync(reporter, "Tô Hoài Nam", _outlet);
        var registration = await RegisterAsync(reporter, briefing, card);
        Assert.That(Status(registration), Is.EqualTo("PendingReview"));

        var start = DateTimeOffset.Parse((await Organizer.GetAsync($"/api/briefings/{briefing}").ExpectAsync(HttpStatusCode.OK)).Str("startsAt"),
            CultureInfo.InvariantCulture);
        Factory.Clock.SetUtcNow(start.AddHours(2));
        await Organizer.PostJsonAsync($"/api/briefings/{briefing}/complete").ExpectAsync(HttpStatusCode.OK);

        var problem = await Organizer.PostJsonAsync($"/api/registrations/{registration.Id()}/approve", new { reason = "Duyệt muộn" })
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.That(problem.Str("code"), Is.EqualTo("BriefingOver"));
        Assert.That(Status(await reporter.GetAsync($"/api/registrations/{registration.Id()}").ExpectAsync(HttpStatusCode.OK)), Is.EqualTo("PendingReview"));
        var history = (await Organizer.GetAsync($"/api/registrations/{registration.Id()}/history").ExpectAsync(HttpStatusCode.OK)).AsArray();
        Assert.That(history.Select(h => h!.Str("action")), Is.EqualTo(new[] { "SentToReview" }));
        var seats = await WithDbAsync(db => db.LocationSeats.Where(s => s.BriefingId == briefing).Select(s => s.Approved).ToListAsync());
        Assert.That(seats.Sum(), Is.Zero, "no seat taken");
    }
}
