using System.Net;
using PressConference.Tests.Support;

namespace PressConference.Tests.Api;

public sealed class OpenApiDocumentTests : ApiTest
{
    [Test]
    public async Task The_servers_urls_have_no_trailing_slash()
    {
        var document = await Anonymous.GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);
        var urls = document["servers"]!.AsArray().Select(s => s!.Str("url")).ToList();
        Assert.That(urls, Is.Not.Empty, document["servers"]!.ToJsonString());
        Assert.That(urls, Has.All.Not.EndWith("/"));
    }
}
