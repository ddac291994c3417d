using System.ComponentModel.DataAnnotations;
using PressConference.Api.Accreditation;
using PressConference.Api.Briefings;

namespace PressConference.Api.Passes;

public sealed class PassOptions
{
    public const string Section = "Passes";

    /// <summary>Size of one QR module in pass.png and pass.svg, in pixels.</summary>
    [Range(2, 40)]
    public int PixelsPerModule { get; set; } = 10;
}

public static class PassesSetup
{
    public static WebApplicationBuilder AddPasses(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PassOptions>().BindConfiguration(PassOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PassKeyRing>();
        services.AddScoped<PassIssuer>();
        services.AddScoped<PassLookup>();
        services.AddScoped<PassPrints>();
        services.AddScoped<IBriefingChangeHandler>(sp => sp.GetRequiredService<PassIssuer>());
        services.AddScoped<IRegistrationStatusHandler, RegistrationPasses>();
        services.AddScoped<PassFiles>();
        return builder;
    }

    /// <summary>On first start, the first signing key.</summary>
    public static async Task EnsurePassKeyAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await scope.ServiceProvider.GetRequiredService<PassKeyRing>()
            .EnsureKeyAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), now, ct);
    }
}
