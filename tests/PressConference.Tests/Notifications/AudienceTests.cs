using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PressConference.Api.Notifications;
using PressConference.Tests.Support;

namespace PressConference.Tests.Notifications;

/// <summary>
/// Once registrations exist they replace <see cref="IBriefingAudience"/>: registered reporters then hear of changes
/// and remote points see who is coming. A stand-in audience shows the seam works.
/// </summary>
public sealed class AudienceTests : NotificationTest
{
    private sealed class KnownAudience : IBriefingAudience
    {
        public List<BriefingAudienceMember> Reporters { get; } = [];

        public Task<IReadOnlyList<BriefingAudienceMember>> ReportersAsync(Guid briefingId, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<BriefingAudienceMember>>(Reporters);

        public Task<IReadOnlyList<ExpectedReporter>> ExpectedAtRemotePointAsync(Guid briefingId, Guid remotePointId, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<ExpectedReporter>>([new ExpectedReporter("Nguyễn Văn An", "Báo Hà Nội Mới"), new ExpectedReporter("Lê Thu Hà", null)]);

        public Task<RegistrationDigest> DigestAsync(Guid briefingId, CancellationToken ct) => Task.FromResult(new RegistrationDigest(
            new Dictionary<string, int> { ["Approved"] = 41, ["PendingReview"] = 2 }, [new ExpectedReporter("Phan Minh Đức", "VnExpress")]));
    }

    [Test]
    public async Task Registered_reporters_hear_of_a_reschedule_and_remote_points_and_organizers_see_who_is_coming()
    {
        var audience = new KnownAudience();
        await using var host = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IBriefingAudience>(audience)));
        using var anonymous = host.CreateClient();
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = ApiFactory.AdminEmail, password = ApiFactory.AdminPassword });
        using var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>());

        var reporter = await NewReporterAsync("Hà Phương Linh", "en");
        var briefing = await BriefingAsync(50);
        var (pointId, point) = await RemotePointAsync(briefing.Id());
        audience.Reporters.Add(new BriefingAudienceMember(Guid.NewGuid(), reporter.UserId, pointId));

        var newStart = StartOf(briefing).AddHours(3);
        await admin.PostJsonAsync($"/api/briefings/{briefing.Id()}/reschedule", new { startsAt = newStart, reason = "Trùng lịch tiếp khách" }).ExpectAsync(HttpStatusCode.OK);
        await admin.PostJsonAsync($"/api/briefings/{briefing.Id()}/close-registration").ExpectAsync(HttpStatusCode.OK);
        await DispatchAsync(host);

        var notice = MailTo(reporter.Email, NotificationKind.BriefingRescheduled).Single();
        Assert.That(notice.Subject, Is.EqualTo("Briefing rescheduled: " + briefing.Str("title")));
        Assert.That(notice.TextBody, Does.Contain("Reason: Trùng lịch tiếp khách").And.Contain("Where: Điểm cầu phường Ba Đình"),
            "the reporter is told where they attend: the remote point");
        var digest = MailAbout(briefing.Id(), NotificationKind.RegistrationClosedDigest).Single();
        Assert.That(digest.TextBody, Does.Contain("Approved: 41\n- PendingReview: 2").And.Contain("- Phan Minh Đức (VnExpress)"));

        Factory.Clock.SetUtcNow(newStart.AddHours(-24));
        await DispatchAsync(host);
        var reminder = MailTo(point, NotificationKind.RemotePointReminder).Single();
        Assert.That(reminder.TextBody, Does.Contain("- Nguyễn Văn An (Báo Hà Nội Mới)\n- Lê Thu Hà"));
    }
}
