using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PressConference.Api.Notifications;

public sealed record NotificationListQuery(string? Status, Guid? BriefingId, string? Recipient, int? Page, int? PageSize);

public sealed record NotificationResponse(
    Guid Id,
    NotificationKind Kind,
    NotificationChannel Channel,
    string Recipient,
    string? RecipientName,
    string Language,
    Guid? BriefingId,
    Guid? RegistrationId,
    Guid? RemotePointId,
    NotificationStatus Status,
    DateTime DueAt,
    DateTimeOffset LocalDue,
    int Attempts,
    string? LastError,
    string? CancelReason,
    DateTime? SentAt,
    string MessageId,
    DateTime CreatedAt)
{
    public static NotificationResponse From(Notification n) => new(n.Id, n.Kind, n.Channel, n.ToAddress, n.ToName, n.Language, n.BriefingId,
        n.RegistrationId, n.RemotePointId, n.Status, n.DueAt, VietnamTime.ToLocal(n.DueAt), n.Attempts, n.LastError, n.CancelReason, n.SentAt,
        n.MessageId, n.CreatedAt);
}

public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization(Policies.Organizer);
        group.MapGet("/", List).Validate<NotificationListQuery>();
        group.MapPost("/{id:guid}/retry", Retry);
        app.MapGet("/api/me/notifications", Mine).WithTags("Notifications").RequireAuthorization(Policies.SignedIn);
        return app;
    }

    /// <summary>The outbox, newest due first: what went out, what waits, what failed and why.</summary>
    private static async Task<Ok<Paged<NotificationResponse>>> List([AsParameters] NotificationListQuery query, AppDbContext db, CancellationToken ct)
    {
        var rows = db.Notifications.AsNoTracking();
        if (Enum.TryParse<NotificationStatus>(query.Status, ignoreCase: true, out var status))
        {
            rows = rows.Where(n => n.Status == status);
        }

        if (query.BriefingId is { } briefingId)
        {
            rows = rows.Where(n => n.BriefingId == briefingId);
        }

        if (!string.IsNullOrWhiteSpace(query.Recipient))
        {
            // Addresses are ASCII: LIKE ignores their case in SQLite (PostgreSQL will want ILIKE with the scale-out issue).
            var pattern = $"%{query.Recipient.Trim().Replace("%", string.Empty, StringComparison.Ordinal)}%";
            rows = rows.Where(n => EF.Functions.Like(n.ToAddress, pattern) || (n.ToName != null && EF.Functions.Like(n.ToName, pattern)));
        }

        return TypedResults.Ok(await rows.OrderByDescending(n => n.DueAt).ThenBy(n => n.Id)
            .ToPageAsync(query.Page, query.PageSize, NotificationResponse.From, ct));
    }

    /// <summary>A failed notification goes back in the queue at once with fresh attempts (and no "too late" limit: a person asked).</summary>
    private static async Task<Results<Ok<NotificationResponse>, ProblemHttpResult>> Retry(Guid id, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Notifications.Where(n => n.Id == id && n.Status == NotificationStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Pending).SetProperty(n => n.Attempts, 0)
                .SetProperty(n => n.NextAttemptAt, now).SetProperty(n => n.NotAfter, (DateTime?)null).SetProperty(n => n.UpdatedAt, now), ct);
        var row = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (row is null)
        {
            return Problems.NotFound("entity.notification");
        }

        return changed == 0
            ? Problems.Conflict("NotRetryable", Texts.Get("notification.notRetryable", row.Status))
            : TypedResults.Ok(NotificationResponse.From(row));
    }

    /// <summary>The signed-in person's own messages.</summary>
    private static async Task<Ok<Paged<NotificationResponse>>> Mine(ClaimsPrincipal user, AppDbContext db, int? page, int? pageSize,
        CancellationToken ct)
    {
        var userId = user.UserId();
        return TypedResults.Ok(await db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == userId)
            .OrderByDescending(n => n.DueAt).ThenBy(n => n.Id).ToPageAsync(page, pageSize, NotificationResponse.From, ct));
    }
}

public sealed class NotificationListQueryValidator : AbstractValidator<NotificationListQuery>
{
    public NotificationListQueryValidator()
    {
        RuleFor(q => q.Status).IsEnumName(typeof(NotificationStatus), caseSensitive: false).When(q => !string.IsNullOrEmpty(q.Status))
            .WithMessage(_ => Texts.Get("validation.enum", string.Join(", ", Enum.GetNames<NotificationStatus>())));
        RuleFor(q => q.Recipient).MaximumLength(256);
    }
}
