using PressConference.Api.Briefings;

namespace PressConference.Api.Accreditation;

public static class AccreditationSetup
{
    /// <summary>Credentials, card revocations and registrations: the checks, the seat ledger, the decisions and the status seam.</summary>
    public static WebApplicationBuilder AddAccreditation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccreditationOptions>().BindConfiguration(AccreditationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FileStore>();
        services.AddScoped<RegistrationChecks>();
        services.AddScoped<SeatLedger>();
        services.AddScoped<SeatAvailability>();
        services.AddScoped<RegistrationStatusChanges>();
        services.AddScoped<RegistrationQueries>();
        services.AddScoped<RegistrationDecisions>();
        services.AddScoped<ReporterCredentials>();
        services.AddScoped<IBriefingChangeHandler, RegistrationBriefingHandler>();
        services.AddScoped<IBriefingRegistrations, OpenRegistrations>();
        return builder;
    }
}
