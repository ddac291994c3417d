using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PressConference.Api.Accreditation;
using PressConference.Api.Briefings;
using PressConference.Api.Data;
using PressConference.Api.Outlets;
using PressConference.Tests.Support;

namespace PressConference.Tests.Outlets;

public sealed class DemoOutletTests
{
    [Test]
    public async Task Demo_data_has_believable_outlets_one_merged_one_suspended_and_a_reporter_whose_card_passes_the_checks()
    {
        await using var factory = new TestHost(new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
        using var client = factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.That(await db.Outlets.CountAsync(), Is.EqualTo(10));
        Assert.That(await db.Outlets.CountAsync(o => o.Status == OutletStatus.Suspended), Is.EqualTo(1));
        var merged = await OutletDirectory.FindByNameAsync(db, "Báo Hànội mới", CancellationToken.None);
        Assert.That(merged!.Outlet.Name, Is.EqualTo("Báo và Phát thanh, Truyền hình Hà Nội"));
        Assert.That(merged.Alias, Is.EqualTo("Báo Hànội mới"));

        var reporter = await db.Users.SingleAsync(u => u.Email == "phongvien@demo.pressconference.vn");
        var card = await db.Credentials.SingleAsync(c => c.OwnerId == reporter.Id);
        var briefing = await db.Briefings.Where(b => b.Status == BriefingStatus.Published).OrderBy(b => b.StartsAt).FirstAsync();
        var findings = await scope.ServiceProvider.GetRequiredService<RegistrationChecks>()
            .CheckAsync(briefing, card, reporter.Id, reporter.DisplayName, factory.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        Assert.That(findings.Select(f => f.Code), Is.Empty);
    }
}
