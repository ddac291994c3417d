using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PressConference.Api.Accreditation;
using PressConference.Api.Briefings;

namespace PressConference.Api.Notifications;

/// <summary>The jobs Hangfire runs; each is a plain service call that tests make directly.</summary>
public sealed class NotificationJobs(NotificationDispatcher dispatcher, OfficePlanner planner, IOptions<OfficeOptions> office)
{
    public const string DispatchJobId = "notifications-dispatch";
    public const string DailyPlanningJobId = "notifications-daily-planning";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task DispatchAsync(CancellationToken ct) => dispatcher.DispatchDueAsync(ct);

    [AutomaticRetry(Attempts = 0)]
    public Task PlanDailyAsync(CancellationToken ct) => planner.PlanDailyAsync(office.Value.HostAgency, ct);
}

public static class NotificationsSetup
{
    public const string DashboardPath = "/hangfire";
    public const string DashboardCookie = "PressConference.Dashboard";

    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<NotificationOutbox>();
        services.AddScoped<ReporterPlanner>();
        services.AddScoped<RemotePointPlanner>();
        services.AddScoped<OfficePlanner>();
        services.AddScoped<BriefingAudience>();
        services.AddScoped<NotificationComposer>();
        services.AddAccountMails();
        services.AddScoped<NotificationDispatcher>();
        services.AddScoped<NotificationJobs>();
        services.AddSingleton<IMailChannel, MailChannel>();
        services.AddScoped<IRegistrationStatusHandler, RegistrationNotifications>();
        services.AddScoped<IBriefingChangeHandler, BriefingNotifications>();

        // Hangfire keeps only schedules: the outbox in the database is the truth, so in-memory storage loses nothing on a
        // restart. One storage per host (not the static JobStorage.Current) so that several hosts in one process stay apart.
        // Hangfire's configuration (its log provider among it) is process-wide: apply this host's before the storage logs.
        services.AddSingleton<JobStorage>(provider =>
        {
            provider.GetRequiredService<IGlobalConfiguration>();
            return new InMemoryStorage(new InMemoryStorageOptions());
        });
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (builder.Configuration.GetValue($"{NotificationOptions.Section}:{nameof(NotificationOptions.RunScheduler)}", true))
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = 2;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(15);
            });
        }

        // The dashboard is a browser page: besides the Authorization header it accepts the access token once as
        // ?access_token=..., keeps it in a cookie scoped to /hangfire, and reads it from there on the following requests.
        services.PostConfigure<BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
        {
            var previous = o.Events.OnMessageReceived;
            o.Events.OnMessageReceived = async context =>
            {
                await previous(context);
                var request = context.Request;
                if (context.Token is null && request.Path.StartsWithSegments(DashboardPath) && request.Headers.Authorization.Count == 0)
                {
                    if (request.Query["access_token"].FirstOrDefault() is { Length: > 0 } token)
                    {
                        context.Token = token;
                        context.Response.Cookies.Append(DashboardCookie, token, new CookieOptions
                        {
                            HttpOnly = true,
                            SameSite = SameSiteMode.Strict,
                            Secure = request.IsHttps,
                            Path = DashboardPath,
                        });
                    }
                    else if (request.Cookies[DashboardCookie] is { Length: > 0 } cookie)
                    {
                        context.Token = cookie;
                    }
                }
            };
        });
        return builder;
    }

    /// <summary>The notification routes, the Admin-only Hangfire dashboard, and the recurring jobs (cron in Hanoi time).</summary>
    public static WebApplication MapNotifications(this WebApplication app)
    {
        var dashboard = app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            // Not Hangfire's default (local requests only), which fails behind a reverse proxy and trusts anyone local.
            Authorization = [new AdminDashboardAuthorization()],
            DashboardTitle = "PressConference · Hangfire",
            DisplayStorageConnectionString = false,
            AppPath = "/",
        }, app.Services.GetRequiredService<JobStorage>()).RequireAuthorization(Policies.Admin);
        dashboard.Add(endpoint =>
        {
            // After a sign-in by ?access_token= (now in the cookie), drop the token from the address bar and history.
            var inner = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                if (context.Request.Query.ContainsKey("access_token"))
                {
                    context.Response.Redirect(context.Request.PathBase + context.Request.Path);
                    return Task.CompletedTask;
                }

                return inner(context);
            };
        });

        var settings = app.Services.GetRequiredService<IOptions<NotificationOptions>>().Value;
        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            app.Logger.LogInformation("Notifications: no Notifications:Smtp:Host set; e-mails are written as .eml files into {Directory}",
                Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, settings.PickupDirectory)));
        }

        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        var options = new RecurringJobOptions { TimeZone = VietnamTime.Zone };
        jobs.AddOrUpdate<NotificationJobs>(NotificationJobs.DispatchJobId, j => j.DispatchAsync(CancellationToken.None), Cron.Minutely(), options);
        jobs.AddOrUpdate<NotificationJobs>(NotificationJobs.DailyPlanningJobId, j => j.PlanDailyAsync(CancellationToken.None), "30 2 * * *", options);
        return app;
    }

    /// <summary>Hangfire's own check, behind the endpoint's Admin policy: the signed-in user must be an Admin.</summary>
    private sealed class AdminDashboardAuthorization : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
    }
}
