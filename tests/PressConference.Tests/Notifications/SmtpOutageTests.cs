using System.Net;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.Notifications;
using PressConference.Tests.Support;

namespace PressConference.Tests.Notifications;

/// <summary>The SMTP server goes away and comes back: rows wait, retry with backoff, and end Failed and visible.</summary>
public sealed class SmtpOutageTests : NotificationTest
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Notifications:MaxAttempts"] = "3",
        ["Notifications:RetryDelay"] = "00:01:00",
    };

    [TearDown]
    public void ServerBack() => Smtp.Resume();

    private async Task<(TestReporter Reporter, Guid Briefing)> DecisionAsync()
    {
        var reporter = await NewReporterAsync("Bùi Thu Trang");
        var briefing = await Data.BriefingAsync(Data.HoursAhead(200));
        await PlanAsync(p => p.PlanRegistrationDecisionAsync(Guid.NewGuid(), reporter.UserId, briefing.Id, NotificationKind.RegistrationApproved,
            new RegistrationDecisionData(), CancellationToken.None));
        return (reporter, briefing.Id);
    }

    private Task<Notification> RowAsync(string email) =>
        WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.ToAddress == email && n.Kind == NotificationKind.RegistrationApproved));

    [Test]
    public async Task While_the_server_is_down_a_row_retries_with_backoff_and_arrives_once_it_is_back()
    {
        var (reporter, _) = await DecisionAsync();
        Smtp.Stop();

        await DispatchAsync();
        var first = await RowAsync(reporter.Email);
        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(NotificationStatus.Pending));
            Assert.That(first.Attempts, Is.EqualTo(1));
            Assert.That(first.LastError, Is.Not.Null.And.Not.Empty);
            Assert.That(first.NextAttemptAt, Is.EqualTo(Now.UtcDateTime.AddMinutes(1)));
        });

        await DispatchAsync();
        Assert.That((await RowAsync(reporter.Email)).Attempts, Is.EqualTo(1), "not retried before its backoff");

        await AtAsync(Now.AddMinutes(1));
        var second = await RowAsync(reporter.Email);
        Assert.That((second.Attempts, second.NextAttemptAt), Is.EqualTo((2, Now.UtcDateTime.AddMinutes(2))), "the wait doubles");

        Smtp.Resume();
        await AtAsync(Now.AddMinutes(2));
        var sent = await RowAsync(reporter.Email);
        Assert.That((sent.Status, sent.Attempts, sent.LastError), Is.EqualTo((NotificationStatus.Sent, 3, (string?)null)));
        Assert.That(MailTo(reporter.Email), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task After_the_last_attempt_the_row_is_Failed_listed_for_organizers_and_can_be_retried()
    {
        var (reporter, briefing) = await DecisionAsync();
        Smtp.Stop();
        await DispatchAsync();
        await AtAsync(Now.AddMinutes(1));
        await AtAsync(Now.AddMinutes(2));
        var failed = await RowAsync(reporter.Email);
        Assert.That((failed.Status, failed.Attempts), Is.EqualTo((NotificationStatus.Failed, 3)));

        await AtAsync(Now.AddHours(5));
        Assert.That((await RowAsync(reporter.Email)).Attempts, Is.EqualTo(3), "a failed row is left alone");

        var list = await Organizer.GetAsync($"/api/notifications?status=Failed&briefingId={briefing}").ExpectAsync(HttpStatusCode.OK);
        var item = list["items"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(item.Str("recipient"), Is.EqualTo(reporter.Email));
            Assert.That(item.Str("kind"), Is.EqualTo("RegistrationApproved"));
            Assert.That(item.Str("lastError"), Is.Not.Empty);
        });

        Smtp.Resume();
        var retried = await Organizer.PostJsonAsync($"/api/notifications/{failed.Id}/retry").ExpectAsync(HttpStatusCode.OK);
        Assert.That((retried.Str("status"), retried["attempts"]!.GetValue<int>()), Is.EqualTo(("Pending", 0)));
        await DispatchAsync();
        Assert.That(MailTo(reporter.Email), Has.Count.EqualTo(1));

        var again = await Organizer.PostJsonAsync($"/api/notifications/{failed.Id}/retry").ExpectAsync(HttpStatusCode.Conflict);
        Assert.That(again.Str("code"), Is.EqualTo("NotRetryable"));
        await Organizer.PostJsonAsync($"/api/notifications/{Guid.NewGuid()}/retry").ExpectAsync(HttpStatusCode.NotFound);
        await Reporter.PostJsonAsync($"/api/notifications/{failed.Id}/retry").ExpectAsync(HttpStatusCode.Forbidden);
    }
}
