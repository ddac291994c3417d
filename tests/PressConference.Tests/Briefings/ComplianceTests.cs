using System.Net;
using PressConference.Tests.Support;

namespace PressConference.Tests.Briefings;

/// <summary>Each test gets its own host agency, so the fixture's briefings do not mix.</summary>
public sealed class ComplianceTests : ApiTest
{
    private async Task<Guid> RegularAsync(string agency, string start, bool publish = true)
    {
        var id = (await Organizer.PostJsonAsync("/api/briefings", new
        {
            title = "Họp báo định kỳ", kind = "Regular", hostAgency = agency, venue = $"{agency} hội trường", startsAt = start,
            endsAt = start.Replace("T15:00", "T16:30", StringComparison.Ordinal),
        }).ExpectAsync(HttpStatusCode.Created)).Id();
        if (publish)
        {
            await Organizer.PostJsonAsync($"/api/briefings/{id}/publish").ExpectAsync(HttpStatusCode.OK);
        }

        return id;
    }

    private Task<System.Text.Json.Nodes.JsonNode> ComplianceAsync(string agency) =>
        Organizer.GetAsync($"/api/compliance?hostAgency={Uri.EscapeDataString(agency)}").ExpectAsync(HttpStatusCode.OK);

    [Test]
    public async Task Without_any_regular_briefing_held_the_office_is_told_so()
    {
        var report = await ComplianceAsync("UBND phường Láng");
        Assert.That(report["lastHeld"], Is.Null);
        Assert.That(report.Str("message"), Is.EqualTo("Chưa có buổi họp báo định kỳ nào được tổ chức."));
    }

    [Test]
    public async Task A_briefing_held_and_the_next_one_within_a_month_is_compliant_and_a_late_one_warns()
    {
        const string agency = "Sở Xây dựng Hà Nội";
        var held = await RegularAsync(agency, Local(1, 15) );
        var late = await RegularAsync(agency, Local(45, 15));
        Factory.Clock.Advance(TimeSpan.FromDays(2));

        var report = await ComplianceAsync(agency);
        Assert.That(report["lastHeld"]!.Id(), Is.EqualTo(held));
        Assert.That(report["nextScheduled"]!.Id(), Is.EqualTo(late));
        Assert.That(report["exceeded"]!.GetValue<bool>(), Is.False);
        Assert.That(report["willBeExceeded"]!.GetValue<bool>(), Is.True, "the next one is more than a month after the last");
        Assert.That(report["legalMaximumMonths"]!.GetValue<int>(), Is.EqualTo(3));

        await RegularAsync(agency, Local(20, 15));
        var fixedReport = await ComplianceAsync(agency);
        Assert.That(fixedReport["willBeExceeded"]!.GetValue<bool>(), Is.False);
        Assert.That(fixedReport.Str("message"), Does.StartWith("Lịch họp báo định kỳ bảo đảm"));
    }

    [Test]
    public async Task When_the_interval_has_passed_it_is_exceeded()
    {
        const string agency = "Sở Y tế Hà Nội";
        await RegularAsync(agency, Local(1, 15));
        Factory.Clock.Advance(TimeSpan.FromDays(40));
        var report = await ComplianceAsync(agency);
        Assert.That(report["exceeded"]!.GetValue<bool>(), Is.True);
        Assert.That(report.Str("message"), Does.Contain("Đã quá 1 tháng"));
    }
}
