using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace PressConference.Api.Identity;

/// <summary>
/// The seam through which account mails leave: Identity knows what to say and the link's path; Notifications (which
/// implements it) puts the message in the outbox of the caller's unit of work, with the public base URL in front.
/// Implementations never save.
/// </summary>
public interface IAccountMail
{
    /// <param name="link">Path and query of the confirmation page, e.g. /account/confirm-email?userId=...&amp;code=...</param>
    Task ConfirmEmailAsync(AppUser user, string link, CancellationToken ct);

    /// <param name="link">Path and query of the reset page.</param>
    Task ResetPasswordAsync(AppUser user, string link, CancellationToken ct);
}

/// <summary>A signed-in person's own account, as the profile shows it.</summary>
public sealed record AccountView(string Id, string Email, string FullName, string? PenName, string? Phone, string PreferredLanguage,
    bool EmailConfirmed);

/// <summary>
/// Reporter accounts: sign-up (API and pages), confirming the address, forgotten passwords and the profile. Each method
/// saves its own change, the outbox row of its mail included, in one transaction.
/// </summary>
public sealed class ReporterAccounts(UserManager<AppUser> users, AppDbContext db, IAccountMail mail, EmailConfirmationRule confirmation,
    TimeProvider clock)
{
    public const string ConfirmPath = "/account/confirm-email";
    public const string ResetPath = "/account/reset-password";

    /// <summary>Creates a reporter's account; when the address must be confirmed, the mail asking for it leaves with it.</summary>
    public async Task<(AppUser? User, IdentityResult Result)> SignUpAsync(string email, string password, string displayName, string? language,
        CancellationToken ct)
    {
        var user = new AppUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            DisplayName = displayName.Trim(),
            PreferredLanguage = language == "en" ? "en" : "vi",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        // The account, its role and its confirmation mail land together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, created);
        }

        var role = await users.AddToRoleAsync(user, Roles.Reporter);
        if (!role.Succeeded)
        {
            return (null, role);
        }

        if (confirmation.Required)
        {
            await mail.ConfirmEmailAsync(user, await ConfirmationLinkAsync(user), ct);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return (user, created);
    }

    /// <summary>Sends the confirmation mail again (the first one was lost, or the setting was off at sign-up).</summary>
    public async Task<bool> SendConfirmationAsync(string userId, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is not { EmailConfirmed: false } user)
        {
            return false;
        }

        await mail.ConfirmEmailAsync(user, await ConfirmationLinkAsync(user), ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Confirms the address from the link in the mail; false for an unknown account or a wrong or used code.</summary>
    public async Task<bool> ConfirmEmailAsync(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || Decode(code) is not { } token || await users.FindByIdAsync(userId) is not { } user)
        {
            return false;
        }

        return user.EmailConfirmed || (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }

    /// <summary>
    /// Mails a reset link when the address belongs to an account; says nothing either way, so the form cannot tell who
    /// has an account.
    /// </summary>
    public async Task RequestPasswordResetAsync(string email, CancellationToken ct)
    {
        if (await users.FindByEmailAsync(email.Trim()) is not { } user)
        {
            return;
        }

        var token = Encode(await users.GeneratePasswordResetTokenAsync(user));
        await mail.ResetPasswordAsync(user, $"{ResetPath}?email={Uri.EscapeDataString(user.Email!)}&code={token}", ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sets a new password from the link in the mail; that link also proves the address, so it is confirmed.</summary>
    public async Task<IdentityResult> ResetPasswordAsync(string email, string? code, string password)
    {
        if (Decode(code) is not { } token || await users.FindByEmailAsync(email.Trim()) is not { } user)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().InvalidToken());
        }

        var reset = await users.ResetPasswordAsync(user, token, password);
        if (reset.Succeeded && !user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }

        return reset;
    }

    public async Task<AccountView?> GetAsync(string userId) =>
        await users.FindByIdAsync(userId) is { } me
            ? new AccountView(me.Id, me.Email!, me.DisplayName, me.PenName, me.Phone, me.PreferredLanguage, me.EmailConfirmed)
            : null;

    /// <summary>
    /// Changes the profile: the full name (what credentials are matched against and passes print), pen name, phone and
    /// the language of e-mails and pages. Values are validated by the caller (ProfileRequestValidator).
    /// </summary>
    public async Task<AccountView?> UpdateProfileAsync(string userId, string fullName, string? penName, string? phone, string? language,
        CancellationToken ct)
    {
        if (await db.Users.FindAsync([userId], ct) is not { } me)
        {
            return null;
        }

        me.DisplayName = fullName.Trim();
        me.PenName = string.IsNullOrWhiteSpace(penName) ? null : penName.Trim();
        me.Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        me.PreferredLanguage = language ?? me.PreferredLanguage;
        await db.SaveChangesAsync(ct);
        return new AccountView(me.Id, me.Email!, me.DisplayName, me.PenName, me.Phone, me.PreferredLanguage, me.EmailConfirmed);
    }

    private async Task<string> ConfirmationLinkAsync(AppUser user) =>
        $"{ConfirmPath}?userId={Uri.EscapeDataString(user.Id)}&code={Encode(await users.GenerateEmailConfirmationTokenAsync(user))}";

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private static string? Decode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

public static class ReporterAccountsSetup
{
    public static IServiceCollection AddReporterAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<EmailConfirmationRule>();
        services.AddScoped<ReporterAccounts>();
        return services;
    }
}
