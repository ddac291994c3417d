using System.Net;
using PressConference.Api.Demo;
using PressConference.Tests.Support;

namespace PressConference.Tests.Directory;

public sealed class RemotePointTests : ApiTest
{
    private async Task<Guid> PointAsync(string ward) => (await Data.RemotePointAsync(ward: ward)).Id;

    [Test]
    public async Task Contacts_and_video_links_are_for_staff_only()
    {
        var id = await PointAsync("Cửa Nam");
        var forStaff = await Organizer.GetAsync($"/api/remote-points/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(forStaff["contactPhone"], Is.Not.Null);
        Assert.That(forStaff.Str("videoLink"), Does.StartWith("https://"));
        var forPublic = await Anonymous.GetAsync($"/api/remote-points/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.That(forPublic.Str("name"), Is.EqualTo("Điểm cầu phường Cửa Nam"));
        Assert.That(forPublic["contactPhone"], Is.Null);
        Assert.That(forPublic["videoLink"], Is.Null);
    }

    [Test]
    public async Task A_second_point_with_the_same_name_in_other_case_is_refused()
    {
        await PointAsync("Hồng Hà");
        var duplicate = Builders.RemotePoint(Builders.Faker(), "HỒNG HÀ");
        var problem = await Organizer.PostJsonAsync("/api/remote-points", duplicate).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldErrors("name"), Is.EqualTo(new[] { "Đã có điểm cầu mang tên này." }));
    }

    [Test]
    public async Task Inactive_points_disappear_from_the_public_list_and_cannot_be_linked()
    {
        var id = await PointAsync("Tây Hồ");
        var point = Builders.RemotePoint(Builders.Faker(), "Tây Hồ") with { IsActive = false };
        await Organizer.PutJsonAsync($"/api/remote-points/{id}", point).ExpectAsync(HttpStatusCode.OK);
        var list = await Anonymous.GetAsync("/api/remote-points?pageSize=200").ExpectAsync(HttpStatusCode.OK);
        Assert.That(list["items"]!.AsArray().Select(p => p!.Id()), Does.Not.Contain(id));
        var all = await Organizer.GetAsync("/api/remote-points?pageSize=200&includeInactive=true").ExpectAsync(HttpStatusCode.OK);
        Assert.That(all["items"]!.AsArray().Select(p => p!.Id()), Does.Contain(id));

        var briefing = (await Data.BriefingAsync()).Id;
        var problem = await Organizer.PostJsonAsync($"/api/briefings/{briefing}/remote-points", new { remotePointId = id }).ExpectAsync(HttpStatusCode.Conflict);
        Assert.That(problem.Str("code"), Is.EqualTo("RemotePointInactive"));
    }

    [Test]
    public async Task Linking_a_point_gives_it_seats_and_a_link_for_that_briefing_and_is_audited()
    {
        var point = await PointAsync("Giảng Võ");
        var briefing = (await Data.BriefingAsync()).Id;
        var link = await Organizer.PostJsonAsync($"/api/briefings/{briefing}/remote-points",
            new { remotePointId = point, capacity = 12, videoLink = "https://hop.hanoi.gov.vn/phong/giang-vo-2" }).ExpectAsync(HttpStatusCode.Created);
        Assert.That(link["capacity"]!.GetValue<int>(), Is.EqualTo(12));

        await Organizer.PostJsonAsync($"/api/briefings/{briefing}/remote-points", new { remotePointId = point }).ExpectAsync(HttpStatusCode.Conflict);

        var publicList = (await Anonymous.GetAsync($"/api/briefings/{briefing}/remote-points").ExpectAsync(HttpStatusCode.OK)).AsArray();
        Assert.That(publicList.Single()!["capacity"]!.GetValue<int>(), Is.EqualTo(12));
        Assert.That(publicList.Single()!["videoLink"], Is.Null);
        var staffList = (await Organizer.GetAsync($"/api/briefings/{briefing}/remote-points").ExpectAsync(HttpStatusCode.OK)).AsArray();
        Assert.That(staffList.Single()!.Str("videoLink"), Is.EqualTo("https://hop.hanoi.gov.vn/phong/giang-vo-2"));

        await Organizer.DeleteAsync($"/api/briefings/{briefing}/remote-points/{point}").ExpectAsync(HttpStatusCode.NoContent);
        Assert.That((await Organizer.GetAsync($"/api/briefings/{briefing}/remote-points").ExpectAsync(HttpStatusCode.OK)).AsArray(), Is.Empty);
        var history = (await Organizer.GetAsync($"/api/briefings/{briefing}/history").ExpectAsync(HttpStatusCode.OK)).AsArray();
        Assert.That(history.Select(h => h!.Str("action")), Is.SupersetOf(new[] { "RemotePointLinked", "RemotePointUnlinked" }));
    }

    [Test]
    public async Task A_draft_briefings_points_are_not_public()
    {
        var briefing = (await Data.BriefingAsync(publish: false)).Id;
        await Anonymous.GetAsync($"/api/briefings/{briefing}/remote-points").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_cancelled_briefing_cannot_gain_points()
    {
        var point = await PointAsync("Kim Liên");
        var briefing = (await Data.BriefingAsync()).Id;
        await Organizer.PostJsonAsync($"/api/briefings/{briefing}/cancel", new { reason = "Hủy" }).ExpectAsync(HttpStatusCode.OK);
        var problem = await Organizer.PostJsonAsync($"/api/briefings/{briefing}/remote-points", new { remotePointId = point }).ExpectAsync(HttpStatusCode.Conflict);
        Assert.That(problem.Str("code"), Is.EqualTo("InvalidTransition"));
    }
}
