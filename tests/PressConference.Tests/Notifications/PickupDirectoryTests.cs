using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PressConference.Api.Notifications;
using PressConference.Tests.Support;

namespace PressConference.Tests.Notifications;

/// <summary>With no SMTP host the mails land as .eml files, so a newcomer sees them without a mail server.</summary>
public sealed class PickupDirectoryTests : ApiTest
{
    [Test]
    public async Task Without_an_smtp_host_each_message_is_one_eml_file_in_the_pickup_directory_even_if_sent_again()
    {
        var me = await Reporter.GetAsync("/api/auth/me").ExpectAsync(HttpStatusCode.OK);
        var starts = Now.AddDays(3);
        var briefing = await Organizer.PostJsonAsync("/api/briefings", new
        {
            title = "Họp báo công bố quy hoạch", kind = "Thematic", venue = "Phòng họp số 2", startsAt = starts, endsAt = starts.AddHours(1),
        }).ExpectAsync(HttpStatusCode.Created);
        await NotificationTest.PlanAsync(Factory, p => p.PlanRegistrationDecisionAsync(Guid.NewGuid(), me.Str("id"), briefing.Id(),
            NotificationKind.RegistrationRejected, new RegistrationDecisionData(Reasons: "- Giấy giới thiệu đã hết hạn"), CancellationToken.None));

        await NotificationTest.DispatchAsync(Factory);
        var pickup = Path.Combine(Factory.Directory, "mail-pickup");
        var file = System.IO.Directory.GetFiles(pickup, "*.eml").Single();
        var mail = await MimeMessage.LoadAsync(file);
        Assert.Multiple(() =>
        {
            Assert.That(mail.Headers[NotificationComposer.KindHeader], Is.EqualTo("RegistrationRejected"));
            Assert.That(mail.To.Mailboxes.Single().Address, Is.EqualTo(me.Str("email")));
            Assert.That(mail.Subject, Is.EqualTo("Đăng ký không được chấp thuận: Họp báo công bố quy hoạch"));
            Assert.That(mail.TextBody, Does.Contain("Giấy giới thiệu đã hết hạn"));
        });

        // A second send of the same row (a crash before it was marked) overwrites the same file.
        await WithDbAsync(db => db.Notifications.ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Pending)));
        await NotificationTest.DispatchAsync(Factory);
        Assert.That(System.IO.Directory.GetFiles(pickup, "*.eml"), Has.Length.EqualTo(1));
        Assert.That(System.IO.Directory.GetFiles(pickup), Has.Length.EqualTo(1), "no temporary file left");
    }
}
