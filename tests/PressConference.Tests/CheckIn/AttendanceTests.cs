using System.Net;
using System.Text;
using PressConference.Api.Passes;
using PressConference.Tests.Support;

namespace PressConference.Tests.CheckIn;

public sealed class AttendanceTests : PassTest
{
    [Test]
    public async Task Attendance_counts_per_location_and_after_completion_the_missing_are_no_shows()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var point = (await Data.RemotePointAsync(briefing.Id, capacity: 25)).Id;
        var came = await IssueAsync(briefing.Id, reporterName: "Đã Đến");
        var notYet = await IssueAsync(briefing.Id, reporterName: "Chưa Đến");
        var revoked = await IssueAsync(briefing.Id, reporterName: "Bị Thu Hồi");
        var atPoint = await IssueAsync(briefing.Id, point, reporterName: "Ở Điểm Cầu");
        await IssueAsync(briefing.Id, point, reporterName: "Vắng Điểm Cầu");
        await RevokeAsync(revoked.RegistrationId, PassRevocation.Revoked);

        DoorsOpen(briefing);
        var door = await DoorAsync();
        await ScanAsync(door, came.Token, briefingId: briefing.Id);
        await ScanAsync(door, came.Token, briefingId: briefing.Id);           // a repeat: not counted, not refused
        await ScanAsync(door, revoked.Token, briefingId: briefing.Id);        // refused at the main venue
        await ScanAsync(door, "giả mạo", briefingId: briefing.Id);            // refused at the main venue
        await ScanAsync(door, atPoint.Token, remotePointId: point, briefingId: briefing.Id);
        await ScanAsync(door, notYet.Token, remotePointId: point, briefingId: briefing.Id); // wrong location, refused at the point

        var attendance = await Organizer.GetAsync($"/api/briefings/{briefing.Id}/attendance").ExpectAsync(HttpStatusCode.OK);
        var main = attendance["locations"]![0]!;
        var remote = attendance["locations"]![1]!;
        Assert.Multiple(() =>
        {
            Assert.That(attendance["completed"]!.GetValue<bool>(), Is.False);
            Assert.That(main["remotePointId"], Is.Null);
            Assert.That(Counts(main), Is.EqualTo((2, 1, 1, 0, 2)), "approved, checked in, not yet arrived, no-shows, refused scans");
            Assert.That(main["seats"]!.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(remote["remotePointId"]!.GetValue<Guid>(), Is.EqualTo(point));
            Assert.That(remote["seats"]!.GetValue<int>(), Is.EqualTo(25));
            Assert.That(Counts(remote), Is.EqualTo((2, 1, 1, 0, 1)));
            Assert.That(Counts(attendance["total"]!), Is.EqualTo((4, 2, 2, 0, 3)));
        });

        ClockTo(briefing.EndsAt.AddMinutes(5));
        await Organizer.PostJsonAsync($"/api/briefings/{briefing.Id}/complete").ExpectAsync(HttpStatusCode.OK);
        var after = await Organizer.GetAsync($"/api/briefings/{briefing.Id}/attendance").ExpectAsync(HttpStatusCode.OK);
        Assert.That(after["completed"]!.GetValue<bool>(), Is.True);
        Assert.That(Counts(after["locations"]![0]!), Is.EqualTo((2, 1, 0, 1, 2)));
        Assert.That(Counts(after["total"]!), Is.EqualTo((4, 2, 0, 2, 3)));
    }

    [Test]
    public async Task The_csv_lists_every_pass_with_its_status_in_Vietnamese_and_neutralises_formulas()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var came = await IssueAsync(briefing.Id, reporterName: "Lý Thu Thảo", outletName: "Báo Thanh Niên, Hà Nội");
        await IssueAsync(briefing.Id, reporterName: "=HYPERLINK(\"http://evil\")", outletName: "Báo \"Mới\"");
        var cancelled = await IssueAsync(briefing.Id, reporterName: "Hủy Đăng Ký");
        await RevokeAsync(cancelled.RegistrationId, PassRevocation.Cancelled);
        DoorsOpen(briefing);
        await ScanAsync(await DoorAsync(), came.Token, doorId: "Cổng chính");

        using var response = await Organizer.GetAsync($"/api/briefings/{briefing.Id}/attendance.csv");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 byte order mark for spreadsheets");
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var local = Now.UtcDateTime.AddHours(7).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(lines[0], Is.EqualTo("Địa điểm,Phóng viên,Cơ quan báo chí,Tình trạng,Giờ vào,Cửa"));
        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines, Has.Some.Match($"^Hội trường [0-9a-f]+,Lý Thu Thảo,\"Báo Thanh Niên, Hà Nội\",Đã vào,{local},Cổng chính$"));
        Assert.That(lines, Has.Some.EndsWith(",\"'=HYPERLINK(\"\"http://evil\"\")\",\"Báo \"\"Mới\"\"\",Chưa đến,,"));
        Assert.That(lines, Has.Some.Contains(",Hủy Đăng Ký,Báo Hà Nội Mới,Đã hủy,,"));
    }

    [Test]
    public async Task Attendance_is_for_organizers()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        await Reporter.GetAsync($"/api/briefings/{briefing.Id}/attendance").ExpectAsync(HttpStatusCode.Forbidden);
        await (await DoorAsync()).GetAsync($"/api/briefings/{briefing.Id}/attendance.csv").ExpectAsync(HttpStatusCode.Forbidden);
        await Organizer.GetAsync($"/api/briefings/{Guid.NewGuid()}/attendance").ExpectAsync(HttpStatusCode.NotFound);
    }

    private static (int, int, int, int, int) Counts(System.Text.Json.Nodes.JsonNode location) => (
        location["approved"]!.GetValue<int>(), location["checkedIn"]!.GetValue<int>(), location["notYetArrived"]!.GetValue<int>(),
        location["noShows"]!.GetValue<int>(), location["refusedScans"]!.GetValue<int>());
}
