using System.ComponentModel.DataAnnotations;

namespace PressConference.Api.Identity;

/// <summary>The first Admin, created at start-up when there is none.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    [EmailAddress]
    public string? AdminEmail { get; set; }

    [MinLength(8)]
    public string? AdminPassword { get; set; }
}

public sealed class AuthOptions
{
    public const string Section = "Auth";

    [Range(1, 365 * 24 * 60)]
    public int AccessTokenMinutes { get; set; } = 60;

    [Range(1, 90)]
    public int RefreshTokenDays { get; set; } = 14;

    [Range(1, 100)]
    public int MaxFailedLogins { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;
}

/// <summary>Rate limit per client address on /api/auth/*.</summary>
public sealed class AuthRateLimitOptions
{
    public const string Section = "RateLimiting:Auth";

    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 20;

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}
