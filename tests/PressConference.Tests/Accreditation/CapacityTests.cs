using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.Accreditation;
using PressConference.Api.Demo;
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
        var briefing = await BriefingAsync(capacity: 50);
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
    public async Task Parallel_registrations_by_one_reporter_leave_exactly_one_open_registration()
    {
        var briefing = await BriefingAsync(capacity: 10);
        var (client, card) = await ReporterWithCardAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RegisterAsync(client, briefing, card)));
        Assert.That(results.Count(r => Status(r) == "Approved"), Is.EqualTo(1));
        Assert.That(results.Where(r => Status(r) != "Approved").Select(Codes), Is.All.EqualTo(new[] { "AlreadyRegistered" }));
    }

    [Test]
    public async Task A_full_location_waitlists_with_the_next_position()
    {
        var briefing = await BriefingAsync(capacity: 1);
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
        var briefing = await BriefingAsync(capacity: 1);
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
        var briefing = await BriefingAsync(capacity: 1);
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
        var briefing = await BriefingAsync();
        var a = await ReporterWithCardAsync();
        var registration = await RegisterAsync(a.Client, briefing, a.Card);
        var problem = await Organizer.PostJsonAsync($"/api/registrations/{registration.Id()}/cancel").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["reason"], Is.Not.Null);
        var cancelled = await Organizer.PostJsonAsync($"/api/registrations/{registration.Id()}/cancel", new { reason = "Trùng lặp" })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.That(cancelled.Str("reason"), Is.EqualTo("Trùng lặp"));
        var again = await a.Client.PostJsonAsync($"/api/registrations/{registration.Id()}/cancel").ExpectAsync(HttpStatusCode.Conflict);
        Assert.That(again.Str("code"), Is.EqualTo("InvalidTransition"));
    }

    [Test]
    public async Task Approving_from_the_waitlist_answers_409_when_full_and_raising_the_capacity_lets_the_waitlist_in()
    {
        var start = DateTimeOffset.Parse(Local(15, 9), CultureInfo.InvariantCulture);
        var request = Builders.Briefing(F, start, venue: $"Phòng họp {Guid.NewGuid():N}") with { Capacity = 1 };
        var briefing = (await Organizer.PostJsonAsync("/api/briefings", request).ExpectAsync(HttpStatusCode.Created)).Id();
        await Organizer.PostJsonAsync($"/api/briefings/{briefing}/publish").ExpectAsync(HttpStatusCode.OK);
        var a = await ReporterWithCardAsync();
        var b = await ReporterWithCardAsync();
        await RegisterAsync(a.Client, briefing, a.Card);
        var waiting = await RegisterAsync(b.Client, briefing, b.Card);

        var full = await Organizer.PostJsonAsync($"/api/registrations/{waiting.Id()}/approve").ExpectAsync(HttpStatusCode.Conflict);
        Assert.That(full.Str("code"), Is.EqualTo("LocationFull"));

        await Organizer.PutJsonAsync($"/api/briefings/{briefing}", request with { Capacity = 2 }).ExpectAsync(HttpStatusCode.OK);
        var approved = await b.Client.GetAsync($"/api/registrations/{waiting.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(Status(approved), Is.EqualTo("Approved"), "the raised capacity's seat goes to the waitlist by itself");
        await Organizer.PostJsonAsync($"/api/registrations/{waiting.Id()}/approve").ExpectAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Each_remote_point_has_its_own_seats()
    {
        var briefing = await BriefingAsync(capacity: 5);
        var point = (await Organizer.PostJsonAsync("/api/remote-points", Builders.RemotePoint(F, $"Thử {Guid.NewGuid():N}"[..12]))
            .ExpectAsync(HttpStatusCode.Created)).Id();
        await Organizer.PostJsonAsync($"/api/briefings/{briefing}/remote-points", new { remotePointId = point, capacity = 1 }).ExpectAsync(HttpStatusCode.Created);
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
        var briefing = await BriefingAsync();
        var a = await ReporterWithCardAsync();
        var problem = await a.Client.PostJsonAsync($"/api/briefings/{briefing}/registrations", new { credentialId = a.Card, remotePointId = Guid.NewGuid() })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["remotePointId"], Is.Not.Null);
    }

    [Test]
    public async Task A_remote_point_with_registrations_cannot_be_unlinked_until_they_are_cancelled()
    {
        var briefing = await BriefingAsync();
        var point = (await Organizer.PostJsonAsync("/api/remote-points", Builders.RemotePoint(F, $"Gỡ {Guid.NewGuid():N}"[..12]))
            .ExpectAsync(HttpStatusCode.Created)).Id();
        await Organizer.PostJsonAsync($"/api/briefings/{briefing}/remote-points", new { remotePointId = point }).ExpectAsync(HttpStatusCode.Created);
        var a = await ReporterWithCardAsync();
        var registration = await RegisterAsync(a.Client, briefing, a.Card, point);

        var refused = await Organizer.DeleteAsync($"/api/briefings/{briefing}/remote-points/{point}").ExpectAsync(HttpStatusCode.Conflict);
        Assert.That(refused.Str("code"), Is.EqualTo("RemotePointHasRegistrations"));
        await a.Client.PostJsonAsync($"/api/registrations/{registration.Id()}/cancel").ExpectAsync(HttpStatusCode.OK);
        await Organizer.DeleteAsync($"/api/briefings/{briefing}/remote-points/{point}").ExpectAsync(HttpStatusCode.NoContent);
    }
}
