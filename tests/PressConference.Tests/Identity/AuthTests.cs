using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PressConference.Tests.Support;

namespace PressConference.Tests.Identity;

public sealed class AuthTests : ApiTest
{
    [Test]
    public async Task A_reporter_signs_up_logs_in_and_sees_who_they_are()
    {
        var email = $"mai.huong.{Guid.NewGuid():N}@baomoi.vn";
        await Anonymous.PostJsonAsync("/api/auth/register", new { email, password = "Bao-Moi-2026", displayName = "Nguyễn Thị Mai Hương" })
            .ExpectAsync(HttpStatusCode.Created);
        var login = await Anonymous.PostJsonAsync("/api/auth/login", new { email, password = "Bao-Moi-2026" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(login.Str("tokenType"), Is.EqualTo("Bearer"));
            Assert.That(login.Str("accessToken"), Is.Not.Empty);
            Assert.That(login.Str("refreshToken"), Is.Not.Empty);
            Assert.That(login["expiresIn"]!.GetValue<long>(), Is.GreaterThan(0));
        });

        using var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.Str("accessToken"));
        var me = await client.GetAsync("/api/auth/me").ExpectAsync(HttpStatusCode.OK);
        Assert.That(me.Str("email"), Is.EqualTo(email));
        Assert.That(me.Str("displayName"), Is.EqualTo("Nguyễn Thị Mai Hương"));
        Assert.That(me["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "Reporter" }));

        var refreshed = await Anonymous.PostJsonAsync("/api/auth/refresh", new { refreshToken = login.Str("refreshToken") }).ExpectAsync(HttpStatusCode.OK);
        Assert.That(refreshed.Str("accessToken"), Is.Not.EqualTo(login.Str("accessToken")));
    }

    [Test]
    public async Task A_garbage_refresh_token_is_a_401_problem()
    {
        var problem = await Anonymous.PostJsonAsync("/api/auth/refresh", new { refreshToken = "not-a-token" }).ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.That(problem.Str("code"), Is.EqualTo("InvalidRefreshToken"));
    }

    [Test]
    public async Task Signing_up_twice_or_with_a_weak_password_names_the_field()
    {
        var email = $"dup.{Guid.NewGuid():N}@test.vn";
        await Anonymous.PostJsonAsync("/api/auth/register", new { email, password = "Good-Pass-1", displayName = "A" }).ExpectAsync(HttpStatusCode.Created);
        var duplicate = await Anonymous.PostJsonAsync("/api/auth/register", new { email, password = "Good-Pass-1", displayName = "A" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(duplicate["errors"]!["email"]![0]!.GetValue<string>(), Is.EqualTo("Email này đã được đăng ký."));
        var weak = await Anonymous.PostJsonAsync("/api/auth/register", new { email = $"w{email}", password = "weakpass", displayName = "A" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(weak.FieldErrors("password"), Is.EqualTo(new[] { "Mật khẩu phải có ít nhất 8 ký tự, gồm chữ hoa, chữ thường và chữ số." }));
    }

    [Test]
    public async Task A_wrong_password_is_a_401_whose_title_says_the_email_or_password_is_wrong()
    {
        var email = $"title.{Guid.NewGuid():N}@test.vn";
        await Anonymous.PostJsonAsync("/api/auth/register", new { email, password = "Right-Pass-1", displayName = "A" }).ExpectAsync(HttpStatusCode.Created);

        var vi = await Anonymous.PostJsonAsync("/api/auth/login", new { email, password = "Wrong-Pass-1" }).ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.That((vi.Str("code"), vi.Str("title"), vi.Str("detail")),
            Is.EqualTo(("InvalidCredentials", "Sai e-mail hoặc mật khẩu", "Email hoặc mật khẩu không đúng.")));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = $"nobody.{Guid.NewGuid():N}@test.vn", password = "Wrong-Pass-1" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var en = await Anonymous.SendAsync(request).ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.That((en.Str("code"), en.Str("title")), Is.EqualTo(("InvalidCredentials", "Wrong e-mail or password")));
    }

    [Test]
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        var email = $"lock.{Guid.NewGuid():N}@test.vn";
        await Anonymous.PostJsonAsync("/api/auth/register", new { email, password = "Right-Pass-1", displayName = "A" }).ExpectAsync(HttpStatusCode.Created);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await Anonymous.PostJsonAsync("/api/auth/login", new { email, password = "Wrong-Pass-1" }).ExpectAsync(HttpStatusCode.Unauthorized);
            Assert.That(wrong.Str("code"), Is.EqualTo(i < 4 ? "InvalidCredentials" : "LockedOut"));
        }

        var locked = await Anonymous.PostJsonAsync("/api/auth/login", new { email, password = "Right-Pass-1" }).ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.That(locked.Str("code"), Is.EqualTo("LockedOut"));
        Assert.That(locked.Str("title"), Is.EqualTo("Tài khoản tạm bị khóa"));
        Assert.That(locked.Str("detail"), Does.Contain("15 phút"));
    }

    [Test]
    public async Task Only_an_admin_creates_staff_accounts_and_lists_them()
    {
        var body = new { email = $"door.{Guid.NewGuid():N}@test.vn", password = "Door-Pass-1", displayName = "Lê Văn Nam", roles = new[] { "DoorStaff" } };
        await Organizer.PostJsonAsync("/api/users", body).ExpectAsync(HttpStatusCode.Forbidden);
        await Anonymous.PostJsonAsync("/api/users", body).ExpectAsync(HttpStatusCode.Unauthorized);
        var created = await Admin.PostJsonAsync("/api/users", body).ExpectAsync(HttpStatusCode.Created);
        Assert.That(created["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "DoorStaff" }));

        var list = await Admin.GetAsync("/api/users?role=DoorStaff&pageSize=200").ExpectAsync(HttpStatusCode.OK);
        Assert.That(list["items"]!.AsArray().Select(u => u!.Str("email")), Does.Contain(body.email));
        Assert.That(list["items"]!.AsArray().All(u => u!["roles"]!.AsArray().Any(r => r!.GetValue<string>() == "DoorStaff")), Is.True);
    }

    [Test]
    public async Task An_unknown_role_is_refused_and_no_account_is_left_behind()
    {
        var email = $"x.{Guid.NewGuid():N}@test.vn";
        var problem = await Admin.PostJsonAsync("/api/users", new { email, password = "Some-Pass-1", displayName = "X", roles = new[] { "Journalist" } })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key).Single(), Does.StartWith("roles"));
        var list = await Admin.GetAsync("/api/users?pageSize=200").ExpectAsync(HttpStatusCode.OK);
        Assert.That(list["items"]!.AsArray().Select(u => u!.Str("email")), Does.Not.Contain(email));
    }
}

public sealed class AuthRateLimitTests : ApiTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Auth:PermitLimit"] = "6",
        ["RateLimiting:Auth:WindowSeconds"] = "600",
    };

    [Test]
    public async Task Too_many_auth_calls_from_one_address_answer_429_with_retry_after()
    {
        // The fixture's own set-up used some of the window: keep calling until the limiter answers.
        HttpResponseMessage? last = null;
        for (var i = 0; i < 7 && last?.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            last = await Anonymous.PostAsJsonAsync("/api/auth/login", new { email = "nobody@test.vn", password = "Whatever-1" });
        }

        Assert.That(last!.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(last.Headers.RetryAfter, Is.Not.Null);
        var problem = JsonNode.Parse(await last.Content.ReadAsStringAsync())!;
        Assert.That(problem.Str("code"), Is.EqualTo("RateLimited"));
        // Other routes are not limited.
        await Anonymous.GetAsync("/api/briefings").ExpectAsync(HttpStatusCode.OK);
    }
}
