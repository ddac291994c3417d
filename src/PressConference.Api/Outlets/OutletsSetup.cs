namespace PressConference.Api.Outlets;

public static class OutletsSetup
{
    /// <summary>The register of licensed outlets: its CSV import (the look-up is static, <see cref="OutletDirectory"/>).</summary>
    public static WebApplicationBuilder AddOutlets(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OutletImport>();
        return builder;
    }
}
