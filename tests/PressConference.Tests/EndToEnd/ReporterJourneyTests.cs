using System.Net;
using System.Text;
using PressConference.Api.Notifications;
using PressConference.Tests.Support;

namespace PressConference.Tests.EndToEnd;

/// <summary>
/// A reporter's way from registering to the door, and every decision on the way: what the reporter is told, when,
/// in which language, and what the door answers to the pass they were given.
/// </summary>
public sealed class ReporterJourneyTests : EndToEndTest
{
    [Test]
    public async Task A_reporter_with_a_valid_card_is_approved_mailed_the_pass_reminded_twice_and_admitted_at_the_door()
    {
        var reporter = await JournalistAsync("Trần Thu Hà", language: "en");
        var briefing = await Data.BriefingAsync(Data.HoursAhead(72));
        var start = Instant(briefing.Body, "startsAt");

        var registration = await RegisterAsync(reporter, briefing);
        Assert.That(registration.Str("status"), Is.EqualTo("Approved"), registration.ToJsonString());
        var pass = await PassAsync(reporter.Client, registration);
        Assert.Multiple(() =>
        {
            Assert.That(pass.Str("token"), Is.Not.Empty);
            Assert.That(pass.Str("status"), Is.EqualTo("Valid"));
            Assert.That(pass.Str("reporterName"), Is.EqualTo("Trần Thu Hà"));
            Assert.That(pass.Str("outletName"), Is.EqualTo(OutletName));
            Assert.That(Instant(pass, "validFrom"), Is.EqualTo(start.AddMinutes(-60)), "valid from doors open");
        });

        await DispatchAsync();
        var approval = MailTo(reporter.Email, NotificationKind.RegistrationApproved).Single();
        Assert.Multiple(() =>
        {
            Assert.That(approval.Subject, Is.EqualTo("Registration approved: " + briefing.Body.Str("title")));
            Assert.That(Language(approval), Is.EqualTo("en"));
            Assert.That(Text(approval), Does.StartWith("Dear Trần Thu Hà,").And.Contain("Where: " + briefing.Body.Str("venue"))
                .And.Contain($"/api/registrations/{registration.Id()}/pass.html"));
            Assert.That(AttachmentNames(approval), Is.EqualTo(new[] { $"briefing-{briefing.Id}.ics", "the-tham-du.html", "the-tham-du.png" }));
            Assert.That(ContentType(approval, "the-tham-du.png"), Is.EqualTo("image/png"));
            Assert.That(ContentType(approval, "the-tham-du.html"), Is.EqualTo("text/html"));
        });
        var printable = Encoding.UTF8.GetString(Attachment(approval, "the-tham-du.html"));
        Assert.That(printable, Does.Contain("Trần Thu Hà").And.Contain(OutletName).And.Contain("<svg"));
        var fromMail = DecodeQr(Attachment(approval, "the-tham-du.png"));
        Assert.That(fromMail, Is.EqualTo(pass.Str("token")), "the picture in the e-mail is the pass");

        await AtAsync(start.AddHours(-24).AddMinutes(-1));
        Assert.That(MailTo(reporter.Email, NotificationKind.BriefingReminder), Is.Empty, "not before its time");
        await AtAsync(start.AddHours(-24));
        var first = MailTo(reporter.Email, NotificationKind.BriefingReminder).Single();
        Assert.Multiple(() =>
        {
            Assert.That(first.Subject, Does.StartWith($"Reminder: {briefing.Body.Str("title")} at "));
            Assert.That(Language(first), Is.EqualTo("en"));
            Assert.That(AttachmentNames(first), Is.EqualTo(new[] { $"briefing-{briefing.Id}.ics", "the-tham-du.html", "the-tham-du.png" }));
        });
        await AtAsync(start.AddHours(-2));
        Assert.That(MailTo(reporter.Email, NotificationKind.BriefingReminder), Has.Count.EqualTo(2));
        Assert.That(MailTo(reporter.Email, NotificationKind.BriefingReminder).Select(AttachmentNames),
            Is.All.EqualTo(new[] { $"briefing-{briefing.Id}.ics", "the-tham-du.html", "the-tham-du.png" }), "both reminders carry the .ics and the pass");

        DoorsOpen(start);
        var scan = await ScanAsync(fromMail);
        Assert.Multiple(() =>
        {
            Assert.That(scan.Str("result"), Is.EqualTo("Admitted"), scan.ToJsonString());
            Assert.That(scan.Str("reporterName"), Is.EqualTo("Trần Thu Hà"));
            Assert.That(scan.Str("outletName"), Is.EqualTo(OutletName));
            Assert.That(scan.Str("location"), Is.EqualTo(briefing.Body.Str("venue")));
        });
        Assert.That(MailTo(reporter.Email).Select(Kind), Is.EquivalentTo(new[] { "RegistrationApproved", "BriefingReminder", "BriefingReminder" }));
    }

    [Test]
    public async Task A_reporter_who_cancels_is_refused_at_the_door_and_the_first_on_the_waitlist_there_gets_the_seat_the_pass_and_the_reminders()
    {
        var briefing = await Data.BriefingAsync(Data.HoursAhead(60), capacity: 1);
        var start = Instant(briefing.Body, "startsAt");
        var (pointId, _, _) = await Data.RemotePointAsync(briefing.Id, capacity: 1);

        var leaving = await JournalistAsync("Lê Văn Nam");
        var atPoint = await JournalistAsync("Đặng Thị Thu");
        var waitingAtPoint = await JournalistAsync("Bùi Quang Huy");
        var next = await JournalistAsync("Phan Minh Đức");
        var later = await JournalistAsync("Vương Thị Yến");

        var leavingRegistration = await RegisterAsync(leaving, briefing);
        Assert.That((await RegisterAsync(atPoint, briefing, pointId)).Str("status"), Is.EqualTo("Approved"));
        var waitingAtPointRegistration = await RegisterAsync(waitingAtPoint, briefing, pointId);
        var nextRegistration = await RegisterAsync(next, briefing);
        var laterRegistration = await RegisterAsync(later, briefing);
        Assert.That(new[] { waitingAtPointRegistration, nextRegistration, laterRegistration }.Select(r => r.Str("status")),
            Is.All.EqualTo("Waitlisted"), "one seat at each place");
        var leavingToken = (await PassAsync(leaving.Client, leavingRegistration)).Str("token");
        await DispatchAsync();

        var cancelled = await leaving.Client.PostJsonAsync($"/api/registrations/{leavingRegistration.Id()}/cancel").ExpectAsync(HttpStatusCode.OK);
        Assert.That(cancelled.Str("status"), Is.EqualTo("Cancelled"));
        Assert.That((await PassAsync(leaving.Client, leavingRegistration)).Str("status"), Is.EqualTo("Cancelled"));
        Assert.That((await RegistrationAsync(next.Client, nextRegistration)).Str("status"), Is.EqualTo("Approved"), "first in line at the main venue");
        Assert.That((await RegistrationAsync(waitingAtPoint.Client, waitingAtPointRegistration)).Str("status"), Is.EqualTo("Waitlisted"),
            "a seat at the main venue is not a seat at the remote point, though they waited longer");
        var laterNow = await RegistrationAsync(later.Client, laterRegistration);
        Assert.That((laterNow.Str("status"), laterNow["waitlistPosition"]!.GetValue<int>()), Is.EqualTo(("Waitlisted", 1)));
        var nextPass = await PassAsync(next.Client, nextRegistration);
        Assert.That(nextPass.Str("status"), Is.EqualTo("Valid"));
        await later.Client.GetAsync($"/api/registrations/{laterRegistration.Id()}/pass").ExpectAsync(HttpStatusCode.NotFound);

        await DispatchAsync();
        var promoted = MailTo(next.Email, NotificationKind.RegistrationPromoted).Single();
        Assert.Multiple(() =>
        {
            Assert.That(promoted.Subject, Is.EqualTo("Đã có chỗ cho anh/chị: " + briefing.Body.Str("title")));
            Assert.That(AttachmentNames(promoted), Is.EqualTo(new[] { $"briefing-{briefing.Id}.ics", "the-tham-du.html", "the-tham-du.png" }));
        });
        Assert.That(DecodeQr(Attachment(promoted, "the-tham-du.png")), Is.EqualTo(nextPass.Str("token")));
        Assert.That(MailTo(next.Email).Select(Kind), Is.EquivalentTo(new[] { "RegistrationWaitlisted", "RegistrationPromoted" }));

        await AtAsync(start.AddHours(-24));
        await AtAsync(start.AddHours(-2));
        Assert.That(MailTo(leaving.Email, NotificationKind.BriefingReminder), Is.Empty, "a cancelled registration is not reminded");
        Assert.That(MailTo(next.Email, NotificationKind.BriefingReminder), Has.Count.EqualTo(2));
        Assert.That(MailTo(later.Email, NotificationKind.BriefingReminder), Is.Empty, "still waiting: no seat, no reminder");

        DoorsOpen(start);
        var refused = await ScanAsync(leavingToken);
        Assert.That((refused.Str("result"), refused.Str("reason")), Is.EqualTo(("Refused", "Cancelled")));
        var admitted = await ScanAsync(nextPass.Str("token"));
        Assert.That((admitted.Str("result"), admitted.Str("reporterName")), Is.EqualTo(("Admitted", "Phan Minh Đức")));
    }

    [Test]
    public async Task An_approved_registration_rejected_by_the_organizer_loses_its_pass_and_the_reporter_is_told_why()
    {
        var reporter = await JournalistAsync("Hoàng Thị Mai");
        var briefing = await Data.BriefingAsync(Data.HoursAhead(50));
        var start = Instant(briefing.Body, "startsAt");
        var registration = await RegisterAsync(reporter, briefing);
        var token = (await PassAsync(reporter.Client, registration)).Str("token");
        await DispatchAsync();

        const string reason = "Phóng viên đã chuyển công tác sang cơ quan khác.";
        var rejected = await Organizer.PostJsonAsync($"/api/registrations/{registration.Id()}/reject", new { reason }).ExpectAsync(HttpStatusCode.OK);
        Assert.That(rejected.Str("status"), Is.EqualTo("Rejected"));
        Assert.That((await PassAsync(reporter.Client, registration)).Str("status"), Is.EqualTo("Revoked"));
        await reporter.Client.GetAsync($"/api/registrations/{registration.Id()}/pass.png").ExpectAsync(HttpStatusCode.Conflict);

        await DispatchAsync();
        var notice = MailTo(reporter.Email, NotificationKind.RegistrationRejected).Single();
        Assert.Multiple(() =>
        {
            Assert.That(notice.Subject, Is.EqualTo("Đăng ký không được chấp thuận: " + briefing.Body.Str("title")));
            Assert.That(Language(notice), Is.EqualTo("vi"));
            Assert.That(Text(notice), Does.Contain("Lý do:\n" + reason));
            Assert.That(AttachmentNames(notice), Is.Empty, "no pass, no calendar entry");
        });

        await AtAsync(start.AddHours(-24));
        await AtAsync(start.AddHours(-2));
        Assert.That(MailTo(reporter.Email).Select(Kind), Is.EquivalentTo(new[] { "RegistrationApproved", "RegistrationRejected" }), "no reminders");

        DoorsOpen(start);
        var scan = await ScanAsync(token);
        Assert.That((scan.Str("result"), scan.Str("reason")), Is.EqualTo(("Refused", "Revoked")));
        Assert.That(scan.Str("message"), Is.Not.Empty);
    }

    [Test]
    public async Task A_name_matching_only_without_diacritics_waits_for_review_without_a_pass_until_the_organizer_approves()
    {
        var reporter = await JournalistAsync("Nguyễn Văn Hải", cardHolder: "NGUYEN VAN HAI");
        var briefing = await Data.BriefingAsync(Data.HoursAhead(80));
        var start = Instant(briefing.Body, "startsAt");

        var registration = await RegisterAsync(reporter, briefing);
        Assert.That(registration.Str("status"), Is.EqualTo("PendingReview"));
        Assert.That(registration["findings"]!.AsArray().Select(f => f!.Str("code")), Is.EqualTo(new[] { "NameMatchesWithoutDiacritics" }));
        await reporter.Client.GetAsync($"/api/registrations/{registration.Id()}/pass").ExpectAsync(HttpStatusCode.NotFound);

        await DispatchAsync();
        var review = MailTo(reporter.Email, NotificationKind.RegistrationPendingReview).Single();
        Assert.Multiple(() =>
        {
            Assert.That(review.Subject, Is.EqualTo("Đăng ký đang được xem xét: " + briefing.Body.Str("title")));
            Assert.That(Text(review), Does.Contain("cần được cán bộ kiểm tra giấy tờ"));
            Assert.That(AttachmentNames(review), Is.Empty);
        });

        var approved = await Organizer.PostJsonAsync($"/api/registrations/{registration.Id()}/approve", new { reason = "Đã đối chiếu thẻ gốc" })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.That(approved.Str("status"), Is.EqualTo("Approved"));
        var pass = await PassAsync(reporter.Client, registration);
        Assert.That((pass.Str("status"), pass.Str("reporterName")), Is.EqualTo(("Valid", "NGUYEN VAN HAI")), "the name as on the card");

        await DispatchAsync();
        var approval = MailTo(reporter.Email, NotificationKind.RegistrationApproved).Single();
        Assert.That(approval.Subject, Is.EqualTo("Đăng ký được chấp thuận: " + briefing.Body.Str("title")));
        Assert.That(DecodeQr(Attachment(approval, "the-tham-du.png")), Is.EqualTo(pass.Str("token")));
        Assert.That(MailTo(reporter.Email).Select(Kind), Is.EquivalentTo(new[] { "RegistrationPendingReview", "RegistrationApproved" }));

        await AtAsync(start.AddHours(-24));
        Assert.That(MailTo(reporter.Email, NotificationKind.BriefingReminder), Has.Count.EqualTo(1), "reminders follow the approval");
        DoorsOpen(start);
        Assert.That((await ScanAsync(pass.Str("token"))).Str("result"), Is.EqualTo("Admitted"));
    }

    [Test]
    public async Task A_reporter_put_on_the_waitlist_is_told_their_position_in_their_language_and_gets_no_pass()
    {
        var briefing = await Data.BriefingAsync(Data.HoursAhead(90), capacity: 1);
        var seated = await JournalistAsync("Ngô Thanh Vân");
        var first = await JournalistAsync("Trịnh Công Sơn", language: "en");
        var second = await JournalistAsync("Lý Thu Thảo");
        Assert.That((await RegisterAsync(seated, briefing)).Str("status"), Is.EqualTo("Approved"));
        var firstRegistration = await RegisterAsync(first, briefing);
        var secondRegistration = await RegisterAsync(second, briefing);
        Assert.That((firstRegistration.Str("status"), firstRegistration["waitlistPosition"]!.GetValue<int>()), Is.EqualTo(("Waitlisted", 1)));
        Assert.That((secondRegistration.Str("status"), secondRegistration["waitlistPosition"]!.GetValue<int>()), Is.EqualTo(("Waitlisted", 2)));
        await second.Client.GetAsync($"/api/registrations/{secondRegistration.Id()}/pass").ExpectAsync(HttpStatusCode.NotFound);

        await DispatchAsync();
        var english = MailTo(first.Email, NotificationKind.RegistrationWaitlisted).Single();
        var vietnamese = MailTo(second.Email, NotificationKind.RegistrationWaitlisted).Single();
        Assert.Multiple(() =>
        {
            Assert.That(english.Subject, Is.EqualTo("Waiting list: " + briefing.Body.Str("title")));
            Assert.That(Text(english), Does.Contain("You are number 1 on the waiting list"));
            Assert.That(vietnamese.Subject, Is.EqualTo("Danh sách chờ: " + briefing.Body.Str("title")));
            Assert.That(Text(vietnamese), Does.Contain("vị trí số 2 trong danh sách chờ"));
            Assert.That(AttachmentNames(vietnamese), Is.Empty, "no pass while waiting");
        });
    }
}
