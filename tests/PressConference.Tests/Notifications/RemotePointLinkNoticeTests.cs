using System.Globalization;
using System.Net;
using MimeKit;
using PressConference.Api.Notifications;
using PressConference.Tests.Support;

namespace PressConference.Tests.Notifications;

/// <summary>
/// A remote point first hears that it is linked to a briefing (when, how many seats, the video link), and that it is
/// no longer linked; a change notice never comes before it.
/// </summary>
public sealed class RemotePointLinkNoticeTests : NotificationTest
{
    private static string Kind(MimeMessage m) => m.Headers[NotificationComposer.KindHeader] ?? string.Empty;

    private static string Local(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm, dddd dd/MM/yyyy", CultureInfo.GetCultureInfo("vi"));

    [Test]
    public async Task Linking_a_point_to_a_published_briefing_tells_it_first_with_the_time_the_seats_and_the_video_link()
    {
        var briefing = await Data.BriefingAsync(Data.HoursAhead(96));
        var point = await Data.RemotePointAsync(briefing.Id, ward: "Ngọc Hà", capacity: 25, videoLink: "https://hop.hanoi.gov.vn/phong/ngoc-ha-12",
            contactName: "Bùi Thị Lan");

        // The organizer moves the briefing a moment later: the point must not hear of a new time for a briefing it was never told of.
        var newStart = StartOf(briefing.Body).AddDays(1);
        await Organizer.PostJsonAsync($"/api/briefings/{briefing.Id}/reschedule", new { startsAt = newStart, reason = "Đổi lịch công tác" })
            .ExpectAsync(HttpStatusCode.OK);
        await DispatchAsync();
        await AtAsync(Now.AddMinutes(1));

        var mails = MailTo(point.ContactEmail);
        Assert.That(mails, Is.Not.Empty);
        var first = mails[0];
        Assert.Multiple(() =>
        {
            Assert.That(Kind(first), Is.EqualTo("RemotePointLinked"), string.Join(", ", mails.Select(Kind)));
            Assert.That(first.Subject, Is.EqualTo($"Điểm cầu phường Ngọc Hà được kết nối với họp báo {briefing.Title}"));
            Assert.That(Text(first), Does.Contain("Kính gửi Bùi Thị Lan,"));
            Assert.That(Text(first), Does.Contain($"Thời gian: {Local(newStart)}"), "the briefing as it is when the notice goes out");
            Assert.That(Text(first), Does.Contain("Số chỗ tại điểm cầu: 25"));
            Assert.That(Text(first), Does.Contain("Đường dẫn truyền hình: https://hop.hanoi.gov.vn/phong/ngoc-ha-12"));
            Assert.That(first.Attachments.Any(a => a.ContentType.MimeType == "text/calendar"), Is.True);
        });
        Assert.That(mails.Select(Kind), Has.None.EqualTo("BriefingRescheduled"), "the notice of the link already shows the new time");

        // Told once; a later change is a notice of its own.
        var later = newStart.AddHours(2);
        await Organizer.PostJsonAsync($"/api/briefings/{briefing.Id}/reschedule", new { startsAt = later, reason = "Lãnh đạo đi công tác" })
            .ExpectAsync(HttpStatusCode.OK);
        await DispatchAsync();
        Assert.That(MailTo(point.ContactEmail).Select(Kind), Is.EqualTo(new[] { "RemotePointLinked", "BriefingRescheduled" }));
    }

    [Test]
    public async Task A_point_linked_to_a_draft_hears_of_the_link_when_the_briefing_is_published()
    {
        var draft = await Data.BriefingAsync(Data.HoursAhead(120), publish: false);
        var point = await Data.RemotePointAsync(draft.Id, capacity: 12);
        await DispatchAsync();
        Assert.That(MailTo(point.ContactEmail), Is.Empty, "a draft tells nobody");

        await Organizer.PostJsonAsync($"/api/briefings/{draft.Id}/publish").ExpectAsync(HttpStatusCode.OK);
        await DispatchAsync();
        var mail = MailTo(point.ContactEmail).Single();
        Assert.That(Kind(mail), Is.EqualTo("RemotePointLinked"));
        Assert.That(Text(mail), Does.Contain("Số chỗ tại điểm cầu: 12"));
    }

    [Test]
    public async Task Unlinking_a_point_that_was_told_tells_it_that_it_is_no_longer_linked()
    {
        var briefing = await Data.BriefingAsync(Data.HoursAhead(100));
        var point = await Data.RemotePointAsync(briefing.Id, ward: "Giảng Võ", contactName: "Trịnh Văn Sơn");
        await DispatchAsync();
        Assert.That(MailTo(point.ContactEmail).Select(Kind), Is.EqualTo(new[] { "RemotePointLinked" }));

        await Organizer.DeleteAsync($"/api/briefings/{briefing.Id}/remote-points/{point.Id}").ExpectAsync(HttpStatusCode.NoContent);
        await DispatchAsync();
        var mails = MailTo(point.ContactEmail);
        Assert.That(mails.Select(Kind), Is.EqualTo(new[] { "RemotePointLinked", "RemotePointUnlinked" }));
        Assert.That(mails[1].Subject, Is.EqualTo($"Điểm cầu phường Giảng Võ không còn kết nối với họp báo {briefing.Title}"));
        Assert.That(Text(mails[1]), Does.Contain("không còn là điểm cầu của họp báo"));

        await AtAsync(StartOf(briefing.Body).AddHours(-1));
        Assert.That(MailTo(point.ContactEmail), Has.Count.EqualTo(2), "no reminder for a point no longer linked");
    }

    [Test]
    public async Task A_point_unlinked_before_it_heard_of_the_link_hears_nothing()
    {
        var briefing = await Data.BriefingAsync(Data.HoursAhead(110));
        var point = await Data.RemotePointAsync(briefing.Id);
        await Organizer.DeleteAsync($"/api/briefings/{briefing.Id}/remote-points/{point.Id}").ExpectAsync(HttpStatusCode.NoContent);
        await AtAsync(StartOf(briefing.Body).AddHours(-1));
        Assert.That(MailTo(point.ContactEmail), Is.Empty);
    }
}
