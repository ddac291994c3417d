using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.Accreditation;
using PressConference.Tests.Support;

namespace PressConference.Tests.Accreditation;

/// <summary>Seats per location, the waitlist, and what frees a seat.</summary>
public sealed class CapacityTests : AccreditationTest
{
    private Guid _outlet;

    [OneTimeSetUp]
    public async Task CreateOutletAsync() => _outlet = await OutletAsync();

    private async Task<(HttpClient Client, Guid Card)> ReporterWithCardAsync(string name = "Lê Minh Tuấn")
    {
        var client = await QuickReporterAsync(name);
        return (client, await CardAsync(client, name, _outlet));
    }

    private static int? Position(JsonNode registration) => registration["waitlistPosition"]?.GetValue<int>();

    [Test]
    public async Task Two_hundred_parallel_registrations_for_fifty_seats_approve_exactly_fifty_and_waitlist_the_rest_in_order()
    {
        var briefing = (await Data.BriefingAsync(capacity: 50)).Id;
        var reporters = new List<(HttpClient Client, Guid Card)>();
        for (var i = 0; i < 200; i++)
        {
            reporters.Add(await ReporterWithCardAsync());
        }

        var responses = await Task.WhenAll(reporters.Select(async r =>
        {
            using var response = await r.Client.PostJsonAsync($"/api/briefings/{briefing}/registrations", new { credentialId = r.Card });
            return (response.StatusCode, Body: JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
        }));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created),
            string.Join("\n", responses.Where(r => r.StatusCode != HttpStatusCode.Created).Select(r => r.Body.ToJsonString()).Take(3)));
        var bodies = responses.Select(r => r.Body).ToList();
        Assert.That(bodies.Count(b => Status(b) == "Approved"), Is.EqualTo(50));
        Assert.That(bodies.Count(b => Status(b) == "Waitlisted"), Is.EqualTo(150));
        Assert.That(bodies.Where(b => Status(b) == "Waitlisted").Select(b => Position(b)!.Value).Order(), Is.EqualTo(Enumerable.Range(1, 150)));
        Assert.That(bodies.Where(b => Status(b) == "Approved").Select(Position), Is.All.Null);

        // What is stored agrees: 50 approved, the counter at 50, and the waitlist order is the order positions were handed out.
        var (approved, counter, waitlist) = await WithDbAsync(async db => (
            await db.Registrations.CountAsync(r => r.BriefingId == briefing && r.Status == RegistrationStatus.Approved),
            await db.LocationSeats.Where(s => s.BriefingId == briefing).Select(s => s.Approved).SingleAsync(),
            await db.Registrations.Where(r => r.BriefingId == briefing && r.Status == RegistrationStatus.Waitlisted)
                .OrderBy(r => r.WaitlistNumber).Select(r => r.Id).ToListAsync()));
        Assert.That(approved, Is.EqualTo(50));
        Assert.That(counter, Is.EqualTo(50));
        var positionById = bodies.Where(b => Status(b) == "Waitlisted").ToDictionary(b => b.Id(), b => Position(b)!.Value);
        Assert.That(waitlist.Select(id => positionById[id]), Is.EqualTo(Enumerable.Range(1, 150)));

        var list = await Organizer.GetAsync($"/api/briefings/{briefing}/registrations?status=Waitlisted&pageSize=200").ExpectAsync(HttpStatusCode.OK);
        Assert.That(list["items"]!.AsArray().Select(i => Position(i!)!.Value), Is.EqualTo(Enumerable.Range(1, 150)));
    }

    [Test]
    public async Task A_full_location_waitlists_with_the_next_position()
    {
        var briefing = (await Data.BriefingAsync(capacity: 1)).Id;
        var a = await ReporterWithCardAsync();
        var b = await ReporterWithCardAsync();
        var c = await ReporterWithCardAsync();
        Assert.That(Status(await RegisterAsync(a.Client, briefing, a.Card)), Is.EqualTo("Approved"));
        var second = await RegisterAsync(b.Client, briefing, b.Card);
        var third = await RegisterAsync(c.Client, briefing, c.Card);
        Assert.That((Status(second), Position(second)), Is.EqualTo(("Waitlisted", (int?)1)));
        Assert.That((Status(third), Position(third)), Is.EqualTo(("Waitlisted", (int?)2)));
    }

    [Test]
    public async Task Cancelling_an_approved_registration_promotes_the_first_on_the_waitlist()
    {
        var briefing = (await Data.BriefingAsync(capacity: 1)).Id;
        var a = await ReporterWithCardAsync();
        var b = await ReporterWithCardAsync();
        var c = await ReporterWithCardAsync();
        var first = await RegisterAsync(a.Client, briefing, a.Card);
        var second = await RegisterAsync(b.Client, briefing, b.Card);
        var third = await RegisterAsync(c.Client, briefing, c.Card);

        var cancelled = await a.Client.PostJsonAsync($"/api/registrations/{first.Id()}/cancel").ExpectAsync(HttpStatusCode.OK);
        Assert.That(Status(cancelled), Is.EqualTo("Cancelled"));
        var promoted = await b.Client.GetAsync($"/api/registrations/{second.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(Status(promoted), Is.EqualTo("Approved"));
        var next = await c.Client.GetAsync($"/api/registrations/{third.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.That((Status(next), Position(next)), Is.EqualTo(("Waitlisted", (int?)1)));

        var history = await Organizer.GetAsync($"/api/registrations/{second.Id()}/history").ExpectAsync(HttpStatusCode.OK);
        Assert.That(history.AsArray().Select(h => h!.Str("action")), Is.EqualTo(new[] { "Waitlisted", "PromotedFromWaitlist" }));
        var seats = await WithDbAsync(db => db.LocationSeats.Where(s => s.BriefingId == briefing).Select(s => s.Approved).SingleAsync());
        Assert.That(seats, Is.EqualTo(1));
    }

    [Test]
    public async Task Cancelling_a_waitlisted_registration_promotes_nobody_and_closes_the_gap()
    {
        var briefing = (await Data.BriefingAsync(capacity: 1)).Id;
        var a = await ReporterWithCardAsync();
        var b = await ReporterWithCardAsync();
        var c = await ReporterWithCardAsync();
        await RegisterAsync(a.Client, briefing, a.Card);
        var second = await RegisterAsync(b.Client, briefing, b.Card);
        var third = await RegisterAsync(c.Client, briefing, c.Card);
        await b.Client.PostJsonAsync($"/api/registrations/{second.Id()}/cancel").ExpectAsync(HttpStatusCode.OK);
        var next = await c.Client.GetAsync($"/api/registrations/{third.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.That((Status(next), Position(next)), Is.EqualTo(("Waitlisted", (int?)1)));
    }

    [Test]
    public async Task An_organizer_cancels_only_with_a_reason_and_a_cancelled_registration_cannot_be_cancelled_again()
    {
        var briefing = (await Data.BriefingAsync()).Id;
        var a = await ReporterWithCardAsync();
        var registration = await RegisterAsync(a.Client, briefing, a.Card);
        var problem = await Organizer.PostJsonAsync($"/api/registrations/{registration.Id()}/cancel").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldErrors("reason"), Is.EqualTo(new[] { "Cần nêu lý do khi hủy đăng ký của người khác." }));
        var cancelled = await Organizer.PostJsonAsync($"/api/registrations/{registration.Id()}/cancel", new { reason = "Trùng lặp" })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.That(cancelled.Str("reason"), Is.EqualTo("Trùng lặp"));
        var again = await a.Client.PostJsonAsync($"/api/registrations/{registration.Id()}/cancel").ExpectAsync(HttpStatusCode.Conflict);
        Assert.That(again.Str("code"), Is.EqualTo("InvalidTransition"));
    }

    [Test]
    public async Task Approving_from_the_waitlist_answers_409_when_full_and_raising_the_capacity_lets_the_waitlist_in()
    {
        var created = await Data.BriefingAsync(Data.At(15, 9), capacity: 1);
        var briefing = created.Id;
        var a = await ReporterWithCardAsync();
        var b = await ReporterWithCardAsync();
        await RegisterAsync(a.Client, briefing, a.Card);
        var waiting = await RegisterAsync(b.Client, briefing, b.Card);

        var full = await Organizer.PostJsonAsync($"/api/registrations/{waiting.Id()}/approve").ExpectAsync(HttpStatusCode.Conflict);
        Assert.That(full.Str("code"), Is.EqualTo("LocationFull"));

        await Organizer.PutJsonAsync($"/api/briefings/{briefing}", created.Request with { Capacity = 2 }).ExpectAsync(HttpStatusCode.OK);
        var approved = await b.Client.GetAsync($"/api/registrations/{waiting.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(Status(approved), Is.EqualTo("Approved"), "the raised capacity's seat goes to the waitlist by itself");
        await Organizer.PostJsonAsync($"/api/registrations/{waiting.Id()}/approve").ExpectAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Each_remote_point_has_its_own_seats()
    {
        var briefing = (await Data.BriefingAsync(capacity: 5)).Id;
        var point = (await Data.RemotePointAsync(briefing, capacity: 1)).Id;
        var a = await ReporterWithCardAsync();
        var b = await ReporterWithCardAsync();
        var c = await ReporterWithCardAsync();
        var atPoint = await RegisterAsync(a.Client, briefing, a.Card, point);
        Assert.That((Status(atPoint), atPoint["remotePointId"]!.GetValue<Guid>()), Is.EqualTo(("Approved", point)));
        Assert.That(Status(await RegisterAsync(b.Client, briefing, b.Card, point)), Is.EqualTo("Waitlisted"));
        Assert.That(Status(await RegisterAsync(c.Client, briefing, c.Card)), Is.EqualTo("Approved"));

        var atMain = await Organizer.GetAsync($"/api/briefings/{briefing}/registrations?location=main").ExpectAsync(HttpStatusCode.OK);
        Assert.That(atMain["total"]!.GetValue<int>(), Is.EqualTo(1));
        var there = await Organizer.GetAsync($"/api/briefings/{briefing}/registrations?location={point}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(there["total"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_remote_point_not_linked_to_the_briefing_is_refused()
    {
        var briefing = (await Data.BriefingAsync()).Id;
        var a = await ReporterWithCardAsync();
        var problem = await a.Client.PostJsonAsync($"/api/briefings/{briefing}/registrations", new { credentialId = a.Card, remotePointId = Guid.NewGuid() })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldErrors("remotePointId"), Is.EqualTo(new[] { "Điểm cầu này không được kết nối với họp báo." }));
    }

    [Test]
    public async Task A_remote_point_with_registrations_cannot_be_unlinked_until_they_are_cancelled()
    {
        var briefing = (await Data.BriefingAsync()).Id;
        var point = (await Data.RemotePointAsync(briefing)).Id;
        var a = await ReporterWithCardAsync();
        var registration = await RegisterAsync(a.Client, briefing, a.Card, point);

        var refused = await Organizer.DeleteAsync($"/api/briefings/{briefing}/remote-points/{point}").ExpectAsync(HttpStatusCode.Conflict);
        Assert.That(refused.Str("code"), Is.EqualTo("RemotePointHasRegistrations"));
        await a.Client.PostJsonAsync($"/api/registrations/{registration.Id()}/cancel").ExpectAsync(HttpStatusCode.OK);
        await Organizer.DeleteAsync($"/api/briefings/{briefing}/remote-points/{point}").ExpectAsync(HttpStatusCode.NoContent);
    }

    [Test]
    public async Task Raising_the_capacity_gives_the_new_seats_to_the_waitlist_in_order_and_a_newcomer_waits_behind()
    {
        var created = await Data.BriefingAsync(Data.At(12, 9), capacity: 1);
        var briefing = created.Id;
        var a = await ReporterWithCardAsync("Lê Văn Đến Trước");
        var b = await ReporterWithCardAsync("Trần Thị Chờ Lâu");
        var d = await ReporterWithCardAsync("Hoàng Văn Chờ Sau");
        var c = await ReporterWithCardAsync("Phạm Văn Đến Sau");
        Assert.That(Status(await RegisterAsync(a.Client, briefing, a.Card)), Is.EqualTo("Approved"));
        var first = await RegisterAsync(b.Client, briefing, b.Card);
        var second = await RegisterAsync(d.Client, briefing, d.Card);
        Assert.That((Position(first), Position(second)), Is.EqualTo(((int?)1, (int?)2)));

        await Organizer.PutJsonAsync($"/api/briefings/{briefing}", created.Request with { Capacity = 2, Reason = "Thêm ghế" }).ExpectAsync(HttpStatusCode.OK);

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
}
