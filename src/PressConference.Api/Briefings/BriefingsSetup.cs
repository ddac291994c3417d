using PressConference.Api.Spokespersons;

namespace PressConference.Api.Briefings;

public static class BriefingsSetup
{
    /// <summary>Briefings: their defaults, planning rules and the change seam; the features above add their own.</summary>
    public static WebApplicationBuilder AddBriefings(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BriefingOptions>().BindConfiguration(BriefingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<BriefingPlanning>();
        services.AddScoped<BriefingChanges>();
        services.AddScoped<ISpokespersonReferences, BriefingSpokespersonReferences>();
        services.AddScoped<BriefingCatalog>();
        services.AddScoped<SpokespersonDirectory>();
        return builder;
    }
}
