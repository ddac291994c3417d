using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PressConference.Api.Identity;

/// <summary>Why a sign-in failed: a stable code, a title that says what happened, and the sentence with what to do.</summary>
public sealed record SignInRefusal(string Code, string Title, string Detail);

/// <summary>
/// Signing in with e-mail and password, for the API's bearer tokens or a page's cookie alike. A failure says what
/// happened (wrong e-mail or password, locked out, not allowed), never "not signed in", which is what a request
/// without a token gets.
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, IOptions<AuthOptions> auth)
{
    /// <summary>Signs in under <paramref name="scheme"/> (the sign-in itself is written to the response); null when it succeeded.</summary>
    public async Task<SignInRefusal?> SignInAsync(string email, string password, string scheme)
    {
        signIn.AuthenticationScheme = scheme;
        var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return null;
        }

        if (result.IsLockedOut)
        {
            return new SignInRefusal("LockedOut", Texts.Get("auth.lockedOut.title"), Texts.Get("auth.lockedOut", auth.Value.LockoutMinutes));
        }

        return result.IsNotAllowed
            ? new SignInRefusal("NotAllowed", Texts.Get("auth.notAllowed.title"), Texts.Get("auth.notAllowed"))
            : new SignInRefusal("InvalidCredentials", Texts.Get("auth.invalidLogin.title"), Texts.Get("auth.invalidLogin"));
    }
}
