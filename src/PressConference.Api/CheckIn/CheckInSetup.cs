using System.ComponentModel.DataAnnotations;

namespace PressConference.Api.CheckIn;

public sealed class CheckInOptions
{
    public const string Section = "CheckIn";

    /// <summary>Most scans one POST /api/checkin/sync may carry.</summary>
    [Range(1, 10000)]
    public int MaxSyncScans { get; set; } = 1000;
}

public static class CheckInSetup
{
    public static WebApplicationBuilder AddCheckIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CheckInOptions>().BindConfiguration(CheckInOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<DoorScanner>();
        builder.Services.AddScoped<OfflineSync>();
        builder.Services.AddScoped<ScanDescriptions>();
        builder.Services.AddScoped<OnlineDoor>();
        builder.Services.AddScoped<OfflineBundles>();
        builder.Services.AddScoped<DoorKeys>();
        builder.Services.AddScoped<DoorBindingRegister>();
        builder.Services.AddScoped<AttendanceReport>();
        return builder;
    }
}
