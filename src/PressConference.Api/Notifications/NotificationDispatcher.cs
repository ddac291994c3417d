using Microsoft.Extensions.Options;

namespace PressConference.Api.Notifications;

public sealed record DispatchResult(int Sent, int Retrying, int Failed, int Cancelled);

/// <summary>
/// Sends what is due. Rows are claimed by a conditional update (Pending → Sending with this run's token and a lease),
/// so two dispatchers on one database never send the same row; a row left Sending by a run that died is taken again
/// once its lease is over. Marks are conditional on the token too: a run that lost its lease cannot overwrite the
/// run that took over. See docs/decisions/0008-notification-outbox.md.
/// </summary>
public sealed class NotificationDispatcher(AppDbContext db, NotificationComposer composer, IMailChannel channel,
    IOptions<NotificationOptions> options, TimeProvider clock, ILogger<NotificationDispatcher> logger)
{
    private const int MaxBatchesPerRun = 20;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<DispatchResult> DispatchDueAsync(CancellationToken ct)
    {
        var expired = await ExpireAsync(ct);
        var total = new DispatchResult(0, 0, 0, expired);
        for (var batch = 0; batch < MaxBatchesPerRun && !ct.IsCancellationRequested; batch++)
        {
            var claimed = await ClaimAsync(ct);
            if (claimed.Rows.Count == 0)
            {
                break;
            }

            var result = await SendAsync(claimed.Token, claimed.Rows, ct);
            total = new DispatchResult(total.Sent + result.Sent, total.Retrying + result.Retrying, total.Failed + result.Failed,
                total.Cancelled + result.Cancelled);
            if (claimed.Rows.Count < options.Value.BatchSize)
            {
                break;
            }
        }

        if (total != new DispatchResult(0, 0, 0, 0))
        {
            logger.LogInformation("Notifications dispatched: {Sent} sent, {Retrying} to retry, {Failed} failed, {Cancelled} cancelled",
                total.Sent, total.Retrying, total.Failed, total.Cancelled);
        }

        return total;
    }

    /// <summary>What is past its use is not sent late: never tried → Cancelled (too late); tried and failing → Failed.</summary>
    private async Task<int> ExpireAsync(CancellationToken ct)
    {
        var now = Now;
        var cancelled = await db.Notifications
            .Where(n => n.Status == NotificationStatus.Pending && n.NotAfter <= now && n.Attempts == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Cancelled)
                .SetProperty(n => n.CancelReason, CancelReasons.TooLate).SetProperty(n => n.UpdatedAt, now), ct);
        var failed = await db.Notifications
            .Where(n => n.Status == NotificationStatus.Pending && n.NotAfter <= now && n.Attempts > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Failed).SetProperty(n => n.UpdatedAt, now), ct);
        return cancelled + failed;
    }

    private async Task<(Guid Token, List<Notification> Rows)> ClaimAsync(CancellationToken ct)
    {
        var now = Now;
        var token = Guid.NewGuid();
        var until = now + options.Value.ClaimLease;
        var candidates = await db.Notifications.AsNoTracking()
            .Where(n => (n.Status == NotificationStatus.Pending && n.NextAttemptAt <= now)
                || (n.Status == NotificationStatus.Sending && n.ClaimedUntil <= now))
            .OrderBy(n => n.NextAttemptAt).Select(n => n.Id).Take(options.Value.BatchSize).ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return (token, []);
        }

        // The state is checked again in the UPDATE itself: of two dispatchers that saw the same candidates, only one
        // changes each row (SQLite runs one writer at a time; PostgreSQL re-checks the condition after the row lock).
        await db.Notifications
            .Where(n => candidates.Contains(n.Id)
                && ((n.Status == NotificationStatus.Pending && n.NextAttemptAt <= now)
                    || (n.Status == NotificationStatus.Sending && n.ClaimedUntil <= now)))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Sending)
                .SetProperty(n => n.ClaimToken, token)
                .SetProperty(n => n.ClaimedUntil, until)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1)
                .SetProperty(n => n.UpdatedAt, now), ct);
        var rows = await db.Notifications.AsNoTracking().Where(n => n.ClaimToken == token && n.Status == NotificationStatus.Sending)
            .OrderBy(n => n.NextAttemptAt).ToListAsync(ct);
        return (token, rows);
    }

    private async Task<DispatchResult> SendAsync(Guid token, List<Notification> rows, CancellationToken ct)
    {
        int sent = 0, retrying = 0, failed = 0, cancelled = 0;
        await using var session = channel.Open();
        foreach (var row in rows)
        {
            var mine = db.Notifications.Where(n => n.Id == row.Id && n.ClaimToken == token && n.Status == NotificationStatus.Sending);

            // The batch's lease may have run out while earlier rows were slow to send, and another dispatcher may have taken
            // this row since: renew it just before sending, and leave it alone when it is no longer ours.
            if (await mine.ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUntil, Now + options.Value.ClaimLease), ct) == 0)
            {
                continue;
            }

            try
            {
                var message = await composer.ComposeAsync(row, ct);
                if (message is null)
                {
                    await mine.ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Cancelled)
                        .SetProperty(n => n.CancelReason, CancelReasons.NoLongerNeeded).SetProperty(n => n.UpdatedAt, Now), CancellationToken.None);
                    cancelled++;
                    continue;
                }

                await session.SendAsync(message, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var now = Now;
                var error = $"{e.GetType().Name}: {e.Message}";
                error = error.Length > 2000 ? error[..2000] : error;
                if (row.Attempts >= options.Value.MaxAttempts)
                {
                    await mine.ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Failed)
                        .SetProperty(n => n.LastError, error).SetProperty(n => n.ClaimToken, (Guid?)null)
                        .SetProperty(n => n.ClaimedUntil, (DateTime?)null).SetProperty(n => n.UpdatedAt, now), CancellationToken.None);
                    logger.LogWarning(e, "Notification {Id} ({Kind}) failed for good after {Attempts} attempts", row.Id, row.Kind, row.Attempts);
                    failed++;
                }
                else
                {
                    var next = now + Backoff(row.Attempts);
                    await mine.ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Pending)
                        .SetProperty(n => n.LastError, error).SetProperty(n => n.NextAttemptAt, next).SetProperty(n => n.ClaimToken, (Guid?)null)
                        .SetProperty(n => n.ClaimedUntil, (DateTime?)null).SetProperty(n => n.UpdatedAt, now), CancellationToken.None);
                    logger.LogInformation("Notification {Id} ({Kind}) attempt {Attempts} failed, next at {Next}: {Error}", row.Id, row.Kind,
                        row.Attempts, next, error);
                    retrying++;
                }

                continue;
            }

            // Sent: recorded even if a shutdown was asked meanwhile, so the row is not sent again.
            var sentAt = Now;
            var marked = await mine.ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Sent)
                .SetProperty(n => n.SentAt, sentAt).SetProperty(n => n.LastError, (string?)null).SetProperty(n => n.ClaimToken, (Guid?)null)
                .SetProperty(n => n.ClaimedUntil, (DateTime?)null).SetProperty(n => n.UpdatedAt, sentAt), CancellationToken.None);
            if (marked == 0)
            {
                logger.LogWarning("Notification {Id} was sent after its claim had expired and another dispatcher took it", row.Id);
            }

            sent++;
        }

        return new DispatchResult(sent, retrying, failed, cancelled);
    }

    /// <summary>RetryDelay after the first failure, doubled after each further one, at most MaxRetryDelay.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var delay = options.Value.RetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        return delay > options.Value.MaxRetryDelay ? options.Value.MaxRetryDelay : delay;
    }
}
