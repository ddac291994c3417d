using System.Net;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PressConference.Api.Notifications;
using PressConference.Tests.Support;

namespace PressConference.Tests.Notifications;

/// <summary>What each person receives, when, in which language, through a real SMTP server on loopback.</summary>
public sealed class NotificationDeliveryTests : NotificationTest
{
    private static string Kind(MimeMessage m) => m.Headers[NotificationComposer.KindHeader] ?? string.Empty;

    private static List<MimePart> Attachments(MimeMessage m) => m.Attachments.OfType<MimePart>().ToList();

    private static CalendarEvent_ SingleEvent(MimeMessage m)
    {
        var part = Attachments(m).Single(a => a.FileName?.EndsWith(".ics", StringComparison.Ordinal) == true);
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        var calendar = Calendar.Load(System.Text.Encoding.UTF8.GetString(stream.ToArray()))!;
        var e = calendar.Events.Single();
        return new CalendarEvent_(e.Uid!, e.Sequence, e.DtStart!.AsUtc, e.Status);
    }

    private sealed record CalendarEvent_(string Uid, int Sequence, DateTime StartUtc, string? Status);

    [Test]
    public async Task A_remote_point_hears_24_hours_before_with_its_video_link_and_the_reporters_expected_there()
    {
        var briefing = await Data.BriefingAsync(Data.HoursAhead(72));
        var email = (await Data.RemotePointAsync(briefing.Id, ward: "Ba Đình", videoLink: "https://hop.hanoi.gov.vn/phong/giang-vo", contactName: "Trần Văn Bình")).ContactEmail;
        var start = StartOf(briefing.Body);

        await AtAsync(start.AddHours(-24).AddMinutes(-1));
        Assert.That(MailTo(email).Select(Kind), Is.EqualTo(new[] { "RemotePointLinked" }), "told of the link at once, reminded not before its time");

        await AtAsync(start.AddHours(-24));
        var mail = MailTo(email, NotificationKind.RemotePointReminder).Single();
        Assert.Multiple(() =>
        {
            Assert.That(Kind(mail), Is.EqualTo("RemotePointReminder"));
            Assert.That(mail.Subject, Does.StartWith("Điểm cầu phường Ba Đình").And.Contain(briefing.Body.Str("title")));
            Assert.That(mail.MessageId, Does.EndWith("@pressconference"));
            Assert.That(Text(mail), Does.Contain("Kính gửi Trần Văn Bình,"));
            Assert.That(Text(mail), Does.Contain("https://hop.hanoi.gov.vn/phong/giang-vo"));
            Assert.That(Text(mail), Does.Contain("Phóng viên dự kiến tham dự tại điểm cầu:\n- chưa có"));
            Assert.That(Text(mail), Does.Contain(start.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(SingleEvent(mail).Uid, Is.EqualTo($"briefing-{briefing.Id}@pressconference"));
        });

        await AtAsync(start.AddHours(-1));
        Assert.That(MailTo(email, NotificationKind.RemotePointReminder), Has.Count.EqualTo(1), "sent once");
    }

    [Test]
    public async Task A_point_linked_to_a_draft_is_reminded_once_the_briefing_is_published_and_not_after_it_is_unlinked()
    {
        var draft = await Data.BriefingAsync(Data.HoursAhead(80), publish: false);
        var (kept, _, keptEmail) = await Data.RemotePointAsync(draft.Id);
        var (dropped, _, droppedEmail) = await Data.RemotePointAsync(draft.Id);
        Assert.That(await RowsAsync(draft.Id), Is.Empty, "a draft plans nothing");

        await Organizer.PostJsonAsync($"/api/briefings/{draft.Id}/publish").ExpectAsync(HttpStatusCode.OK);
        await Organizer.DeleteAsync($"/api/briefings/{draft.Id}/remote-points/{dropped}").ExpectAsync(HttpStatusCode.NoContent);

        await AtAsync(StartOf(draft.Body).AddHours(-24));
        Assert.That(MailTo(keptEmail, NotificationKind.RemotePointReminder), Has.Count.EqualTo(1));
        Assert.That(MailTo(droppedEmail), Is.Empty);
        var rows = await RowsAsync(draft.Id);
        Assert.That(rows.Where(r => r.RemotePointId == dropped).Select(r => (r.Kind, r.CancelReason)), Is.EquivalentTo(new[]
        {
            (NotificationKind.RemotePointLinked, CancelReasons.RemotePointUnlinked), (NotificationKind.RemotePointReminder, CancelReasons.RemotePointUnlinked),
        }), "unlinked before it heard of the link: nothing goes, not even that it is unlinked");
        Assert.That(rows.Where(r => r.RemotePointId == kept).Select(r => (r.Kind, r.Status)), Is.EquivalentTo(new[]
        {
            (NotificationKind.RemotePointLinked, NotificationStatus.Sent), (NotificationKind.RemotePointReminder, NotificationStatus.Sent),
        }));
    }

    [TestCase(NotificationKind.RegistrationApproved, "vi", "Đăng ký được chấp thuận: ", "https://pass.test/p/abc", true)]
    [TestCase(NotificationKind.RegistrationWaitlisted, "en", "Waiting list: ", "number 3 on the waiting list", false)]
    [TestCase(NotificationKind.RegistrationPromoted, "vi", "Đã có chỗ cho anh/chị: ", "https://pass.test/p/abc", true)]
    [TestCase(NotificationKind.RegistrationPendingReview, "en", "Registration under review: ", "needs a staff check", false)]
    [TestCase(NotificationKind.RegistrationRejected, "vi", "Đăng ký không được chấp thuận: ", "Thẻ nhà báo đã hết hạn", false)]
    public async Task Each_registration_decision_reaches_the_reporter_in_their_language(NotificationKind kind, string language, string subject,
        string expectedText, bool withCalendar)
    {
        var reporter = await NewReporterAsync(language == "en" ? "Mary Nguyen" : "Lê Thị Hồng", language);
        var briefing = await Data.BriefingAsync(Data.HoursAhead(100));
        var registration = Guid.NewGuid();
        await PlanAsync(p => p.PlanRegistrationDecisionAsync(registration, reporter.UserId, briefing.Id, kind,
            new RegistrationDecisionData("https://pass.test/p/abc", 3, "- Thẻ nhà báo đã hết hạn (31/03/2026)"), CancellationToken.None));

        await DispatchAsync();
        var mail = MailTo(reporter.Email).Single();
        Assert.Multiple(() =>
        {
            Assert.That(Kind(mail), Is.EqualTo(kind.ToString()));
            Assert.That(mail.Subject, Is.EqualTo(subject + briefing.Body.Str("title")));
            Assert.That(mail.To.Mailboxes.Single().Name, Is.EqualTo(reporter.DisplayName));
            Assert.That(mail.Body?.Headers[HeaderId.ContentLanguage], Is.EqualTo(language));
            Assert.That(Text(mail), Does.StartWith(language == "en" ? $"Dear {reporter.DisplayName}," : $"Kính gửi {reporter.DisplayName},"));
            Assert.That(Text(mail), Does.Contain(expectedText));
            Assert.That(Attachments(mail).Any(a => a.FileName?.EndsWith(".ics", StringComparison.Ordinal) == true), Is.EqualTo(withCalendar));
        });
    }

    [Test]
    public async Task A_reporter_is_reminded_24_and_2_hours_before_in_english_with_a_calendar_entry()
    {
        var reporter = await NewReporterAsync("John Tran", "en");
        var briefing = await Data.BriefingAsync(Data.HoursAhead(50));
        var start = StartOf(briefing.Body);
        await PlanAsync(p => p.PlanReporterRemindersAsync(Guid.NewGuid(), reporter.UserId, briefing.Id,
            new ReminderData("https://pass.test/p/john"), CancellationToken.None));

        await AtAsync(start.AddHours(-24));
        var first = MailTo(reporter.Email, NotificationKind.BriefingReminder).Single();
        Assert.Multiple(() =>
        {
            Assert.That(first.Subject, Does.StartWith($"Reminder: {briefing.Body.Str("title")} at "));
            Assert.That(Text(first), Does.Contain("Where: " + briefing.Body.Str("venue")).And.Contain("https://pass.test/p/john").And.Contain("Hanoi time"));
            var calendar = SingleEvent(first);
            Assert.That(calendar.Uid, Is.EqualTo($"briefing-{briefing.Id}@pressconference"));
            Assert.That(calendar.StartUtc, Is.EqualTo(start.UtcDateTime));
        });

        await AtAsync(start.AddHours(-2).AddMinutes(-1));
        Assert.That(MailTo(reporter.Email), Has.Count.EqualTo(1));
        await AtAsync(start.AddHours(-2));
        Assert.That(MailTo(reporter.Email, NotificationKind.BriefingReminder), Has.Count.EqualTo(2));
        await AtAsync(start.AddHours(1));
        Assert.That(MailTo(reporter.Email), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_reminder_planned_too_late_is_sent_at_once_only_when_still_useful()
    {
        var reporter = await NewReporterAsync("Phạm Quốc Việt");
        var briefing = await Data.BriefingAsync(Data.HoursAhead(1.5));
        await PlanAsync(p => p.PlanReporterRemindersAsync(Guid.NewGuid(), reporter.UserId, briefing.Id, CancellationToken.None));

        var rows = (await RowsAsync(briefing.Id)).Where(r => r.Kind == NotificationKind.BriefingReminder).ToList();
        Assert.That(rows.Select(r => (r.Status, r.CancelReason)), Is.EquivalentTo(new (NotificationStatus, string?)[]
        {
            (NotificationStatus.Cancelled, CancelReasons.TooLate), (NotificationStatus.Pending, null),
        }), "the 24-hour reminder is skipped; the 2-hour one goes now");

        await DispatchAsync();
        var mail = MailTo(reporter.Email).Single();
        Assert.That(mail.Subject, Does.StartWith("Nhắc lịch: "));
    }

    [Test]
    public async Task Organizers_get_the_digest_when_registration_closes_by_hand_or_by_its_closing_time()
    {
        var organizer = await OrganizerEmailAsync();
        var byHand = await Data.BriefingAsync(Data.HoursAhead(60));
        var byTime = await Data.BriefingAsync(Data.HoursAhead(61), registrationClosesBefore: TimeSpan.FromHours(3));

        await Organizer.PostJsonAsync($"/api/briefings/{byHand.Id}/close-registration").ExpectAsync(HttpStatusCode.OK);
        await DispatchAsync();
        var digest = MailAbout(byHand.Id, NotificationKind.RegistrationClosedDigest).Single();
        Assert.Multiple(() =>
        {
            Assert.That(digest.To.Mailboxes.Single().Address, Is.EqualTo(organizer));
            Assert.That(digest.Subject, Is.EqualTo("Đã đóng đăng ký: " + byHand.Body.Str("title")));
            Assert.That(Text(digest), Does.Contain("Còn chờ xem xét:\n- chưa có"));
        });
        Assert.That(MailAbout(byTime.Id), Is.Empty);

        await AtAsync(StartOf(byTime.Body).AddHours(-3));
        Assert.That(MailAbout(byTime.Id, NotificationKind.RegistrationClosedDigest), Has.Count.EqualTo(1));
        Assert.That(MailAbout(byHand.Id, NotificationKind.RegistrationClosedDigest), Has.Count.EqualTo(1), "the closing time passing sends no second one");
    }

    [Test]
    public async Task Rescheduling_moves_the_reminders_and_tells_the_remote_point_the_old_and_new_time()
    {
        var reporter = await NewReporterAsync("Đỗ Minh Châu");
        var briefing = await Data.BriefingAsync(Data.HoursAhead(72));
        var (_, _, point) = await Data.RemotePointAsync(briefing.Id);
        await DispatchAsync(); // the point hears of its link first; what changes afterwards is a notice of its own
        await PlanAsync(p => p.PlanReporterRemindersAsync(Guid.NewGuid(), reporter.UserId, briefing.Id, CancellationToken.None));
        var oldStart = StartOf(briefing.Body);
        var newStart = oldStart.AddDays(2);

        await Organizer.PostJsonAsync($"/api/briefings/{briefing.Id}/reschedule", new { startsAt = newStart, reason = "Lãnh đạo đi công tác" })
            .ExpectAsync(HttpStatusCode.OK);
        await DispatchAsync();
        var notice = MailTo(point, NotificationKind.BriefingRescheduled).Single();
        Assert.Multiple(() =>
        {
            Assert.That(notice.Subject, Is.EqualTo("Dời lịch họp báo: " + briefing.Body.Str("title")));
            Assert.That(Text(notice), Does.Contain("Thời gian cũ: " + Local(oldStart)).And.Contain("Thời gian mới: " + Local(newStart))
                .And.Contain("Lý do: Lãnh đạo đi công tác"));
            var calendar = SingleEvent(notice);
            Assert.That(calendar.StartUtc, Is.EqualTo(newStart.UtcDateTime));
            Assert.That(calendar.Sequence, Is.GreaterThan(0));
        });

        await AtAsync(oldStart.AddHours(-1));
        Assert.That(MailTo(reporter.Email), Is.Empty, "nothing at the old times");
        Assert.That(MailTo(point, NotificationKind.RemotePointReminder), Is.Empty);

        await AtAsync(newStart.AddHours(-24));
        Assert.That(MailTo(reporter.Email, NotificationKind.BriefingReminder), Has.Count.EqualTo(1));
        Assert.That(Text(MailTo(reporter.Email).Single()), Does.Contain(Local(newStart)));
        Assert.That(MailTo(point, NotificationKind.RemotePointReminder), Has.Count.EqualTo(1));
        await AtAsync(newStart.AddHours(-2));
        Assert.That(MailTo(reporter.Email, NotificationKind.BriefingReminder), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Cancelling_cancels_the_pending_reminders_and_sends_the_notice_with_the_reason()
    {
        var reporter = await NewReporterAsync("Vũ Thanh Tâm");
        var briefing = await Data.BriefingAsync(Data.HoursAhead(40));
        var (_, _, point) = await Data.RemotePointAsync(briefing.Id);
        await DispatchAsync(); // the point hears of its link first; what changes afterwards is a notice of its own
        var registration = Guid.NewGuid();
        await PlanAsync(p => p.PlanReporterRemindersAsync(registration, reporter.UserId, briefing.Id, CancellationToken.None));

        await Organizer.PostJsonAsync($"/api/briefings/{briefing.Id}/cancel", new { reason = "Ảnh hưởng của bão số 3" }).ExpectAsync(HttpStatusCode.OK);
        var rows = await RowsAsync(briefing.Id);
        Assert.That(rows.Where(r => r.Kind is not (NotificationKind.BriefingCancelled or NotificationKind.RemotePointLinked)).Select(r => (r.Status, r.CancelReason)),
            Is.All.EqualTo((NotificationStatus.Cancelled, CancelReasons.BriefingCancelled)));

        await DispatchAsync();
        var notice = MailTo(point, NotificationKind.BriefingCancelled).Single();
        Assert.Multiple(() =>
        {
            Assert.That(Kind(notice), Is.EqualTo("BriefingCancelled"));
            Assert.That(notice.Subject, Is.EqualTo("Hủy họp báo: " + briefing.Body.Str("title")));
            Assert.That(Text(notice), Does.Contain("Lý do: Ảnh hưởng của bão số 3"));
            Assert.That(SingleEvent(notice).Status, Is.EqualTo("CANCELLED"));
        });

        await PlanAsync(p => p.PlanReporterRemindersAsync(registration, reporter.UserId, briefing.Id, CancellationToken.None));
        Assert.That((await RowsAsync(briefing.Id)).Where(r => r.Status == NotificationStatus.Pending), Is.Empty,
            "planning again for a cancelled briefing revives nothing");
        await AtAsync(StartOf(briefing.Body).AddHours(-1));
        Assert.That(MailTo(reporter.Email), Is.Empty);
        Assert.That(MailTo(point).Select(Kind), Is.EqualTo(new[] { "RemotePointLinked", "BriefingCancelled" }));
    }

    [Test]
    public async Task Changing_the_venue_tells_the_remote_point_the_old_and_new_venue()
    {
        var briefing = await Data.BriefingAsync(Data.HoursAhead(90));
        var (_, _, point) = await Data.RemotePointAsync(briefing.Id);
        await DispatchAsync(); // the point hears of its link first; what changes afterwards is a notice of its own
        var oldVenue = briefing.Body.Str("venue");
        await Organizer.PutJsonAsync($"/api/briefings/{briefing.Id}", new
        {
            title = briefing.Body.Str("title"), kind = "Thematic", topic = "Quy hoạch phân khu", venue = "Hội trường B, 18 Lê Lai",
            startsAt = briefing.Body.Str("startsAt"), endsAt = briefing.Body.Str("endsAt"), registrationClosesAt = briefing.Body.Str("registrationClosesAt"),
            reason = "Hội trường A sửa chữa",
        }).ExpectAsync(HttpStatusCode.OK);

        await DispatchAsync();
        var notice = MailTo(point, NotificationKind.BriefingVenueChanged).Single();
        Assert.That(Text(notice), Does.Contain("Địa điểm cũ: " + oldVenue).And.Contain("Địa điểm mới: Hội trường B, 18 Lê Lai"));
    }

    [Test]
    public async Task Planning_twice_sends_once()
    {
        var reporter = await NewReporterAsync("Ngô Bảo Ngọc");
        var briefing = await Data.BriefingAsync(Data.HoursAhead(30));
        var registration = Guid.NewGuid();
        var data = new RegistrationDecisionData("https://pass.test/p/ngoc");
        for (var i = 0; i < 2; i++)
        {
            await PlanAsync(async p =>
            {
                await p.PlanRegistrationDecisionAsync(registration, reporter.UserId, briefing.Id, NotificationKind.RegistrationApproved, data, CancellationToken.None);
                await p.PlanReporterRemindersAsync(registration, reporter.UserId, briefing.Id, CancellationToken.None);
                await p.PlanReporterRemindersAsync(registration, reporter.UserId, briefing.Id, CancellationToken.None);
            });
        }

        Assert.That((await RowsAsync(briefing.Id)).Count(r => r.RegistrationId == registration), Is.EqualTo(3));
        await DispatchAsync();
        await PlanAsync(p => p.PlanRegistrationDecisionAsync(registration, reporter.UserId, briefing.Id, NotificationKind.RegistrationApproved, data,
            CancellationToken.None));
        await AtAsync(StartOf(briefing.Body).AddHours(-24));
        await AtAsync(StartOf(briefing.Body).AddHours(-2));
        await AtAsync(StartOf(briefing.Body).AddMinutes(-1));
        Assert.That(MailTo(reporter.Email).Select(m => Kind(m)), Is.EquivalentTo(new[] { "RegistrationApproved", "BriefingReminder", "BriefingReminder" }));
    }

    [Test]
    public async Task A_withdrawn_registration_gets_no_more_reminders()
    {
        var reporter = await NewReporterAsync("Hoàng Anh Tuấn");
        var briefing = await Data.BriefingAsync(Data.HoursAhead(30));
        var registration = Guid.NewGuid();
        await PlanAsync(p => p.PlanReporterRemindersAsync(registration, reporter.UserId, briefing.Id, CancellationToken.None));
        await PlanAsync(p => p.CancelReporterRemindersAsync(registration, CancellationToken.None));

        await AtAsync(StartOf(briefing.Body).AddMinutes(-5));
        Assert.That(MailTo(reporter.Email), Is.Empty);
        var rows = await WithDbAsync(db => db.Notifications.Where(n => n.RegistrationId == registration).ToListAsync());
        Assert.That(rows.Select(r => r.CancelReason), Is.All.EqualTo(CancelReasons.RegistrationCancelled));
    }

    private static string Local(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm, dddd dd/MM/yyyy", System.Globalization.CultureInfo.GetCultureInfo("vi"));
}
