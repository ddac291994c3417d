using System.ComponentModel.DataAnnotations;

namespace PressConference.Api.Briefings;

/// <summary>Defaults for a new briefing; each can be set on the briefing itself.</summary>
public sealed class BriefingOptions
{
    public const string Section = "Briefings";

    /// <summary>Registration closes this long before the start unless the briefing says otherwise.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan RegistrationClosesBeforeStart { get; set; } = TimeSpan.FromHours(2);

    [Range(0, 720)]
    public int DoorsOpenMinutesBefore { get; set; } = 60;

    public bool AutoApprove { get; set; } = true;
}
