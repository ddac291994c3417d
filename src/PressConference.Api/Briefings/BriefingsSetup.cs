using PressConference.Api.Compliance;
using PressConference.Api.Series;
using PressConference.Api.Spokespersons;

namespace PressConference.Api.Briefings;

public static class BriefingsSetup
{
    /// <summary>Briefing planning: briefings, series and the compliance check share the same rules and settings.</summary>
    public static WebApplicationBuilder AddBriefings(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BriefingOptions>().BindConfiguration(BriefingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SeriesOptions>().BindConfiguration(SeriesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ComplianceOptions>().BindConfiguration(ComplianceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<BriefingPlanning>();
        services.AddScoped<SeriesGenerator>();
        services.AddScoped<BriefingChanges>();
        services.AddScoped<BriefingCatalog>();
        services.AddScoped<SpokespersonDirectory>();
        return builder;
    }
}
