using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PressConference.Api.Notifications;
using PressConference.Api.Series;
using PressConference.Tests.Support;

namespace PressConference.Tests.Notifications;

/// <summary>Hangfire's recurring jobs, and its dashboard at /hangfire for Admins only (header or one-time access token).</summary>
public sealed partial class SchedulerTests : ApiTest
{
    [Test]
    public void The_dispatcher_runs_every_minute_and_the_series_daily_on_Hanoi_time()
    {
        using var connection = Factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        Assert.Multiple(() =>
        {
            Assert.That(jobs[NotificationJobs.DispatchJobId].Cron, Is.EqualTo("* * * * *"));
            Assert.That(jobs[NotificationJobs.DispatchJobId].TimeZoneId, Is.EqualTo("Asia/Ho_Chi_Minh"));
            Assert.That(jobs[NotificationJobs.DispatchJobId].Job.Method.Name, Is.EqualTo(nameof(NotificationJobs.DispatchAsync)));
            Assert.That(jobs[SeriesJobs.ExtendJobId].Cron, Is.EqualTo("15 2 * * *"));
            Assert.That(jobs[SeriesJobs.ExtendJobId].Job.Method.Name, Is.EqualTo(nameof(SeriesJobs.ExtendAsync)));
            Assert.That(jobs[NotificationJobs.DailyPlanningJobId].Cron, Is.EqualTo("30 2 * * *"));
        });
    }

    [Test]
    public void The_dashboard_route_is_in_the_endpoint_walk_with_the_Admin_policy()
    {
        var dashboard = Factory.Services.GetRequiredService<IEnumerable<Microsoft.AspNetCore.Routing.EndpointDataSource>>()
            .SelectMany(s => s.Endpoints).OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText!.StartsWith("/hangfire", StringComparison.Ordinal));
        Assert.That(dashboard.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Select(a => a.Policy),
            Does.Contain(PressConference.Api.Infrastructure.Policies.Admin));
        Assert.That(dashboard.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>(), Is.Null);
    }

    [Test]
    public async Task The_dashboard_answers_401_to_strangers_403_to_staff_and_reporters_and_200_to_admins()
    {
        await Anonymous.GetAsync("/hangfire").ExpectStatusAsync(HttpStatusCode.Unauthorized);
        await Organizer.GetAsync("/hangfire").ExpectStatusAsync(HttpStatusCode.Forbidden);
        await Reporter.GetAsync("/hangfire").ExpectStatusAsync(HttpStatusCode.Forbidden);
        using var page = await Admin.GetAsync("/hangfire");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("Hangfire"));
        using var recurring = await Admin.GetAsync("/hangfire/recurring");
        Assert.That(await recurring.Content.ReadAsStringAsync(), Does.Contain(NotificationJobs.DispatchJobId));
    }

    [Test]
    public async Task A_browser_signs_in_once_with_the_access_token_and_keeps_a_cookie_scoped_to_the_dashboard()
    {
        using var browser = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var adminToken = Admin.DefaultRequestHeaders.Authorization!.Parameter!;

        using var signIn = await browser.GetAsync($"/hangfire?access_token={Uri.EscapeDataString(adminToken)}");
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(signIn.Headers.Location!.ToString(), Is.EqualTo("/hangfire"), "the token leaves the address bar");
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single();
        Assert.That(cookie, Does.StartWith(NotificationsSetup.DashboardCookie + "=").And.Contain("path=/hangfire").And.Contain("httponly")
            .And.Contain("samesite=strict"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire/recurring");
        request.Headers.Add("Cookie", CookiePair().Match(cookie).Value);
        using var page = await browser.SendAsync(request);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var elsewhere = new HttpRequestMessage(HttpMethod.Get, "/api/users");
        elsewhere.Headers.Add("Cookie", CookiePair().Match(cookie).Value);
        using var api = await browser.SendAsync(elsewhere);
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the cookie opens the dashboard only");

        var organizerToken = Organizer.DefaultRequestHeaders.Authorization!.Parameter!;
        using var organizer = await browser.GetAsync($"/hangfire?access_token={Uri.EscapeDataString(organizerToken)}");
        Assert.That(organizer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var forged = await browser.GetAsync("/hangfire?access_token=not-a-token");
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [GeneratedRegex("^[^;]+")]
    private static partial Regex CookiePair();
}

/// <summary>With the scheduler on, Hangfire's server runs the dispatcher job itself.</summary>
public sealed class SchedulerOnTests : NotificationTest
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Notifications:RunScheduler"] = "true" };

    [Test]
    public async Task Triggering_the_recurring_job_sends_what_is_due()
    {
        var reporter = await NewReporterAsync("Quách Gia Huy");
        var briefing = await Data.BriefingAsync(Data.HoursAhead(20));
        await PlanAsync(p => p.PlanRegistrationDecisionAsync(Guid.NewGuid(), reporter.UserId, briefing.Id, NotificationKind.RegistrationApproved,
            new RegistrationDecisionData(), CancellationToken.None));

        // Hangfire's worker says when the dispatch job has run; the test waits for that signal, not for time to pass.
        var performed = new DispatchPerformed();
        GlobalJobFilters.Filters.Add(performed);
        try
        {
            Factory.Services.GetRequiredService<IRecurringJobManager>().Trigger(NotificationJobs.DispatchJobId);
            await performed.Done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            GlobalJobFilters.Filters.Remove(performed);
        }

        Assert.That(MailTo(reporter.Email).Select(m => m.Headers[NotificationComposer.KindHeader]), Is.EqualTo(new[] { "RegistrationApproved" }));
    }
}

/// <summary>Completes when a Hangfire worker has performed the dispatch job (or fails with its exception).</summary>
internal sealed class DispatchPerformed : Hangfire.Server.IServerFilter
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void OnPerforming(Hangfire.Server.PerformingContext context)
    {
    }

    public void OnPerformed(Hangfire.Server.PerformedContext context)
    {
        if (context.BackgroundJob.Job.Method.Name != nameof(NotificationJobs.DispatchAsync))
        {
            return;
        }

        if (context.Exception is { } exception)
        {
            Done.TrySetException(exception);
        }
        else
        {
            Done.TrySetResult();
        }
    }
}

internal static class StatusAssertions
{
    public static async Task ExpectStatusAsync(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
    }
}
