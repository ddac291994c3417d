using System.Net;
using PressConference.Tests.Support;

namespace PressConference.Tests.Directory;

public sealed class SpokespersonTests : ApiTest
{
    private async Task<Guid> CreateAsync(string name, string from, string? to = null, string? matter = null) =>
        (await Organizer.PostJsonAsync("/api/spokespersons", new
        {
            fullName = name, title = "Phó Chánh Văn phòng", agency = "UBND thành phố Hà Nội", phone = "024 3825 3536", email = "vp@hanoi.gov.vn",
            effectiveFrom = from, effectiveTo = to, authorizedMatter = matter,
        }).ExpectAsync(HttpStatusCode.Created)).Id();

    [Test]
    public async Task The_public_directory_shows_who_is_in_office_today_with_public_contacts()
    {
        var current = await CreateAsync("Đỗ Thị Lan", "2026-01-01");
        var matter = await CreateAsync("Vũ Quốc Bảo", "2026-11-01", "2026-12-31", "Phòng, chống ngập úng");
        var former = await CreateAsync("Hoàng Minh Tuấn", "2020-01-01", "2025-12-31");
        var future = await CreateAsync("Bùi Thu Trang", "2027-01-01");

        var page = await Anonymous.GetAsync("/api/spokespersons?pageSize=200").ExpectAsync(HttpStatusCode.OK);
        var ids = page["items"]!.AsArray().Select(i => i!.Id()).ToList();
        Assert.That(ids, Does.Contain(current).And.Contain(matter).And.Not.Contain(former).And.Not.Contain(future));
        var authorised = page["items"]!.AsArray().Single(i => i!.Id() == matter)!;
        Assert.That(authorised["isAuthorizedForMatter"]!.GetValue<bool>(), Is.True);
        Assert.That(authorised.Str("authorizedMatter"), Is.EqualTo("Phòng, chống ngập úng"));
        Assert.That(authorised.Str("phone"), Is.EqualTo("024 3825 3536"));

        var all = await Organizer.GetAsync("/api/spokespersons?all=true&pageSize=200").ExpectAsync(HttpStatusCode.OK);
        Assert.That(all["items"]!.AsArray().Select(i => i!.Id()), Does.Contain(former).And.Contain(future));
        var ignored = await Anonymous.GetAsync("/api/spokespersons?all=true&pageSize=200").ExpectAsync(HttpStatusCode.OK);
        Assert.That(ignored["items"]!.AsArray().Select(i => i!.Id()), Does.Not.Contain(former));
    }

    [Test]
    public async Task A_briefing_may_only_name_spokespersons_in_office_on_its_date()
    {
        var former = await CreateAsync("Ngô Văn Sơn", "2020-01-01", "2026-11-30");
        var problem = await Organizer.PostJsonAsync("/api/briefings", new
        {
            title = "Họp báo", kind = "Thematic", startsAt = "2026-12-15T09:00", endsAt = "2026-12-15T10:00", spokespersonIds = new[] { former, Guid.Empty },
        }).ExpectAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!["spokespersonIds"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.That(errors, Has.Count.EqualTo(2));
        Assert.That(errors[0], Does.Contain("Ngô Văn Sơn").And.Contain("15/12/2026"));
    }

    [Test]
    public async Task A_spokesperson_named_on_a_briefing_cannot_be_deleted_only_ended()
    {
        var id = await CreateAsync("Trịnh Hồng Nhung", "2026-01-01");
        await Organizer.PostJsonAsync("/api/briefings", new
        {
            title = "Họp báo", kind = "Thematic", venue = "Phòng 9", startsAt = "2026-12-16T09:00", endsAt = "2026-12-16T10:00", spokespersonIds = new[] { id },
        }).ExpectAsync(HttpStatusCode.Created);
        var problem = await Organizer.DeleteAsync($"/api/spokespersons/{id}").ExpectAsync(HttpStatusCode.Conflict);
        Assert.That(problem.Str("code"), Is.EqualTo("SpokespersonInUse"));

        var unused = await CreateAsync("Nhầm Tên", "2026-01-01");
        await Organizer.DeleteAsync($"/api/spokespersons/{unused}").ExpectAsync(HttpStatusCode.NoContent);
        await Anonymous.GetAsync($"/api/spokespersons/{unused}").ExpectAsync(HttpStatusCode.NotFound);
    }
}
