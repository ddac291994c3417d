using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace PressConference.Testing;

/// <summary>Accounts made and signed in through the API, as people would: a bearer token per client.</summary>
public static class SignIn
{
    /// <summary>A client of the host (in memory, or to its loopback port) carrying the account's bearer token.</summary>
    public static async Task<HttpClient> SignInAsync(this TestHost host, string email, string password)
    {
        using var anonymous = host.CreateClient();
        var token = (await anonymous.PostJsonAsync("/api/auth/login", new { email, password }).ExpectAsync(HttpStatusCode.OK))["accessToken"]!
            .GetValue<string>();
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static Task<HttpClient> SignInAdminAsync(this TestHost host) => host.SignInAsync(TestHost.AdminEmail, TestHost.AdminPassword);

    /// <summary>A staff account with the given roles, made by the Admin; answers its e-mail and password.</summary>
    public static async Task<(string Email, string Password)> CreateStaffAsync(this HttpClient admin, params string[] roles)
    {
        var email = $"{roles[0].ToLowerInvariant()}-{Guid.NewGuid():N}@test.vn";
        const string password = "Staff-Pass-1";
        await admin.PostJsonAsync("/api/users", new { email, password, displayName = "Nhân viên " + roles[0], roles }).ExpectAsync(HttpStatusCode.Created);
        return (email, password);
    }

    /// <summary>A reporter who signs up on their own; answers the new account as the service describes it.</summary>
    public static Task<JsonNode> RegisterReporterAsync(this HttpClient anonymous, string email, string password, string displayName,
        string? preferredLanguage = null) =>
        anonymous.PostJsonAsync("/api/auth/register", new { email, password, displayName, preferredLanguage }).ExpectAsync(HttpStatusCode.Created);
}
