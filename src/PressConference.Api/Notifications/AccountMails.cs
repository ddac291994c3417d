using Microsoft.Extensions.Options;
using PressConference.Api.Data;
using PressConference.Api.Identity;
using PressConference.Api.Infrastructure;

namespace PressConference.Api.Notifications;

/// <summary>
/// Account mails (confirm the address, reset the password) through the outbox like every other mail: a row added to the
/// caller's unit of work, sent by the dispatcher, written to the pickup folder when no SMTP server is set. Each request
/// is a message of its own (a second "send again" is a second mail). The row's data holds the link, so the outbox list
/// (which never shows data) is the only place it rests besides the mail.
/// </summary>
public sealed class AccountMails(AppDbContext db, IOptions<NotificationOptions> options, IOptions<OfficeOptions> office, TimeProvider clock)
    : IAccountMail
{
    public Task ConfirmEmailAsync(AppUser user, string link, CancellationToken ct) =>
        PlanAsync(user, NotificationKind.AccountEmailConfirmation, link, ct);

    public Task ResetPasswordAsync(AppUser user, string link, CancellationToken ct) =>
        PlanAsync(user, NotificationKind.AccountPasswordReset, link, ct);

    private Task PlanAsync(AppUser user, NotificationKind kind, string link, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        var row = new Notification
        {
            Id = id,
            Kind = kind,
            RecipientKey = $"user:{user.Id}",
            Subject = $"account:{kind}:{id:N}",
            RecipientUserId = user.Id,
            MessageId = Notification.MessageIdFor(id),
            CreatedAt = now,
            ToAddress = user.Email!,
            ToName = user.DisplayName,
            Language = user.PreferredLanguage == "en" ? "en" : "vi",
            Data = NotificationPlanner.Write(new Dictionary<string, string?>
            {
                ["link"] = options.Value.PublicBaseUrl.TrimEnd('/') + link,
                ["hostAgency"] = office.Value.HostAgency,
            }),
        };
        // A link is worth sending for as long as its token lives (Identity's default: one day).
        row.Schedule(now, now.AddDays(1), now);
        db.Notifications.Add(row);
        return Task.CompletedTask;
    }
}

public static class AccountMailsSetup
{
    public static IServiceCollection AddAccountMails(this IServiceCollection services) => services.AddScoped<IAccountMail, AccountMails>();
}
