using PressConference.Api.Briefings;
using PressConference.Api.Incidents;
using PressConference.Api.Infrastructure;

namespace PressConference.Api.Accreditation;

public static class AccreditationSetup
{
    /// <summary>Outlets, credentials, registrations and incidents share the checks, the seat ledger, the status seam and the file store.</summary>
    public static WebApplicationBuilder AddAccreditation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccreditationOptions>().BindConfiguration(AccreditationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IncidentOptions>().BindConfiguration(IncidentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FileStore>();
        services.AddScoped<RegistrationChecks>();
        services.AddScoped<SeatLedger>();
        services.AddScoped<SeatAvailability>();
        services.AddScoped<RegistrationStatusChanges>();
        services.AddScoped<RegistrationFollowUps>();
        services.AddScoped<IBriefingChangeHandler, RegistrationBriefingHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAccreditation(this IEndpointRouteBuilder app)
    {
        app.MapProfile();
        app.MapCredentials();
        app.MapCardRevocations();
        app.MapRegistrations();
        return app;
    }
}
