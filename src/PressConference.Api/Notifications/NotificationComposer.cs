using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;
using PressConference.Api.Accreditation;
using PressConference.Api.Briefings;
using PressConference.Api.Calendar;
using PressConference.Api.Compliance;
using PressConference.Api.Passes;

namespace PressConference.Api.Notifications;

/// <summary>
/// Turns an outbox row into the e-mail a person reads, in their language, when it is sent: lists that change up to
/// the last minute (reporters expected at a point, the digest's counts) and the calendar entry are built then.
/// </summary>
public sealed partial class NotificationComposer(AppDbContext db, BriefingAudience audience, PassFiles passes,
    IOptions<NotificationOptions> options, ComplianceMonitor compliance, CalendarFiles calendar, TimeProvider clock)
{
    public const string KindHeader = "X-PressConference-Kind";
    public const string BriefingHeader = "X-PressConference-Briefing";

    private static readonly NotificationKind[] WithCalendar =
    [
        NotificationKind.RegistrationApproved, NotificationKind.RegistrationPromoted, NotificationKind.BriefingReminder,
        NotificationKind.RemotePointReminder, NotificationKind.BriefingRescheduled, NotificationKind.BriefingVenueChanged,
        NotificationKind.BriefingCancelled, NotificationKind.RemotePointLinked,
    ];

    private static readonly NotificationKind[] WithPass =
        [NotificationKind.RegistrationApproved, NotificationKind.RegistrationPromoted, NotificationKind.BriefingReminder];

    /// <summary>The message, or null when it is no longer needed (checked again now that it is due).</summary>
    public async Task<MimeMessage?> ComposeAsync(Notification row, CancellationToken ct)
    {
        var culture = CultureInfo.GetCultureInfo(row.Language == "en" ? "en" : "vi");
        var stored = NotificationData.Read(row.Kind, row.Data);
        var values = new TemplateValues(culture);
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

            if (row.Kind is NotificationKind.RemotePointReminder or NotificationKind.RemotePointLinked && row.RemotePointId is { } pointId
                && !await db.BriefingRemotePoints.AnyAsync(l => l.BriefingId == briefing.Id && l.RemotePointId == pointId, ct))
            {
                return null;
            }

            values.AddBriefing(briefing);
        }

        values.Add(stored);
        values["toName"] = row.ToName ?? row.ToAddress;
        values["timeZone"] = Texts.Get(culture, "mail.timeZone");
        values["place"] = stored is AttendanceData { RemotePointName: { Length: > 0 } point } at ? $"{point} ({at.RemotePointAddress})" : values["venue"];
        values["passLine"] = values["passUrl"] is { Length: > 0 } ? values.Fill(Texts.Get(culture, "mail.passLink")) : string.Empty;
        values["hostAgency"] ??= string.Empty;
        if (!await AddLiveDataAsync(row, briefing, stored, values, culture, ct))
        {
            return null;
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.Smtp.From));
        message.To.Add(new MailboxAddress(row.ToName ?? string.Empty, row.ToAddress));
        message.MessageId = row.MessageId;
        message.Date = clock.GetUtcNow();
        message.Subject = values.Fill(Texts.Get(culture, $"mail.{row.Kind}.subject"));
        message.Headers.Add(KindHeader, row.Kind.ToString());
        if (row.BriefingId is { } briefingId)
        {
            message.Headers.Add(BriefingHeader, briefingId.ToString());
        }

        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new StringBuilder()
            .AppendLine(values.Fill(Texts.Get(culture, "mail.greeting"))).AppendLine()
            .AppendLine(values.Fill(Texts.Get(culture, $"mail.{row.Kind}.body"))).AppendLine()
            .AppendLine("--")
            .AppendLine(values.Fill(Texts.Get(culture, "mail.footer")));
        var builder = new BodyBuilder { TextBody = body.ToString() };

        if (briefing is not null && WithCalendar.Contains(row.Kind))
        {
            builder.Attachments.Add($"briefing-{briefing.Id}.ics", calendar.Serialize([briefing], clock.GetUtcNow().UtcDateTime),
                ContentType.Parse("text/calendar; method=PUBLISH; charset=utf-8"));
        }

        if (row.RegistrationId is { } registrationId && WithPass.Contains(row.Kind))
        {
            foreach (var file in await passes.ForRegistrationAsync(registrationId, ct))
            {
                builder.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.ContentType));
            }
        }

        message.Body = builder.ToMessageBody();
        message.Body.Headers.Add(HeaderId.ContentLanguage, culture.TwoLetterISOLanguageName);
        return message;
    }

    private async Task<bool> AddLiveDataAsync(Notification row, Briefing? briefing, NotificationData stored, TemplateValues values, CultureInfo culture,
        CancellationToken ct)
    {
        var none = Texts.Get(culture, "mail.none");
        switch (row.Kind)
        {
            case NotificationKind.RemotePointReminder when briefing is not null && row.RemotePointId is { } pointId:
                values["reporters"] = List((await audience.ExpectedAtRemotePointAsync(briefing.Id, pointId, ct)).Select(Describe), none);
                break;

            case NotificationKind.RegistrationClosedDigest when briefing is not null:
                var digest = await audience.DigestAsync(briefing.Id, ct);
                values["counts"] = List(digest.CountsByStatus.OrderBy(c => c.Key, StringComparer.Ordinal)
                    .Select(c => $"{(Texts.All.ContainsKey($"enum.RegistrationStatus.{c.Key}") ? Texts.Get(culture, $"enum.RegistrationStatus.{c.Key}") : c.Key)}: {c.Value}"), none);
                values["pending"] = List(digest.PendingReview.Select(Describe), none);
                break;

            case NotificationKind.SeriesPreparation when briefing is not null:
                var ids = briefing.Spokespersons.Select(s => s.SpokespersonId).ToList();
                var speakers = await db.Spokespersons.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct);
                values["spokespersons"] = speakers.Count == 0 ? none : string.Join(", ", speakers.Select(s => $"{s.FullName} ({s.Title})"));
                var points = await db.BriefingRemotePoints.AsNoTracking().Where(l => l.BriefingId == briefing.Id)
                    .Select(l => l.RemotePoint!.Name).ToListAsync(ct);
                values["remotePoints"] = points.Count == 0 ? none : string.Join(", ", points.Order(StringComparer.Ordinal));
                values["topic"] = briefing.Topic;
                break;

            case NotificationKind.ComplianceWarning when stored is ComplianceWarningData warning:
                var state = await compliance.EvaluateAsync(warning.HostAgency ?? string.Empty, clock.GetUtcNow().UtcDateTime, ct);
                if (!state.WillBeExceeded || state.Deadline is not { } current || current.UtcDateTime != warning.DeadlineAt)
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

    /// <summary>
    /// The values of a template's {name} placeholders, built when the message is composed: the briefing as it is now,
    /// the row's data, and what is read live. Instants are shown in Hanoi time in the recipient's language.
    /// </summary>
    internal sealed partial class TemplateValues(CultureInfo culture)
    {
        private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

        public string? this[string key]
        {
            get => _values.GetValueOrDefault(key);
            set => _values[key] = value;
        }

        public void Instant(string key, DateTime? utc) =>
            _values[key] = utc is { } instant ? VietnamTime.ToLocal(instant).ToString("HH:mm, dddd dd/MM/yyyy", culture) : null;

        public void AddBriefing(Briefing b)
        {
            this["briefingId"] = b.Id.ToString();
            this["title"] = b.Title;
            this["topic"] = b.Topic;
            this["hostAgency"] = b.HostAgency;
            this["venue"] = b.Venue;
            Instant("startsAt", b.StartsAt);
            Instant("endsAt", b.EndsAt);
            Instant("doorsOpenAt", b.DoorsOpenAt);
            Instant("registrationClosesAt", b.RegistrationClosesAt);
        }

        public void Add(NotificationData data)
        {
            if (data is AttendanceData at)
            {
                this["remotePointName"] = at.RemotePointName;
                this["remotePointAddress"] = at.RemotePointAddress;
                this["videoLink"] = at.VideoLink;
            }

            switch (data)
            {
                case RegistrationDecisionData d:
                    this["passUrl"] = d.PassUrl;
                    this["waitlistPosition"] = d.WaitlistPosition?.ToString(CultureInfo.InvariantCulture);
                    this["reasons"] = d.Reasons;
                    break;
                case ReminderData r:
                    this["passUrl"] = r.PassUrl;
                    break;
                case RemotePointLinkData l:
                    this["seats"] = l.Seats?.ToString(CultureInfo.InvariantCulture);
                    break;
                case RescheduledData r:
                    Instant("oldStartsAt", r.OldStartsAt);
                    Instant("oldEndsAt", r.OldEndsAt);
                    this["reason"] = r.Reason;
                    break;
                case VenueChangedData v:
                    this["oldVenue"] = v.OldVenue;
                    this["reason"] = v.Reason;
                    break;
                case CancelledData c:
                    this["reason"] = c.Reason;
                    break;
                case ComplianceWarningData w:
                    this["hostAgency"] = w.HostAgency;
                    Instant("deadlineAt", w.DeadlineAt);
                    Instant("lastHeldAt", w.LastHeldAt);
                    this["lastHeldTitle"] = w.LastHeldTitle;
                    this["months"] = w.Months.ToString(CultureInfo.InvariantCulture);
                    break;
                case AccountLinkData a:
                    this["link"] = a.Link;
                    this["hostAgency"] = a.HostAgency;
                    break;
            }
        }

        /// <summary>Fills {name} placeholders; empty values as "chưa có" / "none yet" (nothing for the optional lines).</summary>
        public string Fill(string template) =>
            Placeholder().Replace(template, m =>
            {
                var key = m.Groups[1].Value;
                var value = this[key];
                return string.IsNullOrWhiteSpace(value)
                    ? key is "passLine" or "reasons" ? string.Empty : Texts.Get(culture, "mail.none")
                    : value;
            });

        [GeneratedRegex(@"\{([A-Za-z]+)\}")]
        private static partial Regex Placeholder();
    }
}
