using System.Net;
using System.Text;
using PressConference.Tests.Support;

namespace PressConference.Tests.Api;

/// <summary>Bad input is a 400 (or 413) problem naming the field and the reason, never a 500, in the caller's language.</summary>
public sealed class InputValidationTests : ApiTest
{
    private Guid _briefing;

    [OneTimeSetUp]
    public async Task CreateBriefingAsync() => _briefing = (await Organizer.PostJsonAsync("/api/briefings", new
    {
        title = "Họp báo", kind = "Thematic", startsAt = "2027-06-01T09:00", endsAt = "2027-06-01T10:00",
    }).ExpectAsync(HttpStatusCode.Created)).Id();

    /// <summary>Every write endpoint of the planning slice, with the fields an empty body must name.</summary>
    private static IEnumerable<TestCaseData> WriteEndpoints()
    {
        yield return new TestCaseData("POST", "/api/briefings", new[] { "title", "kind", "startsAt", "endsAt" });
        yield return new TestCaseData("PUT", "/api/briefings/{id}", new[] { "title", "kind", "startsAt", "endsAt" });
        yield return new TestCaseData("POST", "/api/briefings/{id}/cancel", new[] { "reason" });
        yield return new TestCaseData("POST", "/api/briefings/{id}/reschedule", new[] { "startsAt", "reason" });
        yield return new TestCaseData("POST", "/api/briefings/{id}/remote-points", new[] { "remotePointId" });
        yield return new TestCaseData("POST", "/api/briefing-series", new[] { "titleTemplate", "weekday", "weekOfMonth", "localStartTime" });
        yield return new TestCaseData("PUT", "/api/briefing-series/{id}", new[] { "titleTemplate", "localStartTime" });
        yield return new TestCaseData("POST", "/api/remote-points", new[] { "name", "unitName", "unitKind", "address", "capacity" });
        yield return new TestCaseData("PUT", "/api/remote-points/{id}", new[] { "name", "unitName", "unitKind", "address", "capacity" });
        yield return new TestCaseData("POST", "/api/spokespersons", new[] { "fullName", "title", "agency", "effectiveFrom" });
        yield return new TestCaseData("PUT", "/api/spokespersons/{id}", new[] { "fullName", "title", "agency", "effectiveFrom" });
        yield return new TestCaseData("POST", "/api/users", new[] { "email", "password", "displayName", "roles" });
        yield return new TestCaseData("POST", "/api/auth/register", new[] { "email", "password", "displayName" });
        yield return new TestCaseData("POST", "/api/auth/login", new[] { "email", "password" });
        yield return new TestCaseData("POST", "/api/auth/refresh", new[] { "refreshToken" });
        yield return new TestCaseData("POST", "/api/outlets", new[] { "name", "kind", "status" });
        yield return new TestCaseData("PUT", "/api/outlets/{id}", new[] { "name", "kind", "status" });
        yield return new TestCaseData("PUT", "/api/me/profile", new[] { "fullName" });
        yield return new TestCaseData("POST", "/api/card-revocations", new[] { "number", "revokedOn" });
        yield return new TestCaseData("POST", "/api/registrations/{id}/reject", new[] { "reason" });
        yield return new TestCaseData("POST", "/api/incidents", new[] { "kind", "description" });
    }

    private HttpRequestMessage Request(string method, string url, string json) =>
        new(new HttpMethod(method), url.Replace("{id}", _briefing.ToString(), StringComparison.Ordinal))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };

    [TestCaseSource(nameof(WriteEndpoints))]
    public async Task An_empty_body_names_every_missing_field(string method, string url, string[] fields)
    {
        using var request = Request(method, url, "{}");
        var problem = await Admin.SendAsync(request).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Str("code"), Is.EqualTo("ValidationFailed"));
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(fields), problem.ToJsonString());
    }

    [TestCaseSource(nameof(WriteEndpoints))]
    public async Task Malformed_json_is_a_400_not_a_500(string method, string url, string[] _)
    {
        using var request = Request(method, url, "{\"title\": ");
        var problem = await Admin.SendAsync(request).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"], Is.Not.Null);
        Assert.That(problem.Str("code"), Is.EqualTo("ValidationFailed"), problem.ToJsonString());
    }

    [TestCase("{\"kind\": \"Monthly\"}", "kind", "Regular, AdHoc, Thematic")]
    [TestCase("{\"kind\": 1}", "kind", "Regular, AdHoc, Thematic")]
    [TestCase("{\"startsAt\": \"31/12/2026 09:00\"}", "startsAt", "2026-12-24T15:00")]
    [TestCase("{\"capacity\": \"many\"}", "capacity", "số")]
    [TestCase("{\"spokespersonIds\": [\"x\"]}", "spokespersonIds[0]", "định danh")]
    public async Task A_value_of_the_wrong_type_names_the_field_and_what_is_expected(string json, string field, string hint)
    {
        using var request = Request("POST", "/api/briefings", json);
        var problem = await Organizer.SendAsync(request).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]![field]![0]!.GetValue<string>(), Does.Contain(hint), problem.ToJsonString());
    }

    [Test]
    public async Task Messages_switch_to_english_with_accept_language()
    {
        using var request = Request("POST", "/api/briefings", "{\"kind\": \"AdHoc\", \"startsAt\": \"2027-01-01T10:00\", \"endsAt\": \"2027-01-01T09:00\"}");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var problem = await Organizer.SendAsync(request).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Str("title"), Is.EqualTo("One or more fields are invalid"));
        Assert.That(problem["errors"]!["endsAt"]![0]!.GetValue<string>(), Is.EqualTo("The end must be after the start."));
        Assert.That(problem["errors"]!["triggerReason"]![0]!.GetValue<string>(), Is.EqualTo("An ad-hoc briefing needs the reason it was called."));
        Assert.That(problem["errors"]!["title"]![0]!.GetValue<string>(), Does.Contain("must not be empty"));
    }

    [Test]
    public async Task Vietnamese_is_the_default_language_of_every_message()
    {
        using var request = Request("POST", "/api/briefings", "{\"kind\": \"AdHoc\", \"startsAt\": \"2027-01-01T10:00\", \"endsAt\": \"2027-01-01T09:00\"}");
        var problem = await Organizer.SendAsync(request).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["endsAt"]![0]!.GetValue<string>(), Is.EqualTo("Giờ kết thúc phải sau giờ bắt đầu."));
        Assert.That(problem["errors"]!["title"]![0]!.GetValue<string>(), Does.Contain("không được rỗng"));
    }

    [Test]
    public async Task An_oversized_body_is_a_413_problem_and_stores_nothing()
    {
        var before = await Organizer.GetAsync("/api/briefings?pageSize=1").ExpectAsync(HttpStatusCode.OK);
        var huge = "{\"title\": \"" + new string('a', 2 * 1024 * 1024) + "\", \"kind\": \"Thematic\", \"startsAt\": \"2027-01-01T09:00\", \"endsAt\": \"2027-01-01T10:00\"}";
        using var request = Request("POST", "/api/briefings", huge);
        var problem = await Organizer.SendAsync(request).ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.That(problem.Str("code"), Is.EqualTo("PayloadTooLarge"));
        var after = await Organizer.GetAsync("/api/briefings?pageSize=1").ExpectAsync(HttpStatusCode.OK);
        Assert.That(after["total"]!.GetValue<int>(), Is.EqualTo(before["total"]!.GetValue<int>()));
    }

    [Test]
    public async Task A_field_longer_than_its_column_is_refused_by_the_validator()
    {
        var problem = await Organizer.PostJsonAsync("/api/briefings", new
        {
            title = new string('T', 301), kind = "Thematic", startsAt = "2027-01-01T09:00", endsAt = "2027-01-01T10:00",
        }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldErrors("title"), Is.EqualTo(new[] { "Độ dài tối đa của 'title' phải là 300 kí tự hoặc ít hơn. Bạn đã nhập 301 kí tự." }));
    }
}
