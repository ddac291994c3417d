using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PressConference.Api.Data;
using PressConference.Api.Identity;
using PressConference.Tests.Support;

namespace PressConference.Tests.Web;

/// <summary>Identity:RequireConfirmedEmail: an unconfirmed reporter signs in, but registers for a briefing only once confirmed.</summary>
public sealed class EmailConfirmationTests : ApiTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Identity:RequireConfirmedEmail"] = "true" };

    private string Pickup => Path.Combine(Factory.Directory, "mail-pickup");

    [Test]
    public async Task The_API_refuses_an_unconfirmed_reporter_with_a_stable_code_until_the_link_in_the_mail_is_opened()
    {
        var email = $"pv-{Guid.NewGuid():N}@bao.test";
        await Anonymous.PostJsonAsync("/api/auth/register", new { email, password = "Reporter-Pass-1", displayName = "Phạm Thu Trang" })
            .ExpectAsync(HttpStatusCode.Created);
        using var reporter = await LoginAsync(email, "Reporter-Pass-1"); // signing in does not wait for the confirmation
        var url = $"/api/briefings/{Guid.NewGuid()}/registrations";
        var body = new { credentialId = Guid.NewGuid() };

        var refused = await reporter.PostJsonAsync(url, body).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Multiple(() =>
        {
            Assert.That(refused.Str("code"), Is.EqualTo(EmailConfirmationRule.Code));
            Assert.That(refused.Str("detail"), Does.StartWith("Bạn cần xác nhận địa chỉ email"));
        });
        using var english = new HttpRequestMessage(HttpMethod.Post, url) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        english.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var refusedInEnglish = await reporter.SendAsync(english).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.That(refusedInEnglish.Str("detail"), Does.StartWith("Confirm your e-mail address"));

        await NotificationTest.DispatchAsync(Factory);
        var mail = PageSupport.PickedUp(Pickup).Single(m => m.To.Mailboxes.Any(t => t.Address == email));
        Assert.That(mail.Headers["X-PressConference-Kind"], Is.EqualTo("AccountEmailConfirmation"));
        var link = mail.Link("http://localhost:5080/account/confirm-email?");
        using var browser = Factory.Browser();
        using var confirmed = await browser.GetAsync(link.PathAndQuery);
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await confirmed.Content.ReadAsStringAsync());

        // Past the rule: the made-up briefing is now what is missing.
        var missing = await reporter.PostJsonAsync(url, body).ExpectAsync(HttpStatusCode.NotFound);
        Assert.That(missing.Str("code"), Is.EqualTo("NotFound"));
    }

    [Test]
    public async Task A_used_or_altered_link_confirms_nothing()
    {
        using var browser = Factory.Browser();
        using var response = await browser.GetAsync("/account/confirm-email?userId=someone&code=bm90LWEtdG9rZW4");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Liên kết không hợp lệ hoặc đã hết hạn"));
    }

    [Test]
    public async Task The_migration_marks_accounts_made_before_the_rule_confirmed()
    {
        var file = Path.Combine(Factory.Directory, $"before-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={file}").Options;
        await using (var before = new AppDbContext(options))
        {
            await before.GetService<IMigrator>().MigrateAsync("20261201201927_Notifications");
            await before.Database.ExecuteSqlRawAsync(
                "INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, "
                + "LockoutEnabled, AccessFailedCount, DisplayName, PreferredLanguage, CreatedAt) "
                + "VALUES ('old', 'old@bao.test', 'OLD@BAO.TEST', 'old@bao.test', 'OLD@BAO.TEST', 0, 0, 0, 1, 0, 'Lê Văn Cũ', 'vi', '2026-01-01 00:00:00')");
        }

        await using (var after = new AppDbContext(options))
        {
            await after.Database.MigrateAsync();
            Assert.That(await after.Users.Where(u => u.Id == "old").Select(u => u.EmailConfirmed).SingleAsync(), Is.True);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
