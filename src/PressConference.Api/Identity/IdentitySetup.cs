using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PressConference.Api.Identity;

public static class IdentitySetup
{
    public const string AuthRateLimitPolicy = "auth";

    public static WebApplicationBuilder AddIdentityFeature(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AuthRateLimitOptions>().BindConfiguration(AuthRateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddScoped<PasswordSignIn>();
        services.AddAuthentication(IdentityConstants.BearerScheme).AddBearerToken(IdentityConstants.BearerScheme);
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).Configure<IOptions<AuthOptions>>((bearer, auth) =>
        {
            bearer.BearerTokenExpiration = TimeSpan.FromMinutes(auth.Value.AccessTokenMinutes);
            bearer.RefreshTokenExpiration = TimeSpan.FromDays(auth.Value.RefreshTokenDays);
        });

        services.AddIdentityCore<AppUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((identity, auth) =>
        {
            identity.User.RequireUniqueEmail = true;
            identity.Password.RequiredLength = 8;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = auth.Value.MaxFailedLogins;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(auth.Value.LockoutMinutes);
        });

        services.AddReporterAccounts();
        services.AddPressConferencePolicies();
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(AuthRateLimitPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<AuthRateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.PermitLimit,
                        Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                        QueueLimit = 0,
                    });
            });
            o.OnRejected = async (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                    : context.HttpContext.RequestServices.GetRequiredService<IOptions<AuthRateLimitOptions>>().Value.WindowSeconds;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problems.Problem(StatusCodes.Status429TooManyRequests, "RateLimited", Texts.Get("auth.rateLimited", seconds))
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    public static WebApplication UseIdentityFeature(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Creates the four roles and, when configured and no Admin exists yet, the first Admin.</summary>
    public static async Task EnsureRolesAndAdminAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        var bootstrap = scope.ServiceProvider.GetRequiredService<IOptions<BootstrapOptions>>().Value;
        if (string.IsNullOrWhiteSpace(bootstrap.AdminEmail) || string.IsNullOrWhiteSpace(bootstrap.AdminPassword))
        {
            return;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var admin = await users.FindByEmailAsync(bootstrap.AdminEmail);
        if (admin is null)
        {
            admin = new AppUser
            {
                UserName = bootstrap.AdminEmail,
                Email = bootstrap.AdminEmail,
                EmailConfirmed = true,
                DisplayName = "Quản trị viên",
                CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            };
            Check(await users.CreateAsync(admin, bootstrap.AdminPassword), "Bootstrap:AdminEmail/Bootstrap:AdminPassword");
        }

        Check(await users.AddToRoleAsync(admin, Roles.Admin), "Bootstrap:AdminEmail");
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
