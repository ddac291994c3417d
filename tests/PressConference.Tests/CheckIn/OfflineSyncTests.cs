using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.CheckIn;
using PressConference.Api.Passes;
using PressConference.Tests.Support;

namespace PressConference.Tests.CheckIn;

public sealed class OfflineSyncTests : PassTest
{
    private static object Scan(string token, DateTime scannedAt, string localResult = "Admitted") =>
        new { token, scannedAt = new DateTimeOffset(scannedAt).ToOffset(TimeSpan.FromHours(7)), localResult };

    private static Task<JsonNode> SyncAsync(HttpClient door, string deviceId, Guid briefingId, Guid? remotePointId, string? doorId, params object[] scans) =>
        door.PostJsonAsync("/api/checkin/sync", new { deviceId, briefingId, remotePointId, doorId, scans }).ExpectAsync(HttpStatusCode.OK);

    [Test]
    public async Task The_bundle_has_the_keys_the_locations_passes_the_revoked_ids_the_window_and_a_version()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var point = (await Data.RemotePointAsync(briefing.Id)).Id;
        var here = await IssueAsync(briefing.Id, point, reporterName: "Đỗ Hải Yến", outletName: "VnExpress");
        var gone = await IssueAsync(briefing.Id, point, reporterName: "Ngô Quang Vinh");
        var elsewhere = await IssueAsync(briefing.Id, reporterName: "Ở Hội Trường");
        await RevokeAsync(gone.RegistrationId, PassRevocation.Revoked);
        var door = await DoorAsync();

        var bundle = await door.GetAsync($"/api/briefings/{briefing.Id}/checkin-bundle?remotePointId={point}").ExpectAsync(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(bundle["passes"]!.AsArray().Select(p => p!["passId"]!.GetValue<Guid>()), Is.EqualTo(new[] { here.PassId }));
            Assert.That(bundle["passes"]![0]!.Str("reporterName"), Is.EqualTo("Đỗ Hải Yến"));
            Assert.That(bundle["passes"]![0]!.Str("outletName"), Is.EqualTo("VnExpress"));
            Assert.That(bundle["passes"]![0]!.AsObject().Select(p => p.Key),
                Is.EquivalentTo(new[] { "passId", "reporterName", "outletName", "checkedInAt", "firstDoor" }), "nothing more about the person");
            Assert.That(bundle["revokedPassIds"]!.AsArray().Select(p => p!.GetValue<Guid>()), Is.EqualTo(new[] { gone.PassId }));
            Assert.That(bundle["revocations"]![0]!.Str("reason"), Is.EqualTo("Revoked"));
            Assert.That(TestData.Utc(bundle.Str("validFrom")), Is.EqualTo(briefing.DoorsOpenAt));
            Assert.That(TestData.Utc(bundle.Str("validUntil")), Is.EqualTo(briefing.EndsAt));
            Assert.That(bundle["keys"]!.AsArray(), Is.Not.Empty);
            Assert.That(bundle.Str("location"), Does.StartWith("Điểm cầu"));
            Assert.That(bundle.Str("version"), Has.Length.EqualTo(16));
        });
        var main = await door.GetAsync($"/api/briefings/{briefing.Id}/checkin-bundle").ExpectAsync(HttpStatusCode.OK);
        Assert.That(main["passes"]!.AsArray().Select(p => p!["passId"]!.GetValue<Guid>()), Is.EqualTo(new[] { elsewhere.PassId }));

        var same = await door.GetAsync($"/api/briefings/{briefing.Id}/checkin-bundle?remotePointId={point}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(same.Str("version"), Is.EqualTo(bundle.Str("version")), "nothing changed, same version");
        await RevokeAsync(here.RegistrationId, PassRevocation.Cancelled);
        var changed = await door.GetAsync($"/api/briefings/{briefing.Id}/checkin-bundle?remotePointId={point}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(changed.Str("version"), Is.Not.EqualTo(bundle.Str("version")));
        Assert.That(changed["revokedPassIds"]!.AsArray().Select(p => p!.GetValue<Guid>()), Is.EquivalentTo(new[] { here.PassId, gone.PassId }));
    }

    [Test]
    public async Task A_bound_account_gets_the_bundle_of_its_own_location_and_no_other()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var other = await Data.BriefingAsync(Data.NextDay());
        var point = (await Data.RemotePointAsync(briefing.Id)).Id;
        var mine = await IssueAsync(briefing.Id, point);
        var bound = await CreateUserClientAsync("DoorStaff");
        await Organizer.PutJsonAsync($"/api/checkin/door-bindings/{await UserIdAsync(bound)}", new { briefingId = briefing.Id, remotePointId = point })
            .ExpectAsync(HttpStatusCode.OK);

        var bundle = await bound.GetAsync($"/api/briefings/{briefing.Id}/checkin-bundle").ExpectAsync(HttpStatusCode.OK);
        Assert.That(bundle["remotePointId"]!.GetValue<Guid>(), Is.EqualTo(point));
        Assert.That(bundle["passes"]!.AsArray().Select(p => p!["passId"]!.GetValue<Guid>()), Is.EqualTo(new[] { mine.PassId }));
        var problem = await bound.GetAsync($"/api/briefings/{other.Id}/checkin-bundle").ExpectAsync(HttpStatusCode.Forbidden);
        Assert.That(problem.Str("code"), Is.EqualTo("WrongBriefing"));
        await Reporter.GetAsync($"/api/briefings/{briefing.Id}/checkin-bundle").ExpectAsync(HttpStatusCode.Forbidden);
        await Organizer.GetAsync($"/api/briefings/{Guid.NewGuid()}/checkin-bundle").ExpectAsync(HttpStatusCode.NotFound);
        await Organizer.GetAsync($"/api/briefings/{briefing.Id}/checkin-bundle?remotePointId={Guid.NewGuid()}").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Offline_scans_are_admitted_as_of_when_they_were_made_and_sending_the_batch_again_changes_nothing()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var first = await IssueAsync(briefing.Id, reporterName: "Mai Anh");
        var second = await IssueAsync(briefing.Id, reporterName: "Quốc Bảo");
        var door = await DoorAsync();
        var at = briefing.DoorsOpenAt.AddMinutes(10);
        ClockTo(briefing.StartsAt.AddMinutes(20)); // the network came back later
        object[] batch = [Scan(first.Token, at), Scan(second.Token, at.AddMinutes(1)), Scan("không phải thẻ", at.AddMinutes(2), "Refused")];

        var sync = await SyncAsync(door, "tablet-1", briefing.Id, null, "Cổng phụ", batch);
        Assert.That(sync["received"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(sync["admitted"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(sync["results"]!.AsArray().Select(r => r!.Str("result")), Is.EqualTo(new[] { "Admitted", "Admitted", "Refused" }));
        Assert.That(sync["results"]![2]!.Str("reason"), Is.EqualTo("Malformed"));
        Assert.That(sync["conflicts"]!.AsArray(), Is.Empty);
        var checkIn = await WithDbAsync(db => db.CheckIns.SingleAsync(c => c.PassId == first.PassId));
        Assert.That(checkIn.CheckedInAt, Is.EqualTo(at), "the time the door scanned, not the time it synced");
        Assert.That((checkIn.DoorId, checkIn.DeviceId, checkIn.Source), Is.EqualTo(("Cổng phụ", "tablet-1", ScanSource.Offline)));

        var checkIns = await WithDbAsync(db => db.CheckIns.CountAsync(c => c.BriefingId == briefing.Id));
        var logged = await WithDbAsync(db => db.ScanLog.CountAsync(s => s.BriefingId == briefing.Id));
        var again = await SyncAsync(door, "tablet-1", briefing.Id, null, "Cổng phụ", batch);
        Assert.That(again["results"]!.AsArray().Select(r => r!["duplicate"]!.GetValue<bool>()), Is.All.True);
        Assert.That(again["results"]!.AsArray().Select(r => r!.Str("result")), Is.EqualTo(new[] { "Admitted", "Admitted", "Refused" }), "the same verdicts");
        Assert.That(again["admitted"]!.GetValue<int>(), Is.Zero);
        Assert.That(again["duplicates"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(await WithDbAsync(db => db.CheckIns.CountAsync(c => c.BriefingId == briefing.Id)), Is.EqualTo(checkIns));
        Assert.That(await WithDbAsync(db => db.ScanLog.CountAsync(s => s.BriefingId == briefing.Id)), Is.EqualTo(logged));
    }

    [Test]
    public async Task The_same_batch_sent_twice_at_the_same_moment_admits_once()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        var door = await DoorAsync();
        ClockTo(briefing.StartsAt);
        var batch = new[] { Scan(pass.Token, briefing.StartsAt.AddMinutes(-5)) };
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => SyncAsync(door, "tablet-2", briefing.Id, null, null, batch))));
        Assert.That(results.Sum(r => r["admitted"]!.GetValue<int>()), Is.EqualTo(1));
        Assert.That(results.Select(r => r["results"]![0]!.Str("result")), Is.All.EqualTo("Admitted"));
        Assert.That(await WithDbAsync(db => db.OfflineScans.CountAsync(s => s.DeviceId == "tablet-2")), Is.EqualTo(1));
        Assert.That(await WithDbAsync(db => db.CheckIns.CountAsync(c => c.PassId == pass.PassId)), Is.EqualTo(1));
    }

    [Test]
    public async Task An_earlier_offline_admission_wins_over_a_later_online_one_and_both_doors_are_told()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var pass = await IssueAsync(briefing.Id);
        var door = await DoorAsync();
        var offlineAt = briefing.StartsAt.AddMinutes(-40);
        ClockTo(briefing.StartsAt.AddMinutes(-30));
        Assert.That((await ScanAsync(Organizer, pass.Token, doorId: "Cổng chính")).Str("result"), Is.EqualTo("Admitted"));

        var sync = await SyncAsync(door, "tablet-3", briefing.Id, null, "Cổng phụ", Scan(pass.Token, offlineAt));
        var result = sync["results"]![0]!;
        Assert.That(result.Str("result"), Is.EqualTo("Admitted"));
        Assert.That(result.Str("conflict"), Is.EqualTo("AdmittedTwice"));
        var conflict = sync["conflicts"]![0]!;
        Assert.That(conflict.Str("kind"), Is.EqualTo("AdmittedTwice"));
        Assert.That(TestData.Utc(conflict.Str("firstCheckedInAt")), Is.EqualTo(offlineAt));
        Assert.That(conflict.Str("firstDoor"), Does.StartWith("Cổng phụ"));
        var checkIn = await WithDbAsync(db => db.CheckIns.SingleAsync(c => c.PassId == pass.PassId));
        Assert.That((checkIn.CheckedInAt, checkIn.DoorId), Is.EqualTo((offlineAt, "Cổng phụ")), "the earliest admission counts");

        var later = await SyncAsync(door, "tablet-4", briefing.Id, null, "Cổng sau", Scan(pass.Token, offlineAt.AddMinutes(5)));
        Assert.That(later["results"]![0]!.Str("result"), Is.EqualTo("AlreadyCheckedIn"));
        Assert.That(later["conflicts"]![0]!.Str("kind"), Is.EqualTo("AdmittedTwice"));
        Assert.That(TestData.Utc(later["conflicts"]![0]!.Str("firstCheckedInAt")), Is.EqualTo(offlineAt));
        Assert.That(await WithDbAsync(db => db.CheckIns.CountAsync(c => c.PassId == pass.PassId)), Is.EqualTo(1));
    }

    [Test]
    public async Task A_pass_revoked_before_the_offline_scan_is_a_conflict_and_one_revoked_after_it_was_admitted_rightly()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var before = await IssueAsync(briefing.Id, reporterName: "Thu Hồi Trước");
        var after = await IssueAsync(briefing.Id, reporterName: "Thu Hồi Sau");
        var door = await DoorAsync();
        ClockTo(briefing.DoorsOpenAt.AddMinutes(5));
        await RevokeAsync(before.RegistrationId, PassRevocation.Revoked);
        var scannedAt = briefing.DoorsOpenAt.AddMinutes(10);
        ClockTo(briefing.DoorsOpenAt.AddMinutes(15));
        await RevokeAsync(after.RegistrationId, PassRevocation.Cancelled);

        var sync = await SyncAsync(door, "tablet-5", briefing.Id, null, null, Scan(before.Token, scannedAt), Scan(after.Token, scannedAt));
        Assert.That(sync["results"]![0]!.Str("result"), Is.EqualTo("Refused"));
        Assert.That(sync["results"]![0]!.Str("reason"), Is.EqualTo("Revoked"));
        Assert.That(sync["results"]![1]!.Str("result"), Is.EqualTo("Admitted"), "revoked only after the door let them in");
        var conflict = sync["conflicts"]!.AsArray().Single()!;
        Assert.That(conflict.Str("kind"), Is.EqualTo("RevokedBeforeScan"));
        Assert.That(conflict["passId"]!.GetValue<Guid>(), Is.EqualTo(before.PassId));
        Assert.That(TestData.Utc(conflict.Str("revokedAt")), Is.EqualTo(briefing.DoorsOpenAt.AddMinutes(5)));
    }

    [Test]
    public async Task An_offline_scan_outside_the_window_or_for_another_place_is_refused_as_of_when_it_was_made()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var point = (await Data.RemotePointAsync(briefing.Id)).Id;
        var pass = await IssueAsync(briefing.Id);
        var door = await DoorAsync();
        ClockTo(briefing.EndsAt.AddMinutes(10));
        var sync = await SyncAsync(door, "tablet-6", briefing.Id, null, null, Scan(pass.Token, briefing.DoorsOpenAt.AddMinutes(-5)),
            Scan(pass.Token, briefing.EndsAt.AddMinutes(1)));
        Assert.That(sync["results"]!.AsArray().Select(r => r!.Str("reason")), Is.EqualTo(new[] { "NotYetOpen", "Closed" }));
        Assert.That(sync["conflicts"]!.AsArray().Select(c => c!.Str("kind")), Is.EqualTo(new[] { "RefusedByServer", "RefusedByServer" }));

        var atPoint = await SyncAsync(door, "tablet-6", briefing.Id, point, null, Scan(pass.Token, briefing.StartsAt));
        Assert.That(atPoint["results"]![0]!.Str("reason"), Is.EqualTo("WrongLocation"));
    }

    [Test]
    public async Task A_sync_needs_a_device_id_and_scans_with_a_time()
    {
        var door = await DoorAsync();
        var problem = await door.PostJsonAsync("/api/checkin/sync", new { scans = new[] { new { token = "X" } } }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Str("code"), Is.EqualTo("ValidationFailed"));
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "deviceId", "scans[0].scannedAt" }));
    }
}
