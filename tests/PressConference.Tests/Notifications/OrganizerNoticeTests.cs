using System.Net;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.Briefings;
using PressConference.Api.Notifications;
using PressConference.Tests.Support;

namespace PressConference.Tests.Notifications;

/// <summary>What the office itself is told: preparing the next regular briefing, and the compliance deadline.</summary>
public sealed class OrganizerNoticeTests : NotificationTest
{
    [Test]
    public async Task The_next_regular_briefing_of_a_series_brings_a_preparation_reminder_7_days_before()
    {
        var organizer = await OrganizerEmailAsync();
        var created = await Organizer.PostJsonAsync("/api/briefing-series", new
        {
            titleTemplate = "Họp báo định kỳ tháng {month}/{year}",
            weekday = "Thursday",
            weekOfMonth = -1,
            localStartTime = "15:00",
            durationMinutes = 90,
            venue = "Hội trường tầng 3, 79 Đinh Tiên Hoàng",
            capacity = 80,
            horizonMonths = 3,
            publish = true,
        }).ExpectAsync(HttpStatusCode.Created);
        var next = created["briefings"]!.AsArray().Select(b => b!).First(b => StartOf(b) > Now.AddDays(8));
        var start = StartOf(next);

        await AtAsync(start.AddDays(-7).AddMinutes(-1));
        Assert.That(MailAbout(next.Id(), NotificationKind.SeriesPreparation), Is.Empty);
        await AtAsync(start.AddDays(-7));
        var mail = MailAbout(next.Id(), NotificationKind.SeriesPreparation).Single();
        Assert.Multiple(() =>
        {
            Assert.That(mail.To.Mailboxes.Single().Address, Is.EqualTo(organizer));
            Assert.That(mail.Subject, Does.StartWith("Chuẩn bị họp báo định kỳ: " + next.Str("title")));
            Assert.That(Text(mail), Does.Contain("Người phát ngôn: chưa có").And.Contain("Điểm cầu đã kết nối: chưa có")
                .And.Contain("15:00"));
        });
    }

    [Test]
    public async Task A_held_regular_briefing_warns_the_office_a_week_before_the_compliance_deadline_unless_the_next_is_scheduled()
    {
        var agency = $"Sở Xây dựng {Guid.NewGuid():N}";
        var briefing = await Data.BriefingAsync(Data.HoursAhead(2), kind: BriefingKind.Regular, hostAgency: agency);
        var heldAt = StartOf(briefing.Body);
        Factory.Clock.SetUtcNow(heldAt.AddHours(3));
        await Organizer.PostJsonAsync($"/api/briefings/{briefing.Id}/complete").ExpectAsync(HttpStatusCode.OK);
        var deadline = heldAt.ToOffset(TimeSpan.FromHours(7)).AddMonths(1);

        await AtAsync(deadline.AddDays(-7).AddMinutes(-1));
        Assert.That(Warnings(agency), Is.Empty);
        await AtAsync(deadline.AddDays(-7));
        var warning = Warnings(agency).Single();
        Assert.That(warning.Subject, Does.StartWith("Sắp quá hạn họp báo định kỳ"));
        Assert.That(Text(warning), Does.Contain(briefing.Body.Str("title")).And.Contain("không quá 1 tháng"));

        // The next one was held and a new one is scheduled in time: no warning this time.
        var second = await Data.BriefingAsync(Data.HoursAhead(2), kind: BriefingKind.Regular, hostAgency: agency);
        Factory.Clock.SetUtcNow(StartOf(second.Body).AddHours(3));
        await Organizer.PostJsonAsync($"/api/briefings/{second.Id}/complete").ExpectAsync(HttpStatusCode.OK);
        var secondDeadline = StartOf(second.Body).ToOffset(TimeSpan.FromHours(7)).AddMonths(1);
        await Data.BriefingAsync(secondDeadline.AddDays(-2), kind: BriefingKind.Regular, hostAgency: agency);
        await AtAsync(secondDeadline.AddDays(-7));
        Assert.That(Warnings(agency), Has.Count.EqualTo(1));
        var rows = await WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.ComplianceWarning).ToListAsync());
        Assert.That(rows.Count(r => r.CancelReason == CancelReasons.NoLongerNeeded), Is.EqualTo(1));
    }

    private List<MimeKit.MimeMessage> Warnings(string agency) => Smtp.Messages()
        .Where(m => m.Headers[NotificationComposer.KindHeader] == "ComplianceWarning" && (m.TextBody ?? string.Empty).Contains(agency, StringComparison.Ordinal))
        .ToList();
}
