using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace PressConference.Api.Notifications;

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

public sealed class SmtpOptions
{
    /// <summary>No host: messages are written as .eml files into the pickup directory instead.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Văn phòng UBND thành phố <no-reply@pressconference.local>";

    /// <summary>Longest wait for one SMTP command; must stay below the claim lease.</summary>
    public int TimeoutSeconds { get; set; } = 60;
}

/// <summary>Settings under "Notifications" (names operators rely on: keep them).</summary>
public sealed class NotificationOptions : IValidatableObject
{
    public const string Section = "Notifications";

    public static readonly TimeSpan[] DefaultReporterReminderOffsets = [TimeSpan.FromHours(24), TimeSpan.FromHours(2)];

    /// <summary>Where people reach this service: the start of the links in e-mails (the printable pass).</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Run the Hangfire server (dispatcher every minute, series extension daily). Tests turn it off and dispatch by hand.</summary>
    public bool RunScheduler { get; set; } = true;

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where .eml files go when no SMTP host is set; relative to the content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail-pickup";

    /// <summary>How long before the start each reporter is reminded; empty means 24 h and 2 h.</summary>
    public TimeSpan[]? ReporterReminderOffsets { get; set; }

    public TimeSpan RemotePointReminderBefore { get; set; } = TimeSpan.FromHours(24);
    public TimeSpan SeriesPreparationBefore { get; set; } = TimeSpan.FromDays(7);
    public TimeSpan ComplianceWarningBefore { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Extra addresses that receive what organizers receive (e.g. the office's shared mailbox).</summary>
    public string[]? OfficeAddresses { get; set; }

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait after the first failed attempt; doubled after each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a dispatcher holds a claimed row; a row still Sending after this is taken again.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    public IReadOnlyList<TimeSpan> EffectiveReporterReminderOffsets =>
        (ReporterReminderOffsets is { Length: > 0 } offsets ? offsets : DefaultReporterReminderOffsets).Distinct().OrderDescending().ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Smtp.Port is < 1 or > 65535)
        {
            yield return new ValidationResult("Notifications:Smtp:Port must be 1-65535.", ["Smtp.Port"]);
        }

        if (!MailboxAddress.TryParse(Smtp.From, out _))
        {
            yield return new ValidationResult("Notifications:Smtp:From must be an address such as \"Name <user@host>\".", ["Smtp.From"]);
        }

        if (Smtp.TimeoutSeconds < 1 || TimeSpan.FromSeconds(Smtp.TimeoutSeconds * 3) >= ClaimLease)
        {
            yield return new ValidationResult("Notifications:ClaimLease must exceed three times Notifications:Smtp:TimeoutSeconds.", ["ClaimLease"]);
        }

        if (ReporterReminderOffsets?.Any(o => o <= TimeSpan.Zero || o > TimeSpan.FromDays(30)) == true)
        {
            yield return new ValidationResult("Notifications:ReporterReminderOffsets must be durations between 0 and 30 days.", ["ReporterReminderOffsets"]);
        }

        foreach (var (name, value) in new[]
                 {
                     ("RemotePointReminderBefore", RemotePointReminderBefore), ("SeriesPreparationBefore", SeriesPreparationBefore),
                     ("ComplianceWarningBefore", ComplianceWarningBefore), ("RetryDelay", RetryDelay), ("MaxRetryDelay", MaxRetryDelay),
                 })
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(60))
            {
                yield return new ValidationResult($"Notifications:{name} must be a duration between 0 and 60 days.", [name]);
            }
        }

        if (OfficeAddresses?.Any(a => !MailboxAddress.TryParse(a, out _)) == true)
        {
            yield return new ValidationResult("Notifications:OfficeAddresses must be e-mail addresses.", ["OfficeAddresses"]);
        }
    }
}
