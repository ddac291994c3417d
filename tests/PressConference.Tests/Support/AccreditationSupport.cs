using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PressConference.Api.Accreditation;
using PressConference.Api.Demo;
using PressConference.Api.Identity;
using PressConference.Api.Infrastructure;
using PressConference.Api.Outlets;

namespace PressConference.Tests.Support;

/// <summary>Outlets, briefings, credentials and registrations for the accreditation tests.</summary>
public abstract class AccreditationTest : ApiTest
{
    protected const string HostAgency = "Văn phòng UBND thành phố Hà Nội";

    protected static Bogus.Faker F { get; } = Builders.Faker(4);

    /// <summary>Today's date in Hanoi by the fixture's clock, plus <paramref name="days"/>.</summary>
    protected DateOnly Day(int days) => DateOnly.FromDateTime(Now.AddHours(7).Date).AddDays(days);

    protected async Task<Guid> OutletAsync(string? name = null, IReadOnlyList<string>? aliases = null, OutletStatus status = OutletStatus.Active,
        DateOnly? statusFrom = null, DateOnly? statusUntil = null)
    {
        var request = Builders.Outlet(name ?? $"Báo Thử Nghiệm {Guid.NewGuid():N}", aliases: aliases, status: status)
            with { StatusFrom = statusFrom, StatusUntil = statusUntil };
        return (await Organizer.PostJsonAsync("/api/outlets", request).ExpectAsync(HttpStatusCode.Created)).Id();
    }

    protected async Task<Guid> CardAsync(HttpClient reporter, string holderName, Guid? outletId, DateOnly? issuedOn = null, DateOnly? expiresOn = null,
        string? number = null, string? outletName = null)
    {
        var request = Builders.PressCard(F, holderName, outletId, issuedOn ?? new DateOnly(2026, 2, 1), expiresOn, number, outletName);
        return (await reporter.PostJsonAsync("/api/me/credentials", request).ExpectAsync(HttpStatusCode.Created)).Id();
    }

    protected async Task<Guid> LetterAsync(HttpClient reporter, string reporterName, Guid? outletId, string addressedTo, DateOnly validFrom,
        DateOnly validUntil, string? purpose = "Đưa tin họp báo")
    {
        var request = Builders.IntroductionLetter(F, reporterName, outletId, addressedTo, validFrom, validUntil, purpose);
        return (await reporter.PostJsonAsync("/api/me/credentials", request).ExpectAsync(HttpStatusCode.Created)).Id();
    }

    protected static Task<JsonNode> RegisterAsync(HttpClient reporter, Guid briefing, Guid credential, Guid? remotePointId = null) =>
        reporter.PostJsonAsync($"/api/briefings/{briefing}/registrations", new { credentialId = credential, remotePointId })
            .ExpectAsync(HttpStatusCode.Created);

    protected static string[] Codes(JsonNode registration) =>
        registration["findings"]!.AsArray().Select(f => f!["code"]!.GetValue<string>()).ToArray();

    protected static string Status(JsonNode registration) => registration.Str("status");

    /// <summary>
    /// A reporter account with a bearer token minted directly (no password hashing), for tests that need hundreds of
    /// distinct reporters.
    /// </summary>
    protected async Task<HttpClient> QuickReporterAsync(string displayName)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var email = $"quick-{Guid.NewGuid():N}@test.vn";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = Now.UtcDateTime };
        Assert.That((await users.CreateAsync(user)).Succeeded, Is.True);
        Assert.That((await users.AddToRoleAsync(user, Roles.Reporter)).Succeeded, Is.True);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var bearer = sp.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = Now.AddYears(2) }, IdentityConstants.BearerScheme);
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer.BearerTokenProtector.Protect(ticket));
        return client;
    }

    protected Task<Registration> StoredAsync(Guid registrationId) =>
        WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.Registrations), r => r.Id == registrationId));
}
