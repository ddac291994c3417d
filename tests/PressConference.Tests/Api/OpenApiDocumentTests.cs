using System.Net;
using System.Text.Json.Nodes;
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

    /// <summary>
    /// A client generator makes a required property mandatory and non-null: a property that may be null (its C# type is
    /// nullable, so its schema admits null) must not be listed as required, wherever the schema sits in the document.
    /// </summary>
    [Test]
    public async Task No_property_that_may_be_null_is_listed_as_required()
    {
        var document = await Anonymous.GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);
        var offenders = new List<string>();
        Walk(document, "#", offenders);
        Assert.That(offenders, Is.Empty);

        // The credential request holds the fields of both kinds of credential: only the type is required.
        var credential = document["components"]!["schemas"]!["CredentialRequest"]!;
        Assert.That(credential["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [], Is.Empty.Or.EqualTo(new[] { "type" }));
        // What may not be null stays required.
        Assert.That(document["components"]!["schemas"]!["LoginRequest"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()),
            Is.EquivalentTo(new[] { "email", "password" }));
    }

    private static void Walk(JsonNode? node, string path, List<string> offenders)
    {
        switch (node)
        {
            case JsonObject schema:
                if (schema["required"] is JsonArray required && schema["properties"] is JsonObject properties)
                {
                    offenders.AddRange(required.Select(r => r!.GetValue<string>())
                        .Where(name => properties[name] is { } property && MayBeNull(property))
                        .Select(name => $"{path}: {name}"));
                }

                foreach (var (key, child) in schema)
                {
                    Walk(child, $"{path}/{key}", offenders);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}/{i}", offenders);
                }

                break;
        }
    }

    private static bool MayBeNull(JsonNode property) =>
        property["nullable"]?.GetValue<bool>() == true
        || property["type"] is JsonValue type && type.GetValue<string>() == "null"
        || property["type"] is JsonArray types && types.Any(t => t!.GetValue<string>() == "null")
        || new[] { "oneOf", "anyOf" }.Any(k => property[k] is JsonArray options && options.Any(o => o is not null && MayBeNull(o)));
}
