using System.Net;
using PressConference.Api.Notifications;
using PressConference.Tests.EndToEnd;
using PressConference.Tests.Support;

namespace PressConference.Tests.Notifications;

/// <summary>
/// A reminder skipped as too late comes back when the briefing is rescheduled; by the time it is due, the seat or the
/// link it was about may be gone. Then it reaches nobody, and its row says why.
/// </summary>
public sealed class StaleReminderTests : EndToEndTest
{
    [Test]
    public async Task A_reporter_who_cancelled_gets_no_reminder_brought_back_by_a_reschedule()
    {
        var briefing = await Data.BriefingAsync(Data.HoursAhead(30), autoApprove: false);
        var start = Instant(briefing.Body, "startsAt");
        var leaving = await JournalistAsync("Chu Văn Rút");
        var staying = await JournalistAsync("Kim Thị Ở Lại");
        var withdrawn = await RegisterAsync(leaving, briefing);
        var kept = await RegisterAsync(staying, briefing);
        Assert.That(new[] { withdrawn, kept }.Select(r => r.Str("status")), Is.All.EqualTo("PendingReview"));
        await DispatchAsync();
        Assert.That(MailTo(leaving.Email, NotificationKind.RegistrationPendingReview), Has.Count.EqualTo(1), "mail reaches this reporter");

        // Approved an hour before the start: the 24 h reminder is already too late and is skipped.
        ClockTo(start.AddHours(-1));
        foreach (var registration in new[] { withdrawn, kept })
        {
            await Organizer.PostJsonAsync($"/api/registrations/{registration.Id()}/approve", new { reason = "Đủ điều kiện" }).ExpectAsync(HttpStatusCode.OK);
        }

        var skipped = (await RowsAsync(briefing.Id)).Single(n => n.Kind == NotificationKind.BriefingReminder && n.RegistrationId == withdrawn.Id()
            && n.DueAt == start.AddHours(-24).UtcDateTime);
        Assert.That((skipped.Status, skipped.CancelReason), Is.EqualTo((NotificationStatus.Cancelled, CancelReasons.TooLate)));

        await leaving.Client.PostJsonAsync($"/api/registrations/{withdrawn.Id()}/cancel").ExpectAsync(HttpStatusCode.OK);
        var newStart = start.AddDays(2);
        await Organizer.PostJsonAsync($"/api/briefings/{briefing.Id}/reschedule", new { startsAt = newStart, reason = "Lãnh đạo thành phố đi công tác" })
            .ExpectAsync(HttpStatusCode.OK);
        await AtAsync(newStart.AddHours(-24));
        await AtAsync(newStart.AddHours(-2));

        var row = (await RowsAsync(briefing.Id)).Single(n => n.Id == skipped.Id);
        Assert.Multiple(() =>
        {
            Assert.That(MailTo(leaving.Email, NotificationKind.BriefingReminder), Is.Empty, "the cancelled registration holds no seat to be reminded of");
            Assert.That(MailTo(staying.Email, NotificationKind.BriefingReminder), Has.Count.EqualTo(2), "the approved one is reminded 24 h and 2 h before");
            Assert.That((row.Status, row.CancelReason), Is.EqualTo((NotificationStatus.Cancelled, CancelReasons.NoLongerNeeded)));
        });
    }

    [Test]
    public async Task A_remote_point_unlinked_after_a_late_link_gets_no_reminder_brought_back_by_a_reschedule()
    {
        var briefing = await Data.BriefingAsync(Data.HoursAhead(30));
        var start = Instant(briefing.Body, "startsAt");

        // Linked once the briefing has begun: the point's reminder (24 h before) is skipped as too late.
        ClockTo(start.AddMinutes(10));
        var gone = await Data.RemotePointAsync(briefing.Id);
        var stays = await Data.RemotePointAsync(briefing.Id);
        var skipped = (await RowsAsync(briefing.Id)).Single(n => n.Kind == NotificationKind.RemotePointReminder && n.RemotePointId == gone.Id);
        Assert.That((skipped.Status, skipped.CancelReason), Is.EqualTo((NotificationStatus.Cancelled, CancelReasons.TooLate)));

        await Organizer.DeleteAsync($"/api/briefings/{briefing.Id}/remote-points/{gone.Id}").ExpectAsync(HttpStatusCode.NoContent);
        var newStart = start.AddDays(2);
        await Organizer.PostJsonAsync($"/api/briefings/{briefing.Id}/reschedule", new { startsAt = newStart, reason = "Hoãn để bổ sung số liệu" })
            .ExpectAsync(HttpStatusCode.OK);
        await AtAsync(newStart.AddHours(-24));
        await AtAsync(newStart.AddHours(-1));

        var row = (await RowsAsync(briefing.Id)).Single(n => n.Id == skipped.Id);
        Assert.Multiple(() =>
        {
            Assert.That(MailTo(gone.ContactEmail, NotificationKind.RemotePointReminder), Is.Empty, "the point is no longer part of the briefing");
            Assert.That(MailTo(stays.ContactEmail, NotificationKind.RemotePointReminder), Has.Count.EqualTo(1), "the point still linked is reminded");
            Assert.That((row.Status, row.CancelReason), Is.EqualTo((NotificationStatus.Cancelled, CancelReasons.NoLongerNeeded)));
        });
    }
}
