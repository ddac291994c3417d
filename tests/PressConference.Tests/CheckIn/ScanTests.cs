using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.CheckIn;
using PressConference.Api.Passes;
using PressConference.Tests.Support;

namespace PressConference.Tests.CheckIn;

public sealed class ScanTests : PassTest
{
    [Test]
    public async Task A_valid_pass_is_admitted_with_name_and_outlet_then_already_checked_in_at_any_door()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id, reporterName: "Trần Văn Hùng", outletName: "Báo Nhân Dân");
        DoorsOpen(briefing);
        var door = await DoorAsync();

        var first = await ScanAsync(door, pass.Token, doorId: "Cửa A");
        Assert.Multiple(() =>
        {
            Assert.That(first.Str("result"), Is.EqualTo("Admitted"));
            Assert.That(first["reason"], Is.Null);
            Assert.That(first.Str("reporterName"), Is.EqualTo("Trần Văn Hùng"));
            Assert.That(first.Str("outletName"), Is.EqualTo("Báo Nhân Dân"));
            Assert.That(first.Str("location"), Does.StartWith("Hội trường"));
            Assert.That(TestData.Utc(first.Str("checkedInAt")), Is.EqualTo(Now.UtcDateTime));
            Assert.That(first["firstCheckedInAt"], Is.Null);
            Assert.That(first.Str("message"), Does.StartWith("Mời vào"));
        });

        Factory.Clock.Advance(TimeSpan.FromMinutes(3));
        var again = await ScanAsync(Organizer, pass.Token, doorId: "Cửa B");
        Assert.Multiple(() =>
        {
            Assert.That(again.Str("result"), Is.EqualTo("AlreadyCheckedIn"));
            Assert.That(TestData.Utc(again.Str("firstCheckedInAt")), Is.EqualTo(Now.UtcDateTime.AddMinutes(-3)));
            Assert.That(again.Str("firstDoor"), Does.StartWith("Cửa A"));
            Assert.That(again.Str("reporterName"), Is.EqualTo("Trần Văn Hùng"));
        });
        Assert.That(await WithDbAsync(db => db.CheckIns.CountAsync(c => c.PassId == pass.PassId)), Is.EqualTo(1), "not counted twice");
    }

    [Test]
    public async Task A_token_that_is_not_a_pass_is_refused_as_malformed()
    {
        var result = await ScanAsync(await DoorAsync(), "https://example.com/not-a-pass");
        Assert.That(result.Str("result"), Is.EqualTo("Refused"));
        Assert.That(result.Str("reason"), Is.EqualTo("Malformed"));
        Assert.That(result.Str("message"), Is.EqualTo("Mã QR này không phải thẻ dự họp báo."));
    }

    [Test]
    public async Task A_token_with_one_changed_character_is_refused_as_invalid_signature()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        DoorsOpen(briefing);
        var bytes = Base45.Decode(pass.Token);
        bytes[20] ^= 0x01; // inside the briefing id
        var result = await ScanAsync(await DoorAsync(), Base45.Encode(bytes));
        Assert.That(result.Str("reason"), Is.EqualTo("InvalidSignature"));
        Assert.That(result["reporterName"], Is.Null, "a forged pass tells nothing about anybody");
    }

    [Test]
    public async Task A_token_signed_with_a_key_id_the_service_never_had_is_refused_as_unknown_key()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        DoorsOpen(briefing);
        PassTokenFormat.TryRead(pass.Token, out var payload, out _, out _);
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = TokenForge.Sign(payload with { KeyId = 4242 }, stranger);
        var result = await ScanAsync(await DoorAsync(), forged);
        Assert.That(result.Str("reason"), Is.EqualTo("UnknownKey"));
    }

    [Test]
    public async Task A_door_working_for_another_briefing_refuses_the_pass_as_wrong_briefing()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var other = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        DoorsOpen(briefing);
        var result = await ScanAsync(await DoorAsync(), pass.Token, briefingId: other.Id);
        Assert.That(result.Str("reason"), Is.EqualTo("WrongBriefing"));
    }

    [Test]
    public async Task A_remote_point_pass_at_the_main_venue_and_the_reverse_are_refused_as_wrong_location()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var point = (await Data.RemotePointAsync(briefing.Id)).Id;
        var atPoint = await IssueAsync(briefing.Id, point);
        var atVenue = await IssueAsync(briefing.Id);
        DoorsOpen(briefing);
        var door = await DoorAsync();
        Assert.That((await ScanAsync(door, atPoint.Token)).Str("reason"), Is.EqualTo("WrongLocation"));
        Assert.That((await ScanAsync(door, atVenue.Token, remotePointId: point)).Str("reason"), Is.EqualTo("WrongLocation"));
        Assert.That((await ScanAsync(door, atPoint.Token, remotePointId: point)).Str("result"), Is.EqualTo("Admitted"));
    }

    [Test]
    public async Task Before_doors_open_the_pass_is_refused_as_not_yet_open_and_after_the_end_as_closed()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        var door = await DoorAsync();
        ClockTo(briefing.DoorsOpenAt.AddMinutes(-1));
        Assert.That((await ScanAsync(door, pass.Token)).Str("reason"), Is.EqualTo("NotYetOpen"));
        ClockTo(briefing.DoorsOpenAt);
        Assert.That((await ScanAsync(door, pass.Token)).Str("result"), Is.EqualTo("Admitted"), "doors open is inside the window");

        var late = await IssueAsync(briefing.Id, reporterName: "Lê Thị Lan");
        ClockTo(briefing.EndsAt);
        Assert.That((await ScanAsync(door, late.Token)).Str("reason"), Is.EqualTo("Closed"));
    }

    [Test]
    public async Task A_pass_refused_before_doors_open_says_when_they_open_and_after_the_end_when_they_closed()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        var door = await DoorAsync();
        var opens = briefing.DoorsOpenAt.AddHours(7);
        var culture = System.Globalization.CultureInfo.InvariantCulture;

        // Another day: the date and the time, in Hanoi.
        var early = await ScanAsync(door, pass.Token);
        Assert.That(early.Str("reason"), Is.EqualTo("NotYetOpen"));
        Assert.That(early.Str("message"), Is.EqualTo($"Chưa đến giờ mở cửa: cửa mở lúc {opens.ToString("dd/MM/yyyy HH:mm", culture)}."));
        Assert.That(TestData.Utc(early.Str("opensAt")), Is.EqualTo(briefing.DoorsOpenAt));

        // The same day: the time is enough.
        ClockTo(briefing.DoorsOpenAt.AddHours(-2));
        Assert.That((await ScanAsync(door, pass.Token)).Str("message"), Is.EqualTo($"Chưa đến giờ mở cửa: cửa mở lúc {opens:HH:mm}."));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/checkin/scans") { Content = JsonContent.Create(new { token = pass.Token }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        Assert.That((await door.SendAsync(request).ExpectAsync(HttpStatusCode.OK)).Str("message"), Is.EqualTo($"Doors are not open yet: they open at {opens:HH:mm}."));

        ClockTo(briefing.EndsAt.AddMinutes(5));
        var late = await ScanAsync(door, pass.Token);
        Assert.That(late.Str("reason"), Is.EqualTo("Closed"));
        Assert.That(late.Str("message"), Is.EqualTo($"Họp báo đã kết thúc lúc {briefing.EndsAt.AddHours(7):HH:mm}; thẻ hết hiệu lực."));
        Assert.That(TestData.Utc(late.Str("closedAt")), Is.EqualTo(briefing.EndsAt));
    }

    [TestCase(PassRevocation.Revoked, "Revoked", "Thẻ đã bị thu hồi.")]
    [TestCase(PassRevocation.Cancelled, "Cancelled", "Đăng ký hoặc cuộc họp báo đã bị hủy.")]
    public async Task A_revoked_or_cancelled_pass_is_refused_with_its_own_reason(PassRevocation revocation, string reason, string message)
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        await RevokeAsync(pass.RegistrationId, revocation);
        DoorsOpen(briefing);
        var result = await ScanAsync(await DoorAsync(), pass.Token);
        Assert.That(result.Str("reason"), Is.EqualTo(reason));
        Assert.That(result.Str("message"), Is.EqualTo(message));
        Assert.That(result.Str("reporterName"), Is.EqualTo("Nguyễn Thị Mai Hương"), "staff see whose pass it was");
    }

    [Test]
    public async Task Refusals_are_explained_in_english_when_asked()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/checkin/scans") { Content = System.Net.Http.Json.JsonContent.Create(new { token = "X" }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var result = await (await DoorAsync()).SendAsync(request).ExpectAsync(HttpStatusCode.OK);
        Assert.That(result.Str("message"), Is.EqualTo("This QR code is not a briefing pass."));
    }

    [Test]
    public async Task A_bound_door_account_refuses_passes_of_other_briefings_and_scanning_for_another_location()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var other = await Data.BriefingAsync(Data.NextDay());
        var point = (await Data.RemotePointAsync(briefing.Id)).Id;
        var bound = await CreateUserClientAsync("DoorStaff");
        var boundId = await UserIdAsync(bound);
        var binding = await Organizer.PutJsonAsync($"/api/checkin/door-bindings/{boundId}", new { briefingId = briefing.Id, remotePointId = point })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.That(binding["bound"]!.GetValue<bool>(), Is.True);
        var me = await bound.GetAsync("/api/checkin/door-bindings/me").ExpectAsync(HttpStatusCode.OK);
        Assert.That(me["remotePointId"]!.GetValue<Guid>(), Is.EqualTo(point));

        var mine = await IssueAsync(briefing.Id, point);
        var elsewhere = await IssueAsync(other.Id);
        DoorsOpen(briefing);
        Assert.That((await ScanAsync(bound, elsewhere.Token)).Str("reason"), Is.EqualTo("WrongBriefing"));
        Assert.That((await ScanAsync(bound, mine.Token, briefingId: other.Id)).Str("reason"), Is.EqualTo("WrongBriefing"));
        var otherPoint = (await Data.RemotePointAsync(briefing.Id)).Id;
        Assert.That((await ScanAsync(bound, mine.Token, remotePointId: otherPoint)).Str("reason"), Is.EqualTo("WrongLocation"));
        Assert.That((await ScanAsync(bound, mine.Token)).Str("result"), Is.EqualTo("Admitted"), "no location named: the binding's");
    }

    [Test]
    public async Task Only_door_staff_accounts_can_be_bound_and_only_organizers_bind()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var reporterId = await ReporterIdAsync();
        var problem = await Organizer.PutJsonAsync($"/api/checkin/door-bindings/{reporterId}", new { briefingId = briefing.Id })
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.That(problem.Str("code"), Is.EqualTo("NotDoorStaff"));
        var doorId = await UserIdAsync(await DoorAsync());
        await (await DoorAsync()).PutJsonAsync($"/api/checkin/door-bindings/{doorId}", new { briefingId = briefing.Id }).ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Reporters_cannot_scan_and_strangers_must_sign_in()
    {
        await Reporter.PostJsonAsync("/api/checkin/scans", new { token = "X" }).ExpectAsync(HttpStatusCode.Forbidden);
        await Anonymous.PostJsonAsync("/api/checkin/scans", new { token = "X" }).ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Two_doors_scanning_the_same_pass_at_the_same_instant_admit_it_exactly_once()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        DoorsOpen(briefing);
        var doors = new[] { await DoorAsync(), await CreateUserClientAsync("DoorStaff"), Organizer, Admin };
        using var start = new ManualResetEventSlim();
        var scans = Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await ScanAsync(doors[i % doors.Length], pass.Token, doorId: $"Cửa {i}");
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(scans);

        Assert.That(results.Count(r => r.Str("result") == "Admitted"), Is.EqualTo(1));
        Assert.That(results.Count(r => r.Str("result") == "AlreadyCheckedIn"), Is.EqualTo(11));
        Assert.That(await WithDbAsync(db => db.CheckIns.CountAsync(c => c.PassId == pass.PassId)), Is.EqualTo(1));
        Assert.That(await WithDbAsync(db => db.ScanLog.CountAsync(s => s.PassId == pass.PassId)), Is.EqualTo(12), "every scan is logged");
    }

    [Test]
    public async Task Every_scan_is_logged_with_door_account_result_and_time()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        DoorsOpen(briefing);
        var door = await DoorAsync();
        var doorUser = await UserIdAsync(door);
        await ScanAsync(door, pass.Token, doorId: "Cổng chính", briefingId: briefing.Id);
        await ScanAsync(door, "rác", doorId: "Cổng chính", briefingId: briefing.Id);
        var log = await WithDbAsync(db => db.ScanLog.Where(s => s.BriefingId == briefing.Id).OrderBy(s => s.Id).ToListAsync());
        Assert.That(log.Select(s => (s.Result, s.Reason)), Is.EqualTo(new[] { (ScanResult.Admitted, (ScanRefusal?)null), (ScanResult.Refused, ScanRefusal.Malformed) }));
        Assert.That(log.All(s => s.DoorId == "Cổng chính" && s.AccountId == doorUser && s.RecordedAt == Now.UtcDateTime), Is.True);
    }
}

/// <summary>Makes tokens the way an attacker with their own key would.</summary>
internal static class TokenForge
{
    public static string Sign(PassTokenPayload payload, ECDsa key)
    {
        var bytes = PassTokenFormat.WritePayload(payload);
        return PassTokenFormat.Compose(bytes, key.SignData(bytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }
}
