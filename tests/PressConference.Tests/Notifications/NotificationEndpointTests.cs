using System.Net;
using PressConference.Api.Notifications;
using PressConference.Tests.Support;

namespace PressConference.Tests.Notifications;

public sealed class NotificationEndpointTests : NotificationTest
{
    [Test]
    public async Task Organizers_list_the_outbox_by_status_briefing_and_recipient_and_reporters_see_only_their_own()
    {
        var mai = await NewReporterAsync("Trịnh Thị Mai");
        var other = await NewReporterAsync("Lâm Văn Khoa");
        var briefing = await Data.BriefingAsync(Data.HoursAhead(48));
        await PlanAsync(async p =>
        {
            await p.PlanRegistrationDecisionAsync(Guid.NewGuid(), mai.UserId, briefing.Id, NotificationKind.RegistrationApproved,
                new RegistrationDecisionData(), CancellationToken.None);
            await p.PlanReporterRemindersAsync(Guid.NewGuid(), mai.UserId, briefing.Id, CancellationToken.None);
            await p.PlanRegistrationDecisionAsync(Guid.NewGuid(), other.UserId, briefing.Id, NotificationKind.RegistrationWaitlisted,
                new RegistrationDecisionData(WaitlistPosition: 1), CancellationToken.None);
        });
        await DispatchAsync();

        var all = await Organizer.GetAsync($"/api/notifications?briefingId={briefing.Id}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(all["items"]!.AsArray().Select(i => i!.Str("kind")), Is.EquivalentTo(new[]
        {
            "RegistrationApproved", "BriefingReminder", "BriefingReminder", "RegistrationWaitlisted", "RegistrationClosedDigest",
        }));
        var pending = await Organizer.GetAsync($"/api/notifications?briefingId={briefing.Id}&status=pending&recipient={mai.Email.ToUpperInvariant()}")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.That(pending["items"]!.AsArray().Select(i => (i!.Str("kind"), i!.Str("recipient"))),
            Is.All.EqualTo(("BriefingReminder", mai.Email)));
        Assert.That(pending["total"]!.GetValue<int>(), Is.EqualTo(2));
        var page = await Organizer.GetAsync($"/api/notifications?briefingId={briefing.Id}&page=2&pageSize=2").ExpectAsync(HttpStatusCode.OK);
        Assert.That((page["items"]!.AsArray().Count, page["total"]!.GetValue<int>()), Is.EqualTo((2, 5)));

        var mine = await mai.Client.GetAsync("/api/me/notifications").ExpectAsync(HttpStatusCode.OK);
        Assert.That(mine["items"]!.AsArray().Select(i => i!.Str("recipient")), Is.All.EqualTo(mai.Email));
        Assert.That(mine["total"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(mine["items"]!.AsArray().Single(i => i!.Str("kind") == "RegistrationApproved")!.Str("status"), Is.EqualTo("Sent"));
    }

    [Test]
    public async Task The_outbox_is_for_organizers_and_a_wrong_status_is_a_400()
    {
        await Reporter.GetAsync("/api/notifications").ExpectAsync(HttpStatusCode.Forbidden);
        await Anonymous.GetAsync("/api/notifications").ExpectAsync(HttpStatusCode.Unauthorized);
        await Anonymous.GetAsync("/api/me/notifications").ExpectAsync(HttpStatusCode.Unauthorized);
        var problem = await Organizer.GetAsync("/api/notifications?status=Lost").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["status"]![0]!.GetValue<string>(), Does.Contain("Pending"));
    }
}
