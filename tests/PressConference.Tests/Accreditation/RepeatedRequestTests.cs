using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.Demo;
using PressConference.Tests.Support;

namespace PressConference.Tests.Accreditation;

/// <summary>
/// A request sent again (a double click, a retry after a timeout) answers what is already there and creates and sends
/// nothing, whether the repeat comes a minute later or at the same instant.
/// </summary>
public sealed class RepeatedRequestTests : AccreditationTest
{
    private Guid _outlet;

    [OneTimeSetUp]
    public async Task CreateOutletAsync() => _outlet = await OutletAsync();

    private Task<int> NoticesForAsync(string reporterId) => WithDbAsync(db => db.Notifications.CountAsync(n => n.RecipientUserId == reporterId));

    private async Task<string> UserIdAsync(HttpClient client) => (await client.GetAsync("/api/auth/me").ExpectAsync(HttpStatusCode.OK)).Str("id");

    [Test]
    public async Task Registering_again_answers_200_with_the_existing_registration_and_creates_and_plans_nothing()
    {
        var reporter = await CreateReporterClientAsync("Phan Thị Thảo");
        var reporterId = await UserIdAsync(reporter);
        var card = await CardAsync(reporter, "Phan Thị Thảo", _outlet);
        var briefing = (await Data.BriefingAsync()).Id;
        var first = await RegisterAsync(reporter, briefing, card);
        Assert.That(Status(first), Is.EqualTo("Approved"));
        var notices = await NoticesForAsync(reporterId);

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await reporter.PostJsonAsync($"/api/briefings/{briefing}/registrations", new { credentialId = card }).ExpectAsync(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(again.Id(), Is.EqualTo(first.Id()));
            Assert.That(Status(again), Is.EqualTo("Approved"));
            Assert.That(Codes(again), Is.Empty);
        });

        var mine = (await reporter.GetAsync("/api/me/registrations").ExpectAsync(HttpStatusCode.OK)).AsArray();
        Assert.That(mine.Select(r => r!.Id()), Is.EqualTo(new[] { first.Id() }), "nothing beside the approved one");
        Assert.That(await NoticesForAsync(reporterId), Is.EqualTo(notices), "no notice planned for a repeat");
        var history = await Organizer.GetAsync($"/api/registrations/{first.Id()}/history").ExpectAsync(HttpStatusCode.OK);
        Assert.That(history.AsArray().Select(h => h!.Str("action")), Is.EqualTo(new[] { "AutoApproved" }));
    }

    [Test]
    public async Task A_repeat_answers_the_current_status_of_a_registration_in_review()
    {
        var reporter = await CreateReporterClientAsync("Đặng Văn Lực");
        var card = await CardAsync(reporter, "Đặng Văn Lực", _outlet);
        var briefing = (await Data.BriefingAsync(autoApprove: false)).Id;
        var first = await RegisterAsync(reporter, briefing, card);
        var again = await reporter.PostJsonAsync($"/api/briefings/{briefing}/registrations", new { credentialId = card }).ExpectAsync(HttpStatusCode.OK);
        Assert.That((again.Id(), Status(again), Codes(again)), Is.EqualTo((first.Id(), "PendingReview", new[] { "ManualReviewRequired" })));
    }

    [Test]
    public async Task Identical_registrations_at_the_same_instant_end_with_one_registration_and_the_same_answer_for_all()
    {
        var reporter = await QuickReporterAsync("Hồ Thị Ngân");
        var card = await CardAsync(reporter, "Hồ Thị Ngân", _outlet);
        var briefing = (await Data.BriefingAsync(capacity: 10)).Id;

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await reporter.PostJsonAsync($"/api/briefings/{briefing}/registrations", new { credentialId = card });
            return (response.StatusCode, Body: JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
        }));

        Assert.That(answers.Select(a => a.StatusCode), Is.EquivalentTo(Enumerable.Repeat(HttpStatusCode.OK, 7).Append(HttpStatusCode.Created)),
            string.Join("\n", answers.Select(a => a.Body.ToJsonString())));
        Assert.That(answers.Select(a => a.Body.Id()).Distinct().Count(), Is.EqualTo(1));
        Assert.That(answers.Select(a => Status(a.Body)), Is.All.EqualTo("Approved"));
        Assert.That(await WithDbAsync(db => db.Registrations.CountAsync(r => r.BriefingId == briefing)), Is.EqualTo(1));
    }

    [Test]
    public async Task A_press_card_added_again_with_the_same_number_answers_200_with_the_existing_card()
    {
        var reporter = await QuickReporterAsync("Tạ Minh Khôi");
        var request = Builders.PressCard(F, "Tạ Minh Khôi", _outlet, new DateOnly(2026, 2, 1), number: "026777");
        var first = await reporter.PostJsonAsync("/api/me/credentials", request).ExpectAsync(HttpStatusCode.Created);

        var again = await reporter.PostJsonAsync("/api/me/credentials", request with { Number = " 026 777 " }).ExpectAsync(HttpStatusCode.OK);
        Assert.That((again.Id(), again.Str("number")), Is.EqualTo((first.Id(), "026777")));
        var mine = (await reporter.GetAsync("/api/me/credentials").ExpectAsync(HttpStatusCode.OK)).AsArray();
        Assert.That(mine.Select(c => c!.Id()), Is.EqualTo(new[] { first.Id() }));

        // Another reporter's card with that number is theirs to add (a wrong number is for the checks to find).
        var other = await QuickReporterAsync("Tạ Minh Khôi");
        await other.PostJsonAsync("/api/me/credentials", request).ExpectAsync(HttpStatusCode.Created);
    }
}
