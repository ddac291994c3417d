using Microsoft.Extensions.Options;
using PressConference.Api.Identity;

namespace PressConference.Api.Notifications;

/// <summary>
/// Account mails (confirm the address, reset the password) through the outbox like every other mail: a row added to the
/// caller's unit of work, sent by the dispatcher, written to the pickup folder when no SMTP server is set. Each request
/// is a message of its own (a second "send again" is a second mail). The row's data holds the link, so the outbox list
/// (which never shows data) is the only place it rests besides the mail.
/// </summary>
public sealed class AccountMails(NotificationOutbox outbox, IOptions<NotificationOptions> options, IOptions<OfficeOptions> office)
    : IAccountMail
{
    public Task ConfirmEmailAsync(AppUser user, string link, CancellationToken ct) =>
        PlanAsync(user, NotificationKind.AccountEmailConfirmation, link, ct);

    public Task ResetPasswordAsync(AppUser user, string link, CancellationToken ct) =>
        PlanAsync(user, NotificationKind.AccountPasswordReset, link, ct);

    private Task PlanAsync(AppUser user, NotificationKind kind, string link, CancellationToken ct)
    {
        var now = outbox.Now;
        var data = new AccountLinkData(options.Value.PublicBaseUrl.TrimEnd('/') + link, office.Value.HostAgency);
        // A link is worth sending for as long as its token lives (Identity's default: one day).
        return outbox.UpsertAsync(Recipient.ForUser(user, user.Email!), $"account:{kind}:{Guid.CreateVersion7():N}", kind,
            briefingId: null, registrationId: null, remotePointId: null, data, now, now.AddDays(1), ct);
    }
}

public static class AccountMailsSetup
{
    public static IServiceCollection AddAccountMails(this IServiceCollection services) => services.AddScoped<IAccountMail, AccountMails>();
}
