using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PressConference.Api.Data;
using PressConference.Api.Passes;
using PressConference.Tests.Support;

namespace PressConference.Tests.Passes;

public sealed class PassIssuerTests : PassTest
{
    [Test]
    public async Task Issuing_and_revoking_only_change_the_callers_unit_of_work_which_saves_them_or_not()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var registrationId = Guid.CreateVersion7();
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var issuer = scope.ServiceProvider.GetRequiredService<PassIssuer>();
            await issuer.IssueAsync(registrationId, await ReporterIdAsync(), briefing.Id, null, "Không Lưu", "Báo Nháp", CancellationToken.None);
            // The caller never saves (its own change failed, say): nothing is left behind.
        }

        Assert.That(await WithDbAsync(db => db.Passes.AnyAsync(p => p.RegistrationId == registrationId)), Is.False);

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var issuer = scope.ServiceProvider.GetRequiredService<PassIssuer>();
            var first = await issuer.IssueAsync(registrationId, await ReporterIdAsync(), briefing.Id, null, "Cùng Lượt", "Báo A", CancellationToken.None);
            var second = await issuer.IssueAsync(registrationId, await ReporterIdAsync(), briefing.Id, null, "Cùng Lượt", "Báo B", CancellationToken.None);
            Assert.That(second, Is.SameAs(first), "the same unit of work sees the pass it has not saved yet");
            await issuer.RevokeAsync(registrationId, PassRevocation.Revoked, Now.UtcDateTime, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var saved = await WithDbAsync(db => db.Passes.SingleAsync(p => p.RegistrationId == registrationId));
        Assert.That((saved.OutletName, saved.RevocationReason), Is.EqualTo(("Báo B", (PassRevocation?)PassRevocation.Revoked)));
    }

    [Test]
    public async Task A_pass_revoked_twice_keeps_its_first_reason_and_time_and_revoking_without_a_pass_does_nothing()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        await RevokeAsync(pass.RegistrationId, PassRevocation.Cancelled);
        var first = await WithDbAsync(db => db.Passes.SingleAsync(p => p.Id == pass.PassId));
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await RevokeAsync(pass.RegistrationId, PassRevocation.Revoked);
        await RevokeAsync(Guid.CreateVersion7(), PassRevocation.Revoked);
        var second = await WithDbAsync(db => db.Passes.SingleAsync(p => p.Id == pass.PassId));
        Assert.That((second.RevocationReason, second.RevokedAt), Is.EqualTo((first.RevocationReason, first.RevokedAt)));
        Assert.That(second.RevocationReason, Is.EqualTo(PassRevocation.Cancelled));
    }

    [Test]
    public async Task A_registration_cannot_move_its_pass_to_another_briefing()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var other = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        Assert.ThrowsAsync<InvalidOperationException>(() => IssueAsync(other.Id, registrationId: pass.RegistrationId));
    }
}
