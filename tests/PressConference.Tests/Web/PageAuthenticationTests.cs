using System.Net;
using System.Net.Http.Headers;
using PressConference.Tests.Support;

namespace PressConference.Tests.Web;

/// <summary>One Identity store, two ways in: the API takes bearer tokens only, the pages the cookie only.</summary>
public sealed class PageAuthenticationTests : ApiTest
{
    [Test]
    public async Task The_API_refuses_the_page_cookie_even_with_its_antiforgery_token()
    {
        using var browser = Factory.Browser();
        await browser.SignInAsync(TestHost.AdminEmail, TestHost.AdminPassword);

        var page = await browser.GetAsync("/account/profile");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the cookie opens the pages");

        var me = await browser.GetAsync("/api/auth/me").ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.That(me.Str("title"), Is.EqualTo("Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn"));
        await browser.GetAsync("/api/users").ExpectAsync(HttpStatusCode.Unauthorized);
        await browser.PostJsonAsync("/api/spokespersons", new { fullName = "Nguyễn Văn A", title = "Chánh Văn phòng", agency = "UBND", effectiveFrom = "2026-01-01" })
            .ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_bearer_token_does_not_open_a_page()
    {
        using var browser = Factory.Browser();
        browser.DefaultRequestHeaders.Authorization = Admin.DefaultRequestHeaders.Authorization;
        using var response = await browser.GetAsync("/account/profile");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Does.Contain("/account/signin"));
    }

    [Test]
    public async Task An_anonymous_page_visit_goes_to_the_sign_in_page_and_an_anonymous_API_call_stays_a_401_problem()
    {
        using var browser = Factory.Browser();
        using var page = await browser.GetAsync("/account/profile");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(page.Headers.Location!.OriginalString, Does.EndWith("/account/signin?returnUrl=%2Faccount%2Fprofile"));

        using var api = await browser.GetAsync("/api/me/profile");
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(api.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Signing_in_on_the_page_goes_back_to_the_page_that_asked_and_only_to_this_site()
    {
        using var browser = Factory.Browser();
        using var back = await browser.PostFormAsync("/account/signin?returnUrl=%2Faccount%2Fprofile", "signin",
            new Dictionary<string, string> { ["Input.Email"] = TestHost.AdminEmail, ["Input.Password"] = TestHost.AdminPassword });
        Assert.That(back.Headers.Location!.OriginalString, Does.EndWith("/account/profile"));

        using var other = Factory.Browser();
        using var away = await other.PostFormAsync("/account/signin?returnUrl=https%3A%2F%2Fevil.example%2F", "signin",
            new Dictionary<string, string> { ["Input.Email"] = TestHost.AdminEmail, ["Input.Password"] = TestHost.AdminPassword });
        Assert.That(away.Headers.Location!.OriginalString, Does.Not.Contain("evil"));
    }

    [Test]
    public async Task A_wrong_password_on_the_page_counts_toward_the_same_lockout_as_the_API()
    {
        var email = $"lock-{Guid.NewGuid():N}@test.vn";
        await Anonymous.PostJsonAsync("/api/auth/register", new { email, password = "Right-Pass-1", displayName = "Trần Văn Khóa" })
            .ExpectAsync(HttpStatusCode.Created);
        using var browser = Factory.Browser();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await browser.PostFormAsync("/account/signin", "signin",
                new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "Wrong-Pass-1" });
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await wrong.Content.ReadAsStringAsync(), Does.Contain("Email hoặc mật khẩu không đúng.").Or.Contain("tạm bị khóa"));
        }

        var locked = await Anonymous.PostJsonAsync("/api/auth/login", new { email, password = "Right-Pass-1" }).ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.That(locked.Str("code"), Is.EqualTo("LockedOut"));
    }

    [Test]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var browser = Factory.Browser();
        using var response = await browser.PostFormAsync("/account/signin", "signin",
            new Dictionary<string, string> { ["Input.Email"] = TestHost.AdminEmail, ["Input.Password"] = TestHost.AdminPassword }, withToken: false);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".PressConference.Session", StringComparison.Ordinal)),
            Is.False, "no session was opened");
    }

    [Test]
    public async Task An_unknown_page_is_a_404_page_and_an_unknown_API_path_keeps_its_problem()
    {
        using var browser = Factory.Browser();
        using var page = await browser.GetAsync("/no-such-page");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(page.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("Không tìm thấy trang"));

        using var api = await browser.GetAsync("/api/no-such-thing");
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(api.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task The_language_switch_answers_the_pages_in_English_and_leaves_the_API_to_Accept_Language()
    {
        using var browser = Factory.Browser();
        using var switched = await browser.GetAsync("/language/en?returnUrl=%2Fspokespersons");
        Assert.That(switched.Headers.Location!.OriginalString, Is.EqualTo("/spokespersons"));
        Assert.That(await browser.GetStringAsync("/spokespersons"), Does.Contain("<html lang=\"en\"").And.Contain("Spokespersons"));

        var problem = await browser.GetAsync("/api/users").ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.That(problem.Str("title"), Is.EqualTo("Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn"));
        browser.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        problem = await browser.GetAsync("/api/users").ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.That(problem.Str("title"), Is.EqualTo("Not signed in, or the session has expired"));
    }
}
