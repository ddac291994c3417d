using Hangfire;

namespace PressConference.Api.Series;

/// <summary>The job Hangfire runs for series: a plain service call that tests make directly.</summary>
public sealed class SeriesJobs(SeriesGenerator generator)
{
    public const string ExtendJobId = "series-extend";

    [AutomaticRetry(Attempts = 0)]
    public Task ExtendAsync(CancellationToken ct) => generator.ExtendAllAsync(ct);
}

public static class SeriesSetup
{
    public static WebApplicationBuilder AddSeries(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SeriesOptions>().BindConfiguration(SeriesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SeriesGenerator>();
        services.AddScoped<SeriesJobs>();
        return builder;
    }

    /// <summary>Every series generated to its horizon each night at 02:15 Hanoi time (Hangfire itself is set up by Notifications).</summary>
    public static WebApplication ScheduleSeriesJobs(this WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<SeriesJobs>(SeriesJobs.ExtendJobId,
            j => j.ExtendAsync(CancellationToken.None), "15 2 * * *", new RecurringJobOptions { TimeZone = VietnamTime.Zone });
        return app;
    }
}
