using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PressConference.Testing;

/// <summary>How a test talks to the API: JSON as a client sends it, and the answer's status asserted with its body.</summary>
public static class HttpAssertions
{
    public static async Task<JsonNode> ExpectAsync(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object? body = null) =>
        client.PostAsJsonAsync(url, body ?? new { }, Json);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Json);

    /// <summary>
    /// The messages of a 400 validation problem for one field, after asserting that it is one: the body's code is
    /// <c>ValidationFailed</c> and its <c>errors</c> name the field (the body carries no code per error, so a test
    /// asserts the message, in Vietnamese unless it asked otherwise).
    /// </summary>
    public static string[] FieldErrors(this JsonNode problem, string field)
    {
        Assert.That(problem["code"]?.GetValue<string>(), Is.EqualTo("ValidationFailed"), problem.ToJsonString());
        var errors = problem["errors"]?[field];
        Assert.That(errors, Is.Not.Null, $"no error for '{field}': {problem.ToJsonString()}");
        return errors!.AsArray().Select(e => e!.GetValue<string>()).ToArray();
    }

    public static Guid Id(this JsonNode node) => node["id"]!.GetValue<Guid>();

    public static string Str(this JsonNode node, string name) => node[name]!.GetValue<string>();

    /// <summary>How a client talks to the API: camelCase, enums by name.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
