using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using MimeKit;

namespace PressConference.Tests.Web;

/// <summary>What a browser does with a page, done with HttpClient: keep cookies, read the form's antiforgery token, post it.</summary>
public static partial class PageSupport
{
    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public static HttpClient Browser(this WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Opens the page, then posts its form <paramref name="formName"/> with the fields given and the page's token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string url, string formName,
        IDictionary<string, string> fields, bool withToken = true)
    {
        var page = await browser.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        var form = new Dictionary<string, string>(fields) { ["_handler"] = formName };
        if (withToken)
        {
            form["__RequestVerificationToken"] = Token().Match(html).Groups[1].Value;
        }

        return await browser.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>Signs in through the sign-in page; the client then holds the page cookie.</summary>
    public static async Task SignInAsync(this HttpClient browser, string email, string password)
    {
        using var response = await browser.PostFormAsync("/account/signin", "signin",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
    }

    /// <summary>The mails in the pickup folder (no SMTP server configured), newest last.</summary>
    public static IReadOnlyList<MimeMessage> PickedUp(string folder) => System.IO.Directory.Exists(folder)
        ? System.IO.Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)).OrderBy(m => m.Date).ToList()
        : [];

    /// <summary>The first address in a mail's text that starts with <paramref name="prefix"/>.</summary>
    public static Uri Link(this MimeMessage message, string prefix) =>
        new(Regex.Match(message.TextBody ?? string.Empty, Regex.Escape(prefix) + @"\S+").Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
