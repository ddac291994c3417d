using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using PressConference.Api.Accreditation;
using PressConference.Api.Briefings;
using PressConference.Api.Calendar;
using PressConference.Api.Compliance;
using PressConference.Api.Data;
using PressConference.Api.Infrastructure;

namespace PressConference.Api.Notifications;

/// <summary>
/// Turns an outbox row into the e-mail a person reads, in their language, when it is sent: lists that change up to
/// the last minute (reporters expected at a point, the digest's counts) and the calendar entry are built then.
/// </summary>
public sealed partial class NotificationComposer(AppDbContext db, IBriefingAudience audience, IServiceProvider services,
    IOptions<NotificationOptions> options, ComplianceMonitor compliance, CalendarFiles calendar, TimeProvider clock)
{
    public const string KindHeader = "X-PressConference-Kind";
    public const string BriefingHeader = "X-PressConference-Briefing";

    private static readonly NotificationKind[] WithCalendar =
    [
        NotificationKind.RegistrationApproved, NotificationKind.RegistrationPromoted, NotificationKind.BriefingReminder,
        NotificationKind.RemotePointReminder, NotificationKind.BriefingRescheduled, NotificationKind.BriefingVenueChanged,
        NotificationKind.BriefingCancelled,
    ];

    private static readonly NotificationKind[] WithPass =
        [NotificationKind.RegistrationApproved, NotificationKind.RegistrationPromoted, NotificationKind.BriefingReminder];

    /// <summary>The message, or null when it is no longer needed (checked again now that it is due).</summary>
    public async Task<MimeMessage?> ComposeAsync(Notification row, CancellationToken ct)
    {
        var culture = CultureInfo.GetCultureInfo(row.Language == "en" ? "en" : "vi");
        var data = NotificationPlanner.Read(row.Data);
        var briefing = row.BriefingId is { } id
            ? await db.Briefings.AsNoTracking().Include(b => b.Spokespersons).FirstOrDefaultAsync(b => b.Id == id, ct)
            : null;
        if (briefing is not null)
        {
            // A reminder about a briefing that is over or called off is pointless; everything shows the briefing as it is now.
            if (Notification.Reminders.Contains(row.Kind) && briefing.Status is BriefingStatus.Cancelled or BriefingStatus.Completed)
            {
                return null;
            }

            // A reminder for a seat or a link that is gone (a reschedule may have brought a skipped one back) goes nowhere.
            if (row.Kind == NotificationKind.BriefingReminder && row.RegistrationId is { } reminded
                && await db.Registrations.AnyAsync(r => r.Id == reminded && r.Status != RegistrationStatus.Approved, ct))
            {
                return null;
            }

            if (row.Kind == NotificationKind.RemotePointReminder && row.RemotePointId is { } pointId
                && !await db.BriefingRemotePoints.AnyAsync(l => l.BriefingId == briefing.Id && l.RemotePointId == pointId, ct))
            {
                return null;
            }

            foreach (var (key, value) in NotificationPlanner.BriefingFacts(briefing))
            {
                data[key] = value;
            }
        }

        data["toName"] = row.ToName ?? row.ToAddress;
        data["timeZone"] = Texts.Get(culture, "mail.timeZone");
        data["place"] = data.GetValueOrDefault("remotePointName") is { Length: > 0 } point
            ? $"{point} ({data.GetValueOrDefault("remotePointAddress")})"
            : data.GetValueOrDefault("venue");
        data["passLine"] = data.GetValueOrDefault("passUrl") is { Length: > 0 } ? Fill(Texts.Get(culture, "mail.passLink"), data, culture) : string.Empty;
        data["hostAgency"] ??= string.Empty;
        if (!await AddLiveDataAsync(row, briefing, data, culture, ct))
        {
            return null;
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.Smtp.From));
        message.To.Add(new MailboxAddress(row.ToName ?? string.Empty, row.ToAddress));
        message.MessageId = row.MessageId;
        message.Date = clock.GetUtcNow();
        message.Subject = Fill(Texts.Get(culture, $"mail.{row.Kind}.subject"), data, culture);
        message.Headers.Add(KindHeader, row.Kind.ToString());
        if (row.BriefingId is { } briefingId)
        {
            message.Headers.Add(BriefingHeader, briefingId.ToString());
        }

        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new StringBuilder()
            .AppendLine(Fill(Texts.Get(culture, "mail.greeting"), data, culture)).AppendLine()
            .AppendLine(Fill(Texts.Get(culture, $"mail.{row.Kind}.body"), data, culture)).AppendLine()
            .AppendLine("--")
            .AppendLine(Fill(Texts.Get(culture, "mail.footer"), data, culture));
        var builder = new BodyBuilder { TextBody = body.ToString() };

        if (briefing is not null && WithCalendar.Contains(row.Kind))
        {
            builder.Attachments.Add($"briefing-{briefing.Id}.ics", calendar.Serialize([briefing], clock.GetUtcNow().UtcDateTime),
                ContentType.Parse("text/calendar; method=PUBLISH; charset=utf-8"));
        }

        if (row.RegistrationId is { } registrationId && WithPass.Contains(row.Kind) && services.GetService<IReporterPassAttachments>() is { } passes)
        {
            foreach (var attachment in await passes.ForRegistrationAsync(registrationId, ct))
            {
                builder.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
            }
        }

        message.Body = builder.ToMessageBody();
        message.Body.Headers.Add(HeaderId.ContentLanguage, culture.TwoLetterISOLanguageName);
        return message;
    }

    private async Task<bool> AddLiveDataAsync(Notification row, Briefing? briefing, Dictionary<string, string?> data, CultureInfo culture,
        CancellationToken ct)
    {
        var none = Texts.Get(culture, "mail.none");
        switch (row.Kind)
        {
            case NotificationKind.RemotePointReminder when briefing is not null && row.RemotePointId is { } pointId:
                data["reporters"] = List((await audience.ExpectedAtRemotePointAsync(briefing.Id, pointId, ct)).Select(Describe), none);
                break;

            case NotificationKind.RegistrationClosedDigest when briefing is not null:
                var digest = await audience.DigestAsync(briefing.Id, ct);
                data["counts"] = List(digest.CountsByStatus.OrderBy(c => c.Key, StringComparer.Ordinal)
                    .Select(c => $"{(Texts.All.ContainsKey($"enum.RegistrationStatus.{c.Key}") ? Texts.Get(culture, $"enum.RegistrationStatus.{c.Key}") : c.Key)}: {c.Value}"), none);
                data["pending"] = List(digest.PendingReview.Select(Describe), none);
                break;

            case NotificationKind.SeriesPreparation when briefing is not null:
                var ids = briefing.Spokespersons.Select(s => s.SpokespersonId).ToList();
                var speakers = await db.Spokespersons.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct);
                data["spokespersons"] = speakers.Count == 0 ? none : string.Join(", ", speakers.Select(s => $"{s.FullName} ({s.Title})"));
                var points = await db.BriefingRemotePoints.AsNoTracking().Where(l => l.BriefingId == briefing.Id)
                    .Select(l => l.RemotePoint!.Name).ToListAsync(ct);
                data["remotePoints"] = points.Count == 0 ? none : string.Join(", ", points.Order(StringComparer.Ordinal));
                data["topic"] = briefing.Topic;
                break;

            case NotificationKind.ComplianceWarning:
                var deadline = DateTime.Parse(data["deadlineAt"]!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                var state = await compliance.EvaluateAsync(data.GetValueOrDefault("hostAgency") ?? string.Empty, clock.GetUtcNow().UtcDateTime, ct);
                if (!state.WillBeExceeded || state.Deadline is not { } current || current.UtcDateTime != deadline)
                {
                    return false;
                }

                break;
        }

        return true;
    }

    private static string Describe(ExpectedReporter r) => r.Outlet is { Length: > 0 } outlet ? $"{r.FullName} ({outlet})" : r.FullName;

    private static string List(IEnumerable<string> lines, string none)
    {
        var all = lines.ToList();
        return all.Count == 0 ? $"- {none}" : string.Join("\n", all.Select(l => $"- {l}"));
    }

    /// <summary>Fills {name} placeholders; instants (…At) in Hanoi time, empty values as "chưa có" / "none yet".</summary>
    internal static string Fill(string template, IReadOnlyDictionary<string, string?> data, CultureInfo culture) =>
        Placeholder().Replace(template, m =>
        {
            var key = m.Groups[1].Value;
            var value = data.GetValueOrDefault(key);
            if (string.IsNullOrWhiteSpace(value))
            {
                return key is "passLine" or "reasons" ? string.Empty : Texts.Get(culture, "mail.none");
            }

            return key.EndsWith("At", StringComparison.Ordinal)
                && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
                ? VietnamTime.ToLocal(instant.ToUniversalTime()).ToString("HH:mm, dddd dd/MM/yyyy", culture)
                : value;
        });

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
