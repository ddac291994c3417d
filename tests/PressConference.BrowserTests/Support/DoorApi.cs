using Microsoft.Extensions.DependencyInjection;
using PressConference.Api.Data;
using PressConference.Api.Passes;

namespace PressConference.BrowserTests.Support;

/// <summary>
/// Passes for the browser tests, issued and revoked in a scope of the running service as the registration feature does
/// (accounts and briefings come from <see cref="SignIn"/> and <see cref="TestData"/>).
/// </summary>
public static class DoorApi
{
    /// <summary>
    /// A pass issued the way an approval issues it (PassIssuer, saved in the same unit of work); the registration id is
    /// the caller's.
    /// </summary>
    public static async Task<Pass> IssuePassAsync(this TestHost server, Guid briefingId, string reporterName, string outletName,
        Guid? remotePointId = null)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var issuer = scope.ServiceProvider.GetRequiredService<PassIssuer>();
        var pass = await issuer.IssueAsync(Guid.NewGuid(), "browser-test", briefingId, remotePointId, reporterName, outletName, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return pass;
    }

    /// <summary>Revokes a pass the way a cancellation or a blocked credential does.</summary>
    public static async Task RevokeAsync(this TestHost server, Pass pass, PassRevocation reason)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PassIssuer>().RevokeAsync(pass.RegistrationId, reason, server.Clock.GetUtcNow().UtcDateTime,
            CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    /// <summary>The same token with one signature byte changed: well-formed, signed by nobody.</summary>
    public static string Forge(string token)
    {
        var bytes = Base45.Decode(token);
        bytes[^5] ^= 0x5A;
        return Base45.Encode(bytes);
    }
}
