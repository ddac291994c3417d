using System.Net;
using Microsoft.EntityFrameworkCore;
using PressConference.Tests.Support;

namespace PressConference.Tests.Accreditation;

/// <summary>What a briefing's reschedule does to the registrations and passes made for it.</summary>
public sealed class RescheduleTests : AccreditationTest
{
    private Guid _outlet;

    [OneTimeSetUp]
    public async Task CreateOutletAsync() => _outlet = await OutletAsync("Báo Đời Sống Thủ Đô");

    [Test]
    public async Task A_reschedule_refused_for_a_schedule_conflict_leaves_the_briefing_its_registrations_and_passes_as_they_were()
    {
        var venue = $"Hội trường {Guid.NewGuid():N}";
        var taken = await Data.BriefingAsync(Data.At(16, 9), venue: venue);
        var takenStart = new DateTimeOffset(taken.StartsAt);
        var briefing = (await Data.BriefingAsync(Data.At(14, 9), capacity: 5, venue: venue)).Id;

        // One card covers any date; the letter covers the briefing's day but not the day it would move to.
        var carded = await QuickReporterAsync("Hà Văn Thẻ");
        var card = await CardAsync(carded, "Hà Văn Thẻ", _outlet);
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
