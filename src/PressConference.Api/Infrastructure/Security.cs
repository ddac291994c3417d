using System.Security.Claims;

namespace PressConference.Api.Infrastructure;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Organizer = "Organizer";
    public const string Reporter = "Reporter";
    public const string DoorStaff = "DoorStaff";

    public static readonly IReadOnlyList<string> All = [Admin, Organizer, Reporter, DoorStaff];
}

/// <summary>Authorization policies; an Admin can do what an Organizer can, and an Organizer can work a door.</summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string Organizer = "Organizer";
    public const string Reporter = "Reporter";
    public const string DoorStaff = "DoorStaff";
    public const string SignedIn = "SignedIn";

    public static IServiceCollection AddPressConferencePolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            // Anything mapped without a policy still needs a signed-in user; the endpoint test makes sure none relies on it.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Organizer, p => p.RequireRole(Roles.Organizer, Roles.Admin))
            .AddPolicy(Reporter, p => p.RequireRole(Roles.Reporter))
            .AddPolicy(DoorStaff, p => p.RequireRole(Roles.DoorStaff, Roles.Organizer, Roles.Admin))
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        return services;
    }

    public static bool IsOrganizer(this ClaimsPrincipal user) => user.IsInRole(Roles.Organizer) || user.IsInRole(Roles.Admin);

    /// <summary>Office staff (organizers and door staff): they see contact details and video links.</summary>
    public static bool IsStaff(this ClaimsPrincipal user) => user.IsOrganizer() || user.IsInRole(Roles.DoorStaff);

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string? UserName(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name);
}
