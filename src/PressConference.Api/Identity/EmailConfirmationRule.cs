using Microsoft.Extensions.Options;

namespace PressConference.Api.Identity;

/// <summary>Settings of reporter accounts (section <c>Identity</c>).</summary>
public sealed class AccountOptions
{
    public const string Section = "Identity";

    /// <summary>
    /// A reporter must confirm the e-mail address before registering for a briefing. Signing in never waits for it
    /// (Identity's own SignIn.RequireConfirmedEmail stays off), so the pages can say what is missing.
    /// </summary>
    public bool RequireConfirmedEmail { get; set; } = true;
}

/// <summary>
/// The one place that decides whether an account's unconfirmed address stops it from registering for a briefing; the
/// API's registration endpoint and the pages ask here.
/// </summary>
public sealed class EmailConfirmationRule(AppDbContext db, IOptions<AccountOptions> options)
{
    /// <summary>The stable <c>code</c> of the refusal.</summary>
    public const string Code = "EmailNotConfirmed";

    public bool Required => options.Value.RequireConfirmedEmail;

    /// <summary>Why the account may not register yet (localized), or null when it may.</summary>
    public async Task<string?> RefusalAsync(string userId, CancellationToken ct)
    {
        if (!Required)
        {
            return null;
        }

        var confirmed = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.EmailConfirmed).FirstOrDefaultAsync(ct);
        return confirmed ? null : Texts.Get("account.emailNotConfirmed");
    }

}
