
namespace PressConference.Api.Incidents;

public static class IncidentsSetup
{
    /// <summary>The incident log and the hotline report; blocking a credential is Accreditation's decision, which the log calls.</summary>
    public static WebApplicationBuilder AddIncidents(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IncidentOptions>().BindConfiguration(IncidentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<IncidentLog>();
        services.AddScoped<HotlineReport>();
        return builder;
    }
}
