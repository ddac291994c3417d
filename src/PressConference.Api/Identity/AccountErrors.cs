using Microsoft.AspNetCore.Identity;

namespace PressConference.Api.Identity;

/// <summary>Identity's own errors, mapped to the field they concern and a localized reason: the API's 400 and the pages' fields.</summary>
public static class AccountErrors
{
    /// <summary>Field (as the API names it: "email", "password", "code", "body") → reasons.</summary>
    public static IDictionary<string, string[]> ByField(IdentityResult result)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var error in result.Errors)
        {
            var (field, message) = error.Code switch
            {
                "DuplicateEmail" or "DuplicateUserName" => ("email", Texts.Get("auth.emailTaken")),
                "InvalidEmail" or "InvalidUserName" => ("email", Texts.Get("validation.value")),
                "InvalidToken" => ("code", Texts.Get("account.invalidLink")),
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => ("password", Texts.Get("auth.password")),
                _ => ("body", error.Description),
            };
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            if (!list.Contains(message))
            {
                list.Add(message);
            }
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
