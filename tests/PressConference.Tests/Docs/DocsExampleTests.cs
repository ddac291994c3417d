using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PressConference.Tests.Docs;

/// <summary>What a newcomer reads first works as written: the README and the calls of docs/http, on the demo data the README recommends.</summary>
public sealed partial class DocsExampleTests
{
    private static string Repository
    {
        get
        {
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PressConference.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("PressConference.sln not found above the test directory.");
        }
    }

    private static string Read(string relative) => File.ReadAllText(Path.Combine(Repository, relative));

    /// <summary>The JSON body of the first request in an .http file that starts with <paramref name="requestLine"/>.</summary>
    private static JsonNode BodyOf(string http, string requestLine)
    {
        var start = http.IndexOf(requestLine, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"no '{requestLine}'");
        var request = http[start..];
        var end = request.IndexOf("\n###", StringComparison.Ordinal);
        request = end < 0 ? request : request[..end];
        var body = request[request.IndexOf("\n\n", StringComparison.Ordinal)..];
        return JsonNode.Parse(Variable().Replace(body, "00000000-0000-0000-0000-000000000000"))!;
    }

    [GeneratedRegex(@"\{\{\w+\}\}")]
    private static partial Regex Variable();

    [Test]
    public void The_readme_and_the_http_files_show_how_a_reporter_signs_up()
    {
        Assert.That(Read("README.md"), Does.Contain("/api/auth/register"));
        Assert.That(Read("docs/http/accreditation.http"), Does.Contain("POST {{base}}/api/auth/register"));
    }

    [Test]
    public async Task The_remote_point_example_of_briefings_http_is_accepted_on_the_demo_data()
    {
        var body = BodyOf(Read("docs/http/briefings.http"), "POST {{base}}/api/remote-points");
        await using var host = new TestHost(new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
        using var admin = await host.SignInAdminAsync();
        await admin.PostJsonAsync("/api/remote-points", body).ExpectAsync(HttpStatusCode.Created);
    }

    [Test]
    public async Task The_registration_example_of_accreditation_http_makes_an_account_that_signs_in()
    {
        var body = BodyOf(Read("docs/http/accreditation.http"), "POST {{base}}/api/auth/register");
        await using var host = new TestHost();
        using var anonymous = host.CreateClient();
        await anonymous.PostJsonAsync("/api/auth/register", body).ExpectAsync(HttpStatusCode.Created);
        using var signedIn = await host.SignInAsync(body["email"]!.GetValue<string>(), body["password"]!.GetValue<string>());
    }
}
