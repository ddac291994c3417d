using System.Globalization;
using System.Net;
using System.Text;
using PressConference.Tests.Support;

namespace PressConference.Tests.Accreditation;

/// <summary>A card revoked after its holder was approved stops admitting them: the registration goes back to review.</summary>
public sealed class RevocationRecheckTests : AccreditationTest
{
    private Guid _outlet;

    [OneTimeSetUp]
    public async Task CreateOutletAsync() => _outlet = await OutletAsync();

    [Test]
    public async Task Revoking_an_approved_reporters_card_sends_the_registration_to_review_and_revokes_the_pass()
    {
        var reporter = await QuickReporterAsync("Đinh Thị Thu");
        var card = await CardAsync(reporter, "Đinh Thị Thu", _outlet, number: "RC2001");
        var briefing = (await Data.BriefingAsync(startsAt: Data.At(12, 9))).Id;
        var registration = await RegisterAsync(reporter, briefing, card);
        Assert.That(Status(registration), Is.EqualTo("Approved"));
        Assert.That((await reporter.GetAsync($"/api/registrations/{registration.Id()}/pass").ExpectAsync(HttpStatusCode.OK)).Str("status"),
            Is.EqualTo("Valid"));

        await Organizer.PostJsonAsync("/api/card-revocations", new { number = "rc 2001", revokedOn = Day(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })
            .ExpectAsync(HttpStatusCode.Created);

        var moved = await reporter.GetAsync($"/api/registrations/{registration.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.That((Status(moved), Codes(moved)), Is.EqualTo(("PendingReview", new[] { "CardRevoked" })));
        Assert.That((await reporter.GetAsync($"/api/registrations/{registration.Id()}/pass").ExpectAsync(HttpStatusCode.OK)).Str("status"),
            Is.EqualTo("Revoked"));
    }

    [Test]
    public async Task A_revocation_dated_after_the_briefing_leaves_that_registration_alone_and_an_import_rechecks_too()
    {
        var early = await QuickReporterAsync("Võ Minh Tâm");
        var earlyCard = await CardAsync(early, "Võ Minh Tâm", _outlet, number: "RC2002");
        var soon = (await Data.BriefingAsync(startsAt: Data.At(5, 9))).Id;
        var kept = await RegisterAsync(early, soon, earlyCard);

        var late = await QuickReporterAsync("Lý Thị Hoa");
        var lateCard = await CardAsync(late, "Lý Thị Hoa", _outlet, number: "RC2003");
        var later = (await Data.BriefingAsync(startsAt: Data.At(20, 9))).Id;
        var moved = await RegisterAsync(late, later, lateCard);

        // Both revoked from day 10: the briefing on day 5 is before it, the one on day 20 after it.
        var day10 = Day(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var csv = new StringContent($"number,revokedOn,note\nRC2002,{day10},\nRC2003,{day10},\n", Encoding.UTF8, "text/csv");
        await Organizer.PostAsync("/api/card-revocations/import", csv).ExpectAsync(HttpStatusCode.OK);

        Assert.That(Status(await early.GetAsync($"/api/registrations/{kept.Id()}").ExpectAsync(HttpStatusCode.OK)), Is.EqualTo("Approved"));
        Assert.That(Status(await late.GetAsync($"/api/registrations/{moved.Id()}").ExpectAsync(HttpStatusCode.OK)), Is.EqualTo("PendingReview"));
    }

    [Test]
    public async Task A_card_revocation_counts_for_briefings_held_on_or_after_its_date_not_before()
    {
        var number = $"RV{Guid.NewGuid().ToString("N")[..8]}".ToUpperInvariant();
        await Organizer.PostJsonAsync("/api/card-revocations", new { number, revokedOn = Day(12), note = "Thu hồi theo quyết định của Bộ" })
            .ExpectAsync(HttpStatusCode.Created);
        var reporter = await QuickReporterAsync("Đoàn Thị Thẻ");
        var card = await CardAsync(reporter, "Đoàn Thị Thẻ", _outlet, number: number);

        var before = await RegisterAsync(reporter, (await Data.BriefingAsync(startsAt: Data.At(11, 9))).Id, card);
        Assert.That((Status(before), Codes(before)), Is.EqualTo(("Approved", Array.Empty<string>())), "held the day before the revocation");
        var onTheDay = await RegisterAsync(reporter, (await Data.BriefingAsync(startsAt: Data.At(12, 9))).Id, card);
        Assert.That(Codes(onTheDay), Is.EqualTo(new[] { "CardRevoked" }), "held on the day of the revocation");
        var after = await RegisterAsync(reporter, (await Data.BriefingAsync(startsAt: Data.At(13, 9))).Id, card);
        Assert.That(Codes(after), Is.EqualTo(new[] { "CardRevoked" }), "held after the revocation");
    }
}
