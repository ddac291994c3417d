using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PressConference.Api.Briefings;
using PressConference.Api.Notifications;
using PressConference.Tests.Support;

namespace PressConference.Tests.Notifications;

/// <summary>The daily job plans what no single change announces: drafts of a series, and a deadline nobody marked.</summary>
public sealed class DailyPlanningTests : NotificationTest
{
    private async Task RunDailyJobAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NotificationJobs>().PlanDailyAsync(CancellationToken.None);
    }

    [Test]
    public async Task The_next_draft_of_a_series_gets_its_preparation_reminder_from_the_daily_job()
    {
        var created = await Organizer.PostJsonAsync("/api/briefing-series", new
        {
            titleTemplate = "Giao ban báo chí tháng {month}/{year}",
            dayOfMonth = 20,
            localStartTime = "09:00",
            durationMinutes = 60,
            venue = "Phòng họp số 5, 12 Lê Lai",
            hostAgency = $"Sở Văn hóa và Thể thao {Guid.NewGuid():N}",
            capacity = 40,
            horizonMonths = 3,
            publish = false,
        }).ExpectAsync(HttpStatusCode.Created);
        var occurrences = created["briefings"]!.AsArray().Select(b => b!).ToList();
        var next = occurrences[0];
        await RunDailyJobAsync();
        await RunDailyJobAsync();

        await AtAsync(StartOf(next).AddDays(-7));
        var mail = MailAbout(next.Id(), NotificationKind.SeriesPreparation).Single();
        Assert.That(mail.Subject, Does.StartWith("Chuẩn bị họp báo định kỳ: " + next.Str("title")));
        Assert.That(MailAbout(occurrences[1].Id()), Is.Empty, "only the next occurrence is prepared");
    }

    [Test]
    public async Task A_regular_briefing_that_took_place_without_being_marked_completed_still_starts_the_compliance_clock()
    {
        var briefing = await Data.BriefingAsync(Data.HoursAhead(2), kind: BriefingKind.Regular);
        Factory.Clock.SetUtcNow(StartOf(briefing.Body).AddHours(2));
        await RunDailyJobAsync();
        var deadline = StartOf(briefing.Body).ToOffset(TimeSpan.FromHours(7)).AddMonths(1);

        await AtAsync(deadline.AddDays(-7));
        var warning = Smtp.Messages().Single(m => m.Headers[NotificationComposer.KindHeader] == "ComplianceWarning");
        Assert.That(warning.TextBody, Does.Contain(briefing.Body.Str("title")).And.Contain("Văn phòng UBND thành phố Hà Nội"));
    }
}
