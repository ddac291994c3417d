using System.Net;
using PressConference.Api.Notifications;
using PressConference.Tests.Support;

namespace PressConference.Tests.EndToEnd;

/// <summary>
/// What the office does to a briefing (moves it, calls it off, closes registration) reaches the registered reporters,
/// the remote points and the organizers, and the passes follow.
/// </summary>
public sealed class BriefingChangeJourneyTests : EndToEndTest
{
    [Test]
    public async Task A_rescheduled_briefing_tells_its_reporters_the_old_and_new_time_and_their_passes_admit_at_the_new_time()
    {
        var briefing = await Data.BriefingAsync(Data.HoursAhead(72));
        var oldStart = Instant(briefing.Body, "startsAt");
        var (pointId, pointName, pointEmail) = await Data.RemotePointAsync(briefing.Id);
        var atVenue = await JournalistAsync("Cao Minh Khoa");
        var atPoint = await JournalistAsync("Lâm Thị Ngọc", language: "en");
        var withdrawn = await JournalistAsync("Tạ Quang Vinh");
        var inReview = await JournalistAsync("Mai Anh Tuấn", cardHolder: "MAI ANH TUAN");

        var venueRegistration = await RegisterAsync(atVenue, briefing);
        var pointRegistration = await RegisterAsync(atPoint, briefing, pointId);
        var withdrawnRegistration = await RegisterAsync(withdrawn, briefing, pointId);
        Assert.That(new[] { venueRegistration, pointRegistration, withdrawnRegistration }.Select(r => r.Str("status")), Is.All.EqualTo("Approved"));
        Assert.That((await RegisterAsync(inReview, briefing, pointId)).Str("status"), Is.EqualTo("PendingReview"));
        await withdrawn.Client.PostJsonAsync($"/api/registrations/{withdrawnRegistration.Id()}/cancel").ExpectAsync(HttpStatusCode.OK);
        await DispatchAsync();
        var printedToken = DecodeQr(Attachment(MailTo(atVenue.Email, NotificationKind.RegistrationApproved).Single(), "the-tham-du.png"));
        var pointToken = (await PassAsync(atPoint.Client, pointRegistration)).Str("token");

        var newStart = oldStart.AddDays(2).AddHours(5);
        await Organizer.PostJsonAsync($"/api/briefings/{briefing.Id}/reschedule", new { startsAt = newStart, reason = "Lãnh đạo thành phố đi công tác" })
            .ExpectAsync(HttpStatusCode.OK);
        var moved = await PassAsync(atVenue.Client, venueRegistration);
        Assert.Multiple(() =>
        {
            Assert.That(Instant(moved, "validFrom"), Is.EqualTo(newStart.AddMinutes(-60)), "re-signed for the new doors-open time");
            Assert.That(Instant(moved, "validUntil"), Is.EqualTo(newStart.AddMinutes(90)));
            Assert.That(moved.Str("status"), Is.EqualTo("Valid"));
        });

        await DispatchAsync();
        var venueNotice = MailTo(atVenue.Email, NotificationKind.BriefingRescheduled).Single();
        var pointNotice = MailTo(atPoint.Email, NotificationKind.BriefingRescheduled).Single();
        Assert.Multiple(() =>
        {
            Assert.That(venueNotice.Subject, Is.EqualTo("Dời lịch họp báo: " + briefing.Body.Str("title")));
            Assert.That(Text(venueNotice), Does.Contain("Thời gian cũ: " + Hanoi(oldStart)).And.Contain("Thời gian mới: " + Hanoi(newStart))
                .And.Contain("Địa điểm: " + briefing.Body.Str("venue")).And.Contain("Lý do: Lãnh đạo thành phố đi công tác"));
            Assert.That(pointNotice.Subject, Is.EqualTo("Briefing rescheduled: " + briefing.Body.Str("title")));
            Assert.That(Text(pointNotice), Does.Contain("Old time: " + Hanoi(oldStart, "en")).And.Contain("New time: " + Hanoi(newStart, "en"))
                .And.Contain("Where: " + pointName));
            Assert.That(MailTo(withdrawn.Email, NotificationKind.BriefingRescheduled), Is.Empty, "a cancelled registration is not in the audience");
            Assert.That(MailTo(pointEmail, NotificationKind.BriefingRescheduled), Has.Count.EqualTo(1));
        });

        await AtAsync(oldStart.AddHours(-1));
        Assert.That(MailTo(atVenue.Email, NotificationKind.BriefingReminder), Is.Empty, "nothing at the old time");
        DoorsOpen(oldStart);
        var early = await ScanAsync(printedToken);
        Assert.That((early.Str("result"), early.Str("reason")), Is.EqualTo(("Refused", "NotYetOpen")), "the old time no longer opens the door");

        await AtAsync(newStart.AddHours(-24));
        var pointReminder = MailTo(pointEmail, NotificationKind.RemotePointReminder).Single();
        Assert.That(Text(pointReminder), Does.Contain("Phóng viên dự kiến tham dự tại điểm cầu:\n- Lâm Thị Ngọc (" + OutletName + ")\n\n"),
            "approved at the point only: not the withdrawn one, not the one still in review, not the one at the main venue");
        var reminder = MailTo(atVenue.Email, NotificationKind.BriefingReminder).Single();
        Assert.That(Text(reminder), Does.Contain(Hanoi(newStart)));
        Assert.That(DecodeQr(Attachment(reminder, "the-tham-du.png")), Is.EqualTo(moved.Str("token")), "the reminder carries the re-signed pass");

        DoorsOpen(newStart);
        var admitted = await ScanAsync(printedToken);
        Assert.That((admitted.Str("result"), admitted.Str("reporterName")), Is.EqualTo(("Admitted", "Cao Minh Khoa")),
            "the pass printed from the approval e-mail still opens the door at the new time");
        Assert.That((await ScanAsync(pointToken, pointId)).Str("result"), Is.EqualTo("Admitted"));
    }

    [Test]
    public async Task A_briefing_moved_past_the_expiry_of_a_card_sends_that_registration_to_review_and_its_pass_stops_admitting()
    {
        var briefing = await Data.BriefingAsync(Data.HoursAhead(75));
        var oldStart = Instant(briefing.Body, "startsAt");
        var expiring = await JournalistAsync("Tôn Nữ Thị Hà", cardExpiresOn: DateOnly.FromDateTime(oldStart.ToOffset(TimeSpan.FromHours(7)).Date));
        var unaffected = await JournalistAsync("Hồ Xuân Hương");
        var expiringRegistration = await RegisterAsync(expiring, briefing);
        var unaffectedRegistration = await RegisterAsync(unaffected, briefing);
        Assert.That(expiringRegistration.Str("status"), Is.EqualTo("Approved"), "the card is valid on the day first planned");
        var token = (await PassAsync(expiring.Client, expiringRegistration)).Str("token");
        await DispatchAsync();

        var newStart = oldStart.AddDays(2);
        await Organizer.PostJsonAsync($"/api/briefings/{briefing.Id}/reschedule", new { startsAt = newStart, reason = "Trùng lịch kỳ họp Hội đồng nhân dân" })
            .ExpectAsync(HttpStatusCode.OK);
        var inReview = await RegistrationAsync(expiring.Client, expiringRegistration);
        Assert.That(inReview.Str("status"), Is.EqualTo("PendingReview"));
        Assert.That(inReview["findings"]!.AsArray().Select(f => f!.Str("code")), Does.Contain("CardExpired"));
        Assert.That((await PassAsync(expiring.Client, expiringRegistration)).Str("status"), Is.EqualTo("Revoked"));
        Assert.That((await PassAsync(unaffected.Client, unaffectedRegistration)).Str("status"), Is.EqualTo("Valid"));

        await DispatchAsync();
        Assert.That(MailTo(expiring.Email).Select(Kind), Is.EquivalentTo(new[] { "RegistrationApproved", "BriefingRescheduled", "RegistrationPendingReview" }));

        await AtAsync(newStart.AddHours(-24));
        await AtAsync(newStart.AddHours(-2));
        Assert.That(MailTo(expiring.Email, NotificationKind.BriefingReminder), Is.Empty, "no seat, no reminder");
        Assert.That(MailTo(unaffected.Email, NotificationKind.BriefingReminder), Has.Count.EqualTo(2));

        DoorsOpen(newStart);
        var scan = await ScanAsync(token);
        Assert.That((scan.Str("result"), scan.Str("reason")), Is.EqualTo(("Refused", "Revoked")));
    }

    [Test]
    public async Task A_registration_sent_back_to_review_and_approved_again_gets_its_pass_back_and_the_reporter_is_told_again()
    {
        var briefing = await Data.BriefingAsync(Data.HoursAhead(78));
        var oldStart = Instant(briefing.Body, "startsAt");
        var reporter = await JournalistAsync("Nguyễn Thị Minh Khai", cardExpiresOn: DateOnly.FromDateTime(oldStart.ToOffset(TimeSpan.FromHours(7)).Date));
        var registration = await RegisterAsync(reporter, briefing);
        var first = await PassAsync(reporter.Client, registration);
        await DispatchAsync();
        var newStart = oldStart.AddDays(3);
        await Organizer.PostJsonAsync($"/api/briefings/{briefing.Id}/reschedule", new { startsAt = newStart, reason = "Chờ số liệu quý IV" })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.That((await RegistrationAsync(reporter.Client, registration)).Str("status"), Is.EqualTo("PendingReview"));
        await DispatchAsync();

        await Organizer.PostJsonAsync($"/api/registrations/{registration.Id()}/approve", new { reason = "Đã xem thẻ nhà báo được gia hạn" })
            .ExpectAsync(HttpStatusCode.OK);
        var reinstated = await PassAsync(reporter.Client, registration);
        Assert.That((reinstated.Str("status"), reinstated.Str("passId")), Is.EqualTo(("Valid", first.Str("passId"))), "the same pass, valid again");

        await DispatchAsync();
        var approvals = MailTo(reporter.Email, NotificationKind.RegistrationApproved);

        await AtAsync(newStart.AddHours(-24));
        Assert.That(MailTo(reporter.Email, NotificationKind.BriefingReminder), Has.Count.EqualTo(1), "reminders come back with the seat");
        DoorsOpen(newStart);
        Assert.That((await ScanAsync(first.Str("token"))).Str("result"), Is.EqualTo("Admitted"));

        Assert.That(MailTo(reporter.Email, NotificationKind.RegistrationPendingReview), Has.Count.EqualTo(1));
        Assert.That(approvals, Has.Count.EqualTo(2),
            "after the notice that the registration is under review, the reporter must hear that it is approved again, with the pass");
        Assert.That(approvals.Select(m => AttachmentNames(m).Contains("the-tham-du.png")), Is.All.True);
    }

    [Test]
    public async Task A_cancelled_briefing_cancels_every_registration_and_pass_and_tells_each_reporter_why_with_no_reminders_after()
    {
        var briefing = await Data.BriefingAsync(Data.HoursAhead(60), capacity: 1);
        var start = Instant(briefing.Body, "startsAt");
        var (pointId, _, pointEmail) = await Data.RemotePointAsync(briefing.Id);
        var atVenue = await JournalistAsync("Quách Thị Lan");
        var atPoint = await JournalistAsync("Dương Văn Long", language: "en");
        var waiting = await JournalistAsync("Kiều Minh Trang");
        var venueRegistration = await RegisterAsync(atVenue, briefing);
        var pointRegistration = await RegisterAsync(atPoint, briefing, pointId);
        var waitingRegistration = await RegisterAsync(waiting, briefing);
        Assert.That(waitingRegistration.Str("status"), Is.EqualTo("Waitlisted"));
        var venueToken = (await PassAsync(atVenue.Client, venueRegistration)).Str("token");
        var pointToken = (await PassAsync(atPoint.Client, pointRegistration)).Str("token");
        await DispatchAsync();

        const string reason = "Ảnh hưởng của bão số 3";
        await Organizer.PostJsonAsync($"/api/briefings/{briefing.Id}/cancel", new { reason }).ExpectAsync(HttpStatusCode.OK);
        foreach (var (who, registration) in new[] { (atVenue, venueRegistration), (atPoint, pointRegistration), (waiting, waitingRegistration) })
        {
            Assert.That((await RegistrationAsync(who.Client, registration)).Str("status"), Is.EqualTo("Cancelled"), who.Name);
        }

        Assert.That((await PassAsync(atVenue.Client, venueRegistration)).Str("status"), Is.EqualTo("Cancelled"));
        Assert.That((await PassAsync(atPoint.Client, pointRegistration)).Str("status"), Is.EqualTo("Cancelled"));

        await DispatchAsync();
        var vietnamese = MailTo(atVenue.Email, NotificationKind.BriefingCancelled).Single();
        var english = MailTo(atPoint.Email, NotificationKind.BriefingCancelled).Single();
        Assert.Multiple(() =>
        {
            Assert.That(vietnamese.Subject, Is.EqualTo("Hủy họp báo: " + briefing.Body.Str("title")));
            Assert.That(Text(vietnamese), Does.Contain("Lý do: " + reason));
            Assert.That(english.Subject, Is.EqualTo("Briefing cancelled: " + briefing.Body.Str("title")));
            Assert.That(Text(english), Does.Contain("Reason: " + reason));
            Assert.That(MailTo(waiting.Email, NotificationKind.BriefingCancelled), Has.Count.EqualTo(1), "the waitlisted reporter hears too");
            Assert.That(MailTo(pointEmail, NotificationKind.BriefingCancelled), Has.Count.EqualTo(1));
        });

        await AtAsync(start.AddHours(-24));
        await AtAsync(start.AddHours(-2));
        Assert.Multiple(() =>
        {
            Assert.That(MailTo(atVenue.Email).Select(Kind), Is.EquivalentTo(new[] { "RegistrationApproved", "BriefingCancelled" }));
            Assert.That(MailTo(atPoint.Email).Select(Kind), Is.EquivalentTo(new[] { "RegistrationApproved", "BriefingCancelled" }));
            Assert.That(MailTo(waiting.Email).Select(Kind), Is.EquivalentTo(new[] { "RegistrationWaitlisted", "BriefingCancelled" }));
            Assert.That(MailTo(pointEmail, NotificationKind.RemotePointReminder), Is.Empty);
        });

        DoorsOpen(start);
        var atTheDoor = await ScanAsync(venueToken);
        Assert.That((atTheDoor.Str("result"), atTheDoor.Str("reason")), Is.EqualTo(("Refused", "Cancelled")));
        var atThePoint = await ScanAsync(pointToken, pointId);
        Assert.That((atThePoint.Str("result"), atThePoint.Str("reason")), Is.EqualTo(("Refused", "Cancelled")));
    }

    [Test]
    public async Task The_organizers_digest_counts_registrations_by_status_in_vietnamese_and_lists_those_still_pending()
    {
        var organizer = await OrganizerEmailAsync();
        var briefing = await Data.BriefingAsync(Data.HoursAhead(70), capacity: 1);
        var seated = await JournalistAsync("Hà Văn Thắng");
        var changedMind = await JournalistAsync("Võ Thị Sáu");
        var waiting = await JournalistAsync("Chu Văn An");
        var firstPending = await JournalistAsync("Phạm Thị Lan", cardHolder: "PHAM THI LAN");
        var secondPending = await JournalistAsync("Đoàn Văn Hậu", cardHolder: "DOAN VAN HAU");
        var expired = await JournalistAsync("Lương Thế Vinh", cardExpiresOn: DateOnly.FromDateTime(Now.AddHours(7).Date));

        Assert.That((await RegisterAsync(seated, briefing)).Str("status"), Is.EqualTo("Approved"));
        var changedMindRegistration = await RegisterAsync(changedMind, briefing);
        Assert.That((await RegisterAsync(waiting, briefing)).Str("status"), Is.EqualTo("Waitlisted"));
        Assert.That((await RegisterAsync(firstPending, briefing)).Str("status"), Is.EqualTo("PendingReview"));
        Assert.That((await RegisterAsync(secondPending, briefing)).Str("status"), Is.EqualTo("PendingReview"));
        Assert.That((await RegisterAsync(expired, briefing)).Str("status"), Is.EqualTo("Rejected"));
        await changedMind.Client.PostJsonAsync($"/api/registrations/{changedMindRegistration.Id()}/cancel").ExpectAsync(HttpStatusCode.OK);

        await Organizer.PostJsonAsync($"/api/briefings/{briefing.Id}/close-registration").ExpectAsync(HttpStatusCode.OK);
        await DispatchAsync();
        var digest = MailAbout(briefing.Id, NotificationKind.RegistrationClosedDigest).Single(m => m.To.Mailboxes.Single().Address == organizer);
        Assert.Multiple(() =>
        {
            Assert.That(digest.Subject, Is.EqualTo("Đã đóng đăng ký: " + briefing.Body.Str("title")));
            Assert.That(Language(digest), Is.EqualTo("vi"));
            Assert.That(Text(digest), Does.Contain("Số đăng ký theo trạng thái:\n"
                + "- đã duyệt: 1\n- đã hủy: 1\n- chờ xem xét: 2\n- bị từ chối: 1\n- trong danh sách chờ: 1\n"));
            Assert.That(Text(digest), Does.Contain($"Còn chờ xem xét:\n- PHAM THI LAN ({OutletName})\n- DOAN VAN HAU ({OutletName})\n"));
        });

        await AtAsync(Instant(briefing.Body, "registrationClosesAt"));
        Assert.That(MailAbout(briefing.Id, NotificationKind.RegistrationClosedDigest).Count(m => m.To.Mailboxes.Single().Address == organizer),
            Is.EqualTo(1), "sent once");
    }
}
