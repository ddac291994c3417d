using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using PressConference.Api.Accreditation;

namespace PressConference.Api.Incidents;

/// <summary>The report of an incident for the Press Department hotline, in Markdown, with the hotline's contacts and every piece of evidence listed.</summary>
public sealed class HotlineReport(AppDbContext db, IOptions<IncidentOptions> options, IOptions<OfficeOptions> office)
{
    /// <summary>The report in the reader's language; null when there is no such incident.</summary>
    public async Task<string?> WriteAsync(Guid incidentId, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().Include(i => i.Evidence).FirstOrDefaultAsync(i => i.Id == incidentId, ct);
        if (incident is null)
        {
            return null;
        }

        var credential = incident.CredentialId is { } cid ? await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct) : null;
        var briefing = incident.BriefingId is { } bid ? await db.Briefings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bid, ct) : null;
        var hotline = options.Value;
        string T(string key, params object?[] args) => Texts.Get(key, args);
        string Local(DateTime utc) => VietnamTime.ToLocal(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {T("report.title")}");
        md.AppendLine();
        var email = string.IsNullOrWhiteSpace(hotline.HotlineEmail) ? string.Empty : $", {hotline.HotlineEmail}";
        md.AppendLine(CultureInfo.InvariantCulture, $"**{T("report.to")}:** {hotline.HotlineName}, {T("report.hotline")} {hotline.HotlinePhone}{email}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"**{T("report.from")}:** {office.Value.HostAgency}");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("|---|---|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| {T("report.kind")} | {Texts.Name(incident.Kind)} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| {T("report.person")} | {Cell(incident.PersonName)} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| {T("report.outlet")} | {Cell(incident.OutletName ?? "—")} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| {T("report.when")} | {Local(incident.OccurredAt)} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| {T("report.where")} | {Cell(incident.Place ?? briefing?.Venue ?? "—")} |");
        if (briefing is not null)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {T("report.briefing")} | {Cell(briefing.Title)} ({Local(briefing.StartsAt)}) |");
        }

        if (credential is not null)
        {
            // The card or letter number identifies the document shown; the photo-ID number is never part of a report.
            var document = credential.Type == CredentialType.PressCard
                ? T("report.card", credential.Number)
                : T("report.letter", credential.LetterNumber, credential.LetterDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            md.AppendLine(CultureInfo.InvariantCulture, $"| {T("report.credential")} | {Cell(document)} |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| {T("report.blocked")} | {(incident.CredentialBlocked ? T("report.yes") : T("report.no"))} |");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"| {T("report.reportedBy")} | {Cell(incident.ReportedByName)}, {Local(incident.CreatedAt)} |");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"## {T("report.what")}");
        md.AppendLine();
        md.AppendLine(incident.Description);
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"## {T("report.evidence")}");
        md.AppendLine();
        if (incident.Evidence.Count == 0)
        {
            md.AppendLine(T("report.noEvidence"));
        }

        var n = 0;
        foreach (var e in incident.Evidence.OrderBy(e => e.UploadedAt))
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"{++n}. {Cell(e.OriginalName.Length > 0 ? e.OriginalName : e.Id.ToString())}: {e.ContentType}, {e.Size} bytes, SHA-256 `{e.Sha256}`, {Local(e.UploadedAt)}");
        }

        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
