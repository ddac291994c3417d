using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace PressConference.Api.Identity;

public sealed record CreateUserRequest(string Email, string Password, string DisplayName, IReadOnlyList<string> Roles, string? PreferredLanguage);

public sealed record UserResponse(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut, DateTime CreatedAt);

/// <summary>Staff accounts (Organizer, DoorStaff, Admin), managed by an Admin.</summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        group.MapPost("/", Create).Validate<CreateUserRequest>();
        group.MapGet("/", List);
        return app;
    }

    private static async Task<Results<Created<UserResponse>, ValidationProblem>> Create(CreateUserRequest request,
        UserManager<AppUser> users, AppDbContext db, TimeProvider clock)
    {
        var user = new AppUser
        {
            UserName = request.Email.Trim(),
            Email = request.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = request.DisplayName.Trim(),
            PreferredLanguage = request.PreferredLanguage ?? "vi",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        // The account and its roles land together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return UserErrors.ToProblem(created);
        }

        var roles = request.Roles.Distinct(StringComparer.Ordinal).ToList();
        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded)
        {
            return UserErrors.ToProblem(added);
        }

        await transaction.CommitAsync();
        return TypedResults.Created($"/api/users/{user.Id}", new UserResponse(user.Id, user.Email, user.DisplayName, roles, false, user.CreatedAt));
    }

    private static async Task<Ok<Paged<UserResponse>>> List(AppDbContext db, TimeProvider clock, string? role, int? page, int? pageSize,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(role))
        {
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }

        var (p, size) = Paging.Clamp(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(u => u.Email).Skip((p - 1) * size).Take(size)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.LockoutEnd,
                u.CreatedAt,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        var items = rows.Select(u => new UserResponse(u.Id, u.Email!, u.DisplayName, u.Roles.Order(StringComparer.Ordinal).ToList(),
            u.LockoutEnd > now, u.CreatedAt)).ToList();
        return TypedResults.Ok(new Paged<UserResponse>(items, p, size, total));
    }
}

public sealed class CreateUserRequestValidator : AbstractValidator<CreateUserRequest>
{
    public CreateUserRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(128);
        RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Roles).NotEmpty();
        RuleForEach(r => r.Roles).Must(r => Roles.All.Contains(r))
            .WithMessage(_ => Texts.Get("auth.role", string.Join(", ", Roles.All)));
        RuleFor(r => r.PreferredLanguage).Must(l => l is null or "vi" or "en").WithMessage(_ => Texts.Get("validation.enum", "vi, en"));
    }
}
