using System.Net;
using System.Text;
using PressConference.Tests.Support;

namespace PressConference.Tests.CheckIn;

/// <summary>A sync without its scans is the door's mistake, answered like every other validation problem.</summary>
public sealed class SyncValidationTests : PassTest
{
    [TestCase("{\"deviceId\": \"tablet-1\"}")]
    [TestCase("{\"deviceId\": \"tablet-1\", \"scans\": null}")]
    public async Task A_sync_without_scans_is_a_400_naming_scans_in_vietnamese(string json)
    {
        var door = await DoorAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/checkin/sync") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        var problem = await door.SendAsync(request).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Str("code"), Is.EqualTo("ValidationFailed"));
        Assert.That(problem.Str("title"), Is.EqualTo("Dữ liệu không hợp lệ"), problem.ToJsonString());
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "scans" }), problem.ToJsonString());
        Assert.That(problem["errors"]!["scans"]![0]!.GetValue<string>(), Does.Contain("scans").And.Contain("phải có giá trị"), problem.ToJsonString());
    }

    [Test]
    public async Task A_sync_without_scans_is_named_in_english_with_accept_language()
    {
        var door = await DoorAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/checkin/sync")
        {
            Content = new StringContent("{\"deviceId\": \"tablet-1\", \"scans\": null}", Encoding.UTF8, "application/json"),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var problem = await door.SendAsync(request).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Str("code"), Is.EqualTo("ValidationFailed"));
        Assert.That(problem.Str("title"), Is.EqualTo("One or more fields are invalid"));
        Assert.That(problem["errors"]!["scans"]![0]!.GetValue<string>(), Is.EqualTo("'scans' must not be empty."), problem.ToJsonString());
    }
}
