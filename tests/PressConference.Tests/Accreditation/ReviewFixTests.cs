using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.Accreditation;
using PressConference.Api.Demo;
using PressConference.Api.Infrastructure;
using PressConference.Tests.Support;

namespace PressConference.Tests.Accreditation;

/// <summary>
/// The review's findings, one test each, through the API as people use it: who may block a credential, approving on a
/// briefing that is over, the waitlist's order after a capacity raise, when a card revocation counts, and a refused
/// reschedule leaving everything as it was.
/// </summary>
public sealed class ReviewFixTests : AccreditationTest
{
    private Guid _outlet;
    private HttpClient _door = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _outlet = await OutletAsync("Báo Đời Sống Thủ Đô");
        _door = await CreateUserClientAsync("DoorStaff");
    }

    [OneTimeTearDown]
    public void DisposeDoor() => _door.Dispose();

    private async Task<(HttpClient Client, Guid Card)> ReporterWithCardAsync(string name, string? number = null)
    {
        var client = await QuickReporterAsync(name);
        return (client, await CardAsync(client, name, _outlet, number: number));
    }

    private static int? Position(JsonNode registration) => registration["waitlistPosition"]?.GetValue<int>();

    [Test]
    public async Task Door_staff_cannot_block_a_credential_and_nothing_is_recorded_but_an_organizer_can()
    {
        var briefing = await BriefingAsync();
        var (reporter, card) = await ReporterWithCardAsync("Quách Văn Mượn");
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

    [Test]
    public async Task Approving_a_registration_left_in_review_after_the_briefing_is_completed_answers_409_BriefingOver()
    {
        var briefing = await BriefingAsync(autoApprove: false, days: 3);
        var (reporter, card) = await ReporterWithCardAsync("Tô Hoài Nam");
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

    [Test]
    public async Task Raising_the_capacity_gives_the_new_seats_to_the_waitlist_in_order_and_a_newcomer_waits_behind()
    {
        var start = DateTimeOffset.Parse(Local(12, 9), CultureInfo.InvariantCulture);
        var request = Builders.Briefing(F, start, venue: $"Phòng họp {Guid.NewGuid():N}") with { Capacity = 1 };
        var briefing = (await Organizer.PostJsonAsync("/api/briefings", request).ExpectAsync(HttpStatusCode.Created)).Id();
        await Organizer.PostJsonAsync($"/api/briefings/{briefing}/publish").ExpectAsync(HttpStatusCode.OK);
        var a = await ReporterWithCardAsync("Lê Văn Đến Trước");
        var b = await ReporterWithCardAsync("Trần Thị Chờ Lâu");
        var d = await ReporterWithCardAsync("Hoàng Văn Chờ Sau");
        var c = await ReporterWithCardAsync("Phạm Văn Đến Sau");
        Assert.That(Status(await RegisterAsync(a.Client, briefing, a.Card)), Is.EqualTo("Approved"));
        var first = await RegisterAsync(b.Client, briefing, b.Card);
        var second = await RegisterAsync(d.Client, briefing, d.Card);
        Assert.That((Position(first), Position(second)), Is.EqualTo(((int?)1, (int?)2)));

        await Organizer.PutJsonAsync($"/api/briefings/{briefing}", request with { Capacity = 2, Reason = "Thêm ghế" }).ExpectAsync(HttpStatusCode.OK);

        var promoted = await b.Client.GetAsync($"/api/registrations/{first.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(Status(promoted), Is.EqualTo("Approved"), "the new seat went to the first in line");
        Assert.That((await b.Client.GetAsync($"/api/registrations/{first.Id()}/pass").ExpectAsync(HttpStatusCode.OK)).Str("status"), Is.EqualTo("Valid"));
        var stillWaiting = await d.Client.GetAsync($"/api/registrations/{second.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.That((Status(stillWaiting), Position(stillWaiting)), Is.EqualTo(("Waitlisted", (int?)1)));
        var history = await Organizer.GetAsync($"/api/registrations/{first.Id()}/history").ExpectAsync(HttpStatusCode.OK);
        Assert.That(history.AsArray().Select(h => h!.Str("action")), Does.Contain("PromotedFromWaitlist"));

        var newcomer = await RegisterAsync(c.Client, briefing, c.Card);
        Assert.That((Status(newcomer), Position(newcomer)), Is.EqualTo(("Waitlisted", (int?)2)), "a newcomer waits behind those already waiting");
    }

    [Test]
    public async Task A_card_revocation_counts_from_its_date_only()
    {
        var number = $"RV{Guid.NewGuid().ToString("N")[..8]}".ToUpperInvariant();
        await Organizer.PostJsonAsync("/api/card-revocations", new { number, revokedOn = Day(12), note = "Thu hồi theo quyết định của Bộ" })
            .ExpectAsync(HttpStatusCode.Created);
        var (reporter, card) = await ReporterWithCardAsync("Đoàn Thị Thẻ", number);

        var before = await RegisterAsync(reporter, await BriefingAsync(days: 11), card);
        Assert.That((Status(before), Codes(before)), Is.EqualTo(("Approved", Array.Empty<string>())), "held the day before the revocation");
        var onTheDay = await RegisterAsync(reporter, await BriefingAsync(days: 12), card);
        Assert.That(Codes(onTheDay), Is.EqualTo(new[] { "CardRevoked" }), "held on the day of the revocation");
        var after = await RegisterAsync(reporter, await BriefingAsync(days: 13), card);
        Assert.That(Codes(after), Is.EqualTo(new[] { "CardRevoked" }), "held after the revocation");
    }

    [Test]
    public async Task A_reschedule_refused_for_a_schedule_conflict_leaves_the_briefing_its_registrations_and_passes_as_they_were()
    {
        var venue = $"Hội trường {Guid.NewGuid():N}";
        var taken = Builders.Briefing(F, DateTimeOffset.Parse(Local(16, 9), CultureInfo.InvariantCulture), venue: venue);
        var created = await Organizer.PostJsonAsync("/api/briefings", taken).ExpectAsync(HttpStatusCode.Created);
        var takenId = created.Id();
        var takenStart = DateTimeOffset.Parse(created.Str("startsAt"), CultureInfo.InvariantCulture);
        await Organizer.PostJsonAsync($"/api/briefings/{takenId}/publish").ExpectAsync(HttpStatusCode.OK);
        var moving = Builders.Briefing(F, DateTimeOffset.Parse(Local(14, 9), CultureInfo.InvariantCulture), venue: venue) with { Capacity = 5 };
        var briefing = (await Organizer.PostJsonAsync("/api/briefings", moving).ExpectAsync(HttpStatusCode.Created)).Id();
        await Organizer.PostJsonAsync($"/api/briefings/{briefing}/publish").ExpectAsync(HttpStatusCode.OK);

        // One card covers any date; the letter covers the briefing's day but not the day it would move to.
        var (carded, card) = await ReporterWithCardAsync("Hà Văn Thẻ");
        var lettered = await QuickReporterAsync("Vương Thị Thư");
        var letter = await LetterAsync(lettered, "Vương Thị Thư", _outlet, HostAgency, Day(0), Day(15));
        var registrations = new[] { await RegisterAsync(carded, briefing, card), await RegisterAsync(lettered, briefing, letter) };
        Assert.That(registrations.Select(Status), Is.All.EqualTo("Approved"));
        var clients = new[] { carded, lettered };

        async Task<string[]> SnapshotAsync()
        {
            var state = new List<string>
            {
                (await Organizer.GetAsync($"/api/briefings/{briefing}").ExpectAsync(HttpStatusCode.OK)).ToJsonString(),
                (await Organizer.GetAsync($"/api/briefings/{briefing}/registrations").ExpectAsync(HttpStatusCode.OK)).ToJsonString(),
            };
            for (var i = 0; i < registrations.Length; i++)
            {
                state.Add((await clients[i].GetAsync($"/api/registrations/{registrations[i].Id()}").ExpectAsync(HttpStatusCode.OK)).ToJsonString());
                state.Add((await clients[i].GetAsync($"/api/registrations/{registrations[i].Id()}/pass").ExpectAsync(HttpStatusCode.OK)).ToJsonString());
            }

            return [.. state];
        }

        var before = await SnapshotAsync();
        var problem = await Organizer.PostJsonAsync($"/api/briefings/{briefing}/reschedule", new { startsAt = takenStart.AddMinutes(30), reason = "Dời sang ngày khác" })
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.That(problem.Str("code"), Is.EqualTo("ScheduleConflict"));

        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
        var history = (await Organizer.GetAsync($"/api/briefings/{briefing}/history").ExpectAsync(HttpStatusCode.OK)).AsArray();
        Assert.That(history.Select(h => h!.Str("action")), Does.Not.Contain("Rescheduled"));
        var ids = registrations.Select(r => r.Id()).ToList();
        var audit = await WithDbAsync(db => db.RegistrationAudit.CountAsync(a => a.Action == "RecheckedAfterReschedule" && ids.Contains(a.RegistrationId)));
        Assert.That(audit, Is.Zero, "no registration was re-checked");
        var passes = await WithDbAsync(db => db.Passes.Where(p => p.BriefingId == briefing).Select(p => new { p.ValidFrom, p.RevokedAt }).ToListAsync());
        Assert.That(passes.Select(p => p.RevokedAt), Is.All.Null);
        Assert.That(passes.Select(p => p.ValidFrom).Distinct().Count(), Is.EqualTo(1));
    }
}
