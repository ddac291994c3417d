using System.Net;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.Passes;
using Microsoft.Extensions.DependencyInjection;
using PressConference.Tests.Support;

namespace PressConference.Tests.CheckIn;

public sealed class KeyRotationTests : PassTest
{
    [Test]
    public async Task Rotation_adds_a_key_new_passes_use_it_and_passes_signed_before_stay_valid()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var before = await IssueAsync(briefing.Id, reporterName: "Trước Khi Đổi");
        var keysBefore = await (await DoorAsync()).GetAsync("/api/checkin/keys").ExpectAsync(HttpStatusCode.OK);

        var rotated = await Admin.PostJsonAsync("/api/checkin/keys/rotate").ExpectAsync(HttpStatusCode.OK);
        var oldKid = int.Parse(keysBefore.Str("currentKid"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(rotated.Str("currentKid"), Is.EqualTo((oldKid + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(rotated["keys"]!.AsArray().Select(k => k!.Str("kid")), Does.Contain(keysBefore.Str("currentKid")), "the old key is still published");

        var after = await IssueAsync(briefing.Id, reporterName: "Sau Khi Đổi");
        PassTokenFormat.TryRead(before.Token, out var oldPayload, out _, out _);
        PassTokenFormat.TryRead(after.Token, out var newPayload, out _, out _);
        Assert.That(oldPayload.KeyId, Is.EqualTo(oldKid));
        Assert.That(newPayload.KeyId, Is.EqualTo(oldKid + 1));

        DoorsOpen(briefing);
        var door = await DoorAsync();
        Assert.That((await ScanAsync(door, before.Token)).Str("result"), Is.EqualTo("Admitted"));
        Assert.That((await ScanAsync(door, after.Token)).Str("result"), Is.EqualTo("Admitted"));

        var bundle = await door.GetAsync($"/api/briefings/{briefing.Id}/checkin-bundle").ExpectAsync(HttpStatusCode.OK);
        Assert.That(bundle["keys"]!.AsArray().Select(k => k!.Str("kid")), Is.SupersetOf(new[] { oldPayload.KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture), rotated.Str("currentKid") }));
    }

    [Test]
    public async Task A_rescheduled_briefing_re_signs_its_passes_with_the_current_key()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        await Admin.PostJsonAsync("/api/checkin/keys/rotate").ExpectAsync(HttpStatusCode.OK);
        await Organizer.PostJsonAsync($"/api/briefings/{briefing.Id}/reschedule", new { startsAt = briefing.StartsAt.AddHours(2), reason = "Lùi giờ" })
            .ExpectAsync(HttpStatusCode.OK);
        var body = await Reporter.GetAsync($"/api/registrations/{pass.RegistrationId}/pass").ExpectAsync(HttpStatusCode.OK);
        var current = await WithDbAsync(db => db.PassSigningKeys.MaxAsync(k => k.Id));
        Assert.That(body["keyId"]!.GetValue<int>(), Is.EqualTo(current));
    }

    [Test]
    public async Task A_second_host_on_the_same_database_verifies_and_signs_with_the_same_keys()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var fromFirst = await IssueAsync(briefing.Id, reporterName: "Máy Một");
        var keyCount = await WithDbAsync(db => db.PassSigningKeys.CountAsync());
        await using var second = new TestHost(new Dictionary<string, string?> { ["ConnectionStrings:PressConference"] = $"Data Source={Factory.DatabasePath}" });
        second.Clock.SetUtcNow(Now);
        using var _ = second.CreateClient();

        // The second host unprotects the private key that the first host's Data Protection key ring protected.
        Pass fromSecond;
        await using (var scope = second.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PressConference.Api.Data.AppDbContext>();
            fromSecond = await scope.ServiceProvider.GetRequiredService<PassIssuer>()
                .IssueAsync(Guid.CreateVersion7(), await ReporterIdAsync(), briefing.Id, null, "Máy Hai", "Báo Lao Động", CancellationToken.None);
            await db.SaveChangesAsync();
        }

        Assert.That(await WithDbAsync(db => db.PassSigningKeys.CountAsync()), Is.EqualTo(keyCount), "the second start made no key of its own");
        Assert.That(fromSecond.KeyId, Is.EqualTo(await WithDbAsync(db => db.PassSigningKeys.MaxAsync(k => k.Id))));
        DoorsOpen(briefing);
        var door = await DoorAsync();
        Assert.That((await ScanAsync(door, fromFirst.Token)).Str("result"), Is.EqualTo("Admitted"));
        Assert.That((await ScanAsync(door, fromSecond.Token)).Str("result"), Is.EqualTo("Admitted"), "signed on the second host, verified on the first");

        // A key rotated on the first host is used by the second at once.
        var rotated = await Admin.PostJsonAsync("/api/checkin/keys/rotate").ExpectAsync(HttpStatusCode.OK);
        await using var again = second.Services.CreateAsyncScope();
        var reissued = await again.ServiceProvider.GetRequiredService<PassIssuer>()
            .IssueAsync(Guid.CreateVersion7(), await ReporterIdAsync(), briefing.Id, null, "Máy Hai", "Báo Lao Động", CancellationToken.None);
        Assert.That(reissued.KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(rotated.Str("currentKid")));
    }
}
