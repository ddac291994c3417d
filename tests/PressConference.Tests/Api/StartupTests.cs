using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using PressConference.Api.Infrastructure;
using PressConference.Tests.Support;

namespace PressConference.Tests.Api;

public sealed partial class StartupTests
{
    [Test]
    public async Task Start_up_creates_the_sqlite_file_migrates_it_in_wal_mode_and_creates_the_admin()
    {
        await using var factory = new TestHost();
        using var client = factory.CreateClient();
        Assert.That(await client.GetStringAsync("/health"), Is.EqualTo("Healthy"));
        Assert.That(File.Exists(factory.DatabasePath), Is.True);

        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("wal"));
        command.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory;";
        Assert.That(await command.ExecuteScalarAsync(), Is.GreaterThan(0));

        var login = await client.PostJsonAsync("/api/auth/login", new { email = TestHost.AdminEmail, password = TestHost.AdminPassword })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.That(login.Str("accessToken"), Is.Not.Empty);
    }

    [Test]
    public void A_bad_setting_stops_the_service_with_a_message_naming_it()
    {
        using var factory = new TestHost(new Dictionary<string, string?> { ["Compliance:MaxIntervalMonths"] = "6" });
        var error = Assert.Catch(() => factory.CreateClient());
        Assert.That(error!.ToString(), Does.Contain("MaxIntervalMonths"));
    }

    [Test]
    public async Task Demo_data_fills_an_empty_database_once_and_leaves_a_filled_one_alone()
    {
        await using var factory = new TestHost(new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
        using var client = factory.CreateClient();
        var briefings = await client.GetAsync("/api/briefings?pageSize=200").ExpectAsync(HttpStatusCode.OK);
        var total = briefings["total"]!.GetValue<int>();
        Assert.That(total, Is.GreaterThanOrEqualTo(7), "a published series of six months and published ad-hoc/thematic briefings");
        var points = await client.GetAsync("/api/remote-points?pageSize=200").ExpectAsync(HttpStatusCode.OK);
        Assert.That(points["items"]!.AsArray().Select(p => p!.Str("name")), Does.Contain("Điểm cầu phường Hoàn Kiếm"));

        // A second start on the same, now filled, database seeds nothing more.
        await using var again = new TestHost(new Dictionary<string, string?>
        {
            ["Demo:Seed"] = "true",
            ["ConnectionStrings:PressConference"] = $"Data Source={factory.DatabasePath}",
        });
        using var secondClient = again.CreateClient();
        var after = await secondClient.GetAsync("/api/briefings?pageSize=200").ExpectAsync(HttpStatusCode.OK);
        Assert.That(after["total"]!.GetValue<int>(), Is.EqualTo(total));
    }

    [Test]
    public void Every_text_exists_in_vietnamese_and_english_with_the_same_placeholders()
    {
        Assert.Multiple(() =>
        {
            foreach (var (key, (vi, en)) in Texts.All)
            {
                Assert.That(vi, Is.Not.Empty, key);
                Assert.That(en, Is.Not.Empty, key);
                Assert.That(Placeholders(vi), Is.EquivalentTo(Placeholders(en)), key);
            }
        });
    }

    private static List<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Distinct().ToList();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
