using PressConference.Api.Briefings;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.Notifications;
using PressConference.Tests.Support;

namespace PressConference.Tests.Notifications;

/// <summary>
/// Rows planned before the template data became typed records hold a JSON dictionary of strings, the briefing's facts
/// included. Such rows still waiting in the outbox when the service is updated are sent as they would have been: the
/// data below is what the earlier planner wrote (captured from it), with this fixture's ids and times put in.
/// </summary>
public sealed class LegacyOutboxRowTests : NotificationTest
{
    /// <summary>Facts of the briefing as the earlier planner stored them; the mail shows the briefing as it is now instead.</summary>
    private const string StaleFacts = """
        "briefingId":"{briefingId}","title":"Tiêu đề cũ đã đổi","topic":"Chống ùn tắc giao thông","hostAgency":"Văn phòng UBND thành phố Hà Nội","venue":"Hội trường cũ","startsAt":"2026-11-28T07:00:00.0000000Z","endsAt":"2026-11-28T08:30:00.0000000Z","doorsOpenAt":"2026-11-28T06:00:00.0000000Z","registrationClosesAt":"2026-11-28T04:00:00.0000000Z","cancellationReason":null
        """;

    [Test]
    public async Task A_waitlist_notice_stored_as_a_dictionary_tells_the_position_and_the_live_briefing()
    {
        var reporter = await NewReporterAsync("Lê Thị Hồng");
        var briefing = await Data.BriefingAsync(Data.HoursAhead(100));
        await InsertAsync(NotificationKind.RegistrationWaitlisted, reporter, briefing.Id, Guid.NewGuid(), null,
            "{" + StaleFacts + ""","passUrl":"https://pass.test/p/abc","remotePointId":null,"waitlistPosition":"3"}""");

        await DispatchAsync();
        var mail = MailTo(reporter.Email, NotificationKind.RegistrationWaitlisted).Single();
        Assert.Multiple(() =>
        {
            Assert.That(mail.Subject, Is.EqualTo("Danh sách chờ: " + briefing.Title));
            Assert.That(Text(mail), Does.Contain("vị trí số 3 trong danh sách chờ").And.Contain(Hanoi(StartOf(briefing.Body))));
            Assert.That(Text(mail), Does.Not.Contain("Tiêu đề cũ"));
        });
    }

    [Test]
    public async Task A_rejection_stored_as_a_dictionary_lists_its_reasons_line_by_line()
    {
        var reporter = await NewReporterAsync("Phan Văn Lý");
        var briefing = await Data.BriefingAsync(Data.HoursAhead(100));
        await InsertAsync(NotificationKind.RegistrationRejected, reporter, briefing.Id, Guid.NewGuid(), null,
            "{" + StaleFacts + ""","passUrl":"https://pass.test/p/abc","remotePointId":null,"reasons":"Thẻ nhà báo đã hết hạn\nLý do khác"}""");

        await DispatchAsync();
        var mail = MailTo(reporter.Email, NotificationKind.RegistrationRejected).Single();
        Assert.That(Text(mail), Does.Contain("Lý do:\nThẻ nhà báo đã hết hạn\nLý do khác"));
    }

    [Test]
    public async Task A_reminder_stored_as_a_dictionary_shows_the_remote_point_and_the_pass_link_in_english()
    {
        var reporter = await NewReporterAsync("Mary Nguyen", "en");
        var briefing = await Data.BriefingAsync(Data.HoursAhead(100));
        var (pointId, _, _) = await Data.RemotePointAsync(briefing.Id);
        await InsertAsync(NotificationKind.BriefingReminder, reporter, briefing.Id, Guid.NewGuid(), pointId,
            "{" + StaleFacts + ""","passUrl":"https://pass.test/p/mary","remotePointId":"{pointId}","remotePointName":"Điểm cầu phường Hoàn Kiếm 7d1ebf","remotePointAddress":"Số 126 Hàng Trống, phường Hoàn Kiếm, Hà Nội","videoLink":"https://hop.hanoi.gov.vn/phong/hoan-kiem","offset":"24"}"""
                .Replace("{pointId}", pointId.ToString(), StringComparison.Ordinal));

        await DispatchAsync();
        var mail = MailTo(reporter.Email, NotificationKind.BriefingReminder).Single();
        Assert.Multiple(() =>
        {
            Assert.That(mail.Subject, Does.StartWith($"Reminder: {briefing.Title} at "));
            Assert.That(Text(mail), Does.Contain("Where: Điểm cầu phường Hoàn Kiếm 7d1ebf (Số 126 Hàng Trống, phường Hoàn Kiếm, Hà Nội)")
                .And.Contain("https://pass.test/p/mary").And.Contain(Hanoi(StartOf(briefing.Body), "en")));
        });
    }

    [Test]
    public async Task A_reschedule_notice_stored_as_a_dictionary_shows_the_old_time_and_the_reason()
    {
        var reporter = await NewReporterAsync("Đỗ Minh Châu");
        var briefing = await Data.BriefingAsync(Data.HoursAhead(100));
        await InsertAsync(NotificationKind.BriefingRescheduled, reporter, briefing.Id, Guid.NewGuid(), null,
            "{" + StaleFacts + ""","oldStartsAt":"2026-11-27T07:00:00.0000000Z","oldEndsAt":"2026-11-27T08:30:00.0000000Z","reason":"Lý do dời","remotePointId":null}""");

        await DispatchAsync();
        var mail = MailTo(reporter.Email, NotificationKind.BriefingRescheduled).Single();
        var oldStart = new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero);
        Assert.That(Text(mail), Does.Contain("Thời gian cũ: " + Hanoi(oldStart)).And.Contain("Thời gian mới: " + Hanoi(StartOf(briefing.Body)))
            .And.Contain("Lý do: Lý do dời"));
    }

    [Test]
    public async Task A_compliance_warning_stored_as_a_dictionary_is_checked_again_and_sent_with_its_deadline()
    {
        var agency = $"Sở Xây dựng {Guid.NewGuid():N}";
        var held = await Data.BriefingAsync(Data.HoursAhead(2), kind: BriefingKind.Regular, hostAgency: agency);
        var heldAt = StartOf(held.Body);
        Factory.Clock.SetUtcNow(heldAt.AddHours(3));
        await Organizer.PostJsonAsync($"/api/briefings/{held.Id}/complete").ExpectAsync(HttpStatusCode.OK);
        var deadline = heldAt.ToOffset(TimeSpan.FromHours(7)).AddMonths(1);
        var office = new TestReporter("office", $"office-{Guid.NewGuid():N}@hanoi.test", "Văn phòng", Anonymous);
        await InsertAsync(NotificationKind.ComplianceWarning, office, null, null, null,
            $$"""{"hostAgency":"{{agency}}","deadlineAt":"{{Utc(deadline)}}","lastHeldAt":"{{Utc(heldAt)}}","lastHeldTitle":"{{held.Title}}","months":"1"}""",
            deadline.AddDays(-7).UtcDateTime);

        await AtAsync(deadline.AddDays(-7));
        var mail = MailTo(office.Email, NotificationKind.ComplianceWarning).Single();
        Assert.Multiple(() =>
        {
            Assert.That(mail.Subject, Is.EqualTo($"Sắp quá hạn họp báo định kỳ ({Hanoi(deadline)})"));
            Assert.That(Text(mail), Does.Contain($"Họp báo định kỳ gần nhất của {agency} là \"{held.Title}\" lúc {Hanoi(heldAt)}")
                .And.Contain("không quá 1 tháng"));
        });
    }

    /// <summary>A row as the earlier planner left it: pending, due now (or at <paramref name="dueAt"/>), its data as given.</summary>
    private async Task InsertAsync(NotificationKind kind, TestReporter to, Guid? briefingId, Guid? registrationId, Guid? remotePointId, string data,
        DateTime? dueAt = null)
    {
        var id = Guid.CreateVersion7();
        var due = dueAt ?? Now.UtcDateTime;
        var language = await WithDbAsync(db => db.Users.Where(u => u.Id == to.UserId).Select(u => u.PreferredLanguage).FirstOrDefaultAsync());
        await WithDbAsync(async db =>
        {
            db.Notifications.Add(new Notification
            {
                Id = id,
                Kind = kind,
                RecipientKey = $"user:{to.UserId}",
                Subject = $"legacy:{id}",
                RecipientUserId = briefingId is null ? null : to.UserId,
                ToAddress = to.Email,
                ToName = to.DisplayName,
                Language = language == "en" ? "en" : "vi",
                BriefingId = briefingId,
                RegistrationId = registrationId,
                RemotePointId = remotePointId,
                Data = data.Replace("{briefingId}", briefingId?.ToString(), StringComparison.Ordinal),
                DueAt = due,
                NextAttemptAt = due,
                MessageId = Notification.MessageIdFor(id),
                CreatedAt = Now.UtcDateTime,
                UpdatedAt = Now.UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static string Hanoi(DateTimeOffset instant, string culture = "vi") =>
        instant.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm, dddd dd/MM/yyyy", CultureInfo.GetCultureInfo(culture));
}
