using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PressConference.Api.Data;
using PressConference.Api.Notifications;
using PressConference.Tests.Support;

namespace PressConference.Tests.Notifications;

/// <summary>Hosts stop, start again and run side by side on one database: each message still arrives exactly once.</summary>
public sealed class OutboxDurabilityTests
{
    private SmtpTestServer _smtp = null!;
    private string _directory = null!;

    [OneTimeSetUp]
    public void StartSmtp()
    {
        _smtp = SmtpTestServer.Start();
        _directory = Path.Combine(Path.GetTempPath(), "pressconference-tests", "durability-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(_directory);
    }

    [OneTimeTearDown]
    public void StopSmtp()
    {
        _smtp.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder clean-up.
        }
    }

    private TestHost Host(string database, int batchSize = 50)
    {
        var settings = NotificationTest.SmtpSettings(_smtp);
        settings["ConnectionStrings:PressConference"] = $"Data Source={database}";
        settings["Notifications:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new TestHost(settings);
    }

    private string NewDatabase() => Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db");

    private sealed record Seed(string UserId, string Email, Guid BriefingId, DateTimeOffset Start);

    /// <summary>A reporter and a published briefing, made through the API of the given host.</summary>
    private static async Task<Seed> SeedAsync(TestHost host, double hoursAhead)
    {
        using var anonymous = host.CreateClient();
        var email = $"pv-{Guid.NewGuid():N}@bao.test";
        var user = await anonymous.RegisterReporterAsync(email, "Reporter-Pass-1", "Lý Thị Hạnh");
        using var admin = await host.SignInAdminAsync();
        var data = new TestData(admin, host.Clock);
        var briefing = await data.BriefingAsync(data.HoursAhead(hoursAhead), title: "Họp báo về phòng chống ngập úng");
        return new Seed(user.Str("id"), email, briefing.Id, new DateTimeOffset(briefing.StartsAt));
    }

    private IReadOnlyList<MimeKit.MimeMessage> MailTo(string email) =>
        _smtp.Messages().Where(m => m.To.Mailboxes.Any(t => t.Address == email)).ToList();

    [Test]
    public async Task Planned_then_restarted_on_the_same_database_each_reminder_arrives_exactly_once()
    {
        var database = NewDatabase();
        Seed seed;
        await using (var first = Host(database))
        {
            seed = await SeedAsync(first, 30);
            await NotificationTest.PlanAsync(first, async p =>
            {
                var registration = Guid.NewGuid();
                await p.PlanRegistrationDecisionAsync(registration, seed.UserId, seed.BriefingId, NotificationKind.RegistrationApproved,
                    new RegistrationDecisionData(), CancellationToken.None);
                await p.PlanReporterRemindersAsync(registration, seed.UserId, seed.BriefingId, CancellationToken.None);
            });
            await NotificationTest.DispatchAsync(first);
            Assert.That(MailTo(seed.Email), Has.Count.EqualTo(1), "the approval goes out before the stop");
        }

        await using (var second = Host(database))
        {
            second.Clock.SetUtcNow(seed.Start.AddHours(-24));
            await NotificationTest.DispatchAsync(second);
            await NotificationTest.DispatchAsync(second);
        }

        await using (var third = Host(database))
        {
            third.Clock.SetUtcNow(seed.Start.AddHours(-2));
            await NotificationTest.DispatchAsync(third);
            third.Clock.SetUtcNow(seed.Start.AddMinutes(-1));
            await NotificationTest.DispatchAsync(third);
        }

        var mail = MailTo(seed.Email);
        Assert.That(mail.Select(m => m.Headers[NotificationComposer.KindHeader]),
            Is.EquivalentTo(new[] { "RegistrationApproved", "BriefingReminder", "BriefingReminder" }));
        Assert.That(mail.Select(m => m.MessageId).Distinct().Count(), Is.EqualTo(3));
    }

    [Test]
    public async Task A_row_left_Sending_by_a_host_that_died_is_sent_once_after_its_lease_with_the_same_Message_ID()
    {
        var database = NewDatabase();
        Seed seed;
        Guid id;
        await using (var crashed = Host(database))
        {
            seed = await SeedAsync(crashed, 48);
            await NotificationTest.PlanAsync(crashed, p => p.PlanRegistrationDecisionAsync(Guid.NewGuid(), seed.UserId, seed.BriefingId,
                NotificationKind.RegistrationWaitlisted, new RegistrationDecisionData(WaitlistPosition: 2), CancellationToken.None));

            // What a dispatcher that claimed the row and died before sending leaves behind.
            await using var scope = crashed.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var row = await db.Notifications.SingleAsync(n => n.ToAddress == seed.Email);
            id = row.Id;
            var leaseEnd = crashed.Clock.GetUtcNow().UtcDateTime.AddMinutes(5);
            await db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Sending)
                .SetProperty(n => n.ClaimToken, Guid.NewGuid()).SetProperty(n => n.ClaimedUntil, leaseEnd).SetProperty(n => n.Attempts, 1));
        }

        await using var restarted = Host(database);
        await NotificationTest.DispatchAsync(restarted);
        Assert.That(MailTo(seed.Email), Is.Empty, "the lease of the dead run still holds");

        restarted.Clock.Advance(TimeSpan.FromMinutes(5));
        await NotificationTest.DispatchAsync(restarted);
        await NotificationTest.DispatchAsync(restarted);
        var mail = MailTo(seed.Email).Single();
        Assert.That(mail.MessageId, Is.EqualTo(Notification.MessageIdFor(id)));
        await using var check = restarted.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<AppDbContext>().Notifications.AsNoTracking().SingleAsync(n => n.Id == id);
        Assert.That((stored.Status, stored.Attempts), Is.EqualTo((NotificationStatus.Sent, 2)));
    }

    [Test]
    public async Task Two_dispatchers_at_once_on_the_same_database_send_each_row_once()
    {
        var database = NewDatabase();
        await using var one = Host(database, batchSize: 3);
        var seed = await SeedAsync(one, 72);
        await using var two = Host(database, batchSize: 3);
        _ = two.Services; // started
        await NotificationTest.PlanAsync(one, async p =>
        {
            for (var i = 0; i < 24; i++)
            {
                await p.PlanRegistrationDecisionAsync(Guid.NewGuid(), seed.UserId, seed.BriefingId, NotificationKind.RegistrationPendingReview,
                    new RegistrationDecisionData(), CancellationToken.None);
            }
        });

        var results = await Task.WhenAll(NotificationTest.DispatchAsync(one), NotificationTest.DispatchAsync(two), NotificationTest.DispatchAsync(one),
            NotificationTest.DispatchAsync(two));

        var mail = MailTo(seed.Email);
        Assert.That(mail, Has.Count.EqualTo(24));
        Assert.That(mail.Select(m => m.MessageId).Distinct().Count(), Is.EqualTo(24));
        Assert.That(results.Sum(r => r.Sent), Is.EqualTo(24));
        await using var scope = one.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Notifications.AsNoTracking().ToListAsync();
        Assert.That(rows.Select(r => (r.Status, r.Attempts)), Is.All.EqualTo((NotificationStatus.Sent, 1)), "no row was claimed twice");
    }
}
