using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace PressConference.Api.Outlets;

/// <summary>
/// Creates or updates outlets from CSV rows with the columns name, aliases (separated by ';'), licenceNumber, kind,
/// status, statusFrom, statusUntil, contactEmail, contactPhone, address. A row matches an existing outlet by its
/// current name or its licence number. A name repeated later in the file (folded: case, spacing and diacritics do not
/// matter) is one outlet: the first row that names it is applied, the repeat is skipped with a warning. Any bad row
/// stops the whole file unless <c>partial</c>.
/// </summary>
public sealed class OutletImport(AppDbContext db, IValidator<OutletRequest> validator, TimeProvider clock)
{
    public async Task<ImportReport> ImportAsync(IReadOnlyList<(int Row, Dictionary<string, string> Fields)> rows, bool partial, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var outlets = await db.Outlets.Include(o => o.Aliases).ToListAsync(ct);
        var report = new List<ImportRow>();
        var appliedAt = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, fields) in rows)
        {
            var name = fields.Field("name");
            var key = TextKey.Fold(name);
            if (key.Length > 0 && appliedAt.TryGetValue(key, out var first))
            {
                report.Add(new ImportRow(line, name, ImportOutcome.Skipped, []) { Warnings = [Texts.Get("import.repeatedName", first)] });
                continue;
            }

            var errors = new List<string>();
            var request = ParseRow(fields, errors);
            if (request is not null)
            {
                var result = await validator.ValidateAsync(request, ct);
                errors.AddRange(result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
            }

            if (errors.Count > 0 || request is null)
            {
                report.Add(new ImportRow(line, name, ImportOutcome.Refused, errors));
                continue;
            }

            var licence = request.LicenceNumber?.Trim();
            var existing = outlets.FirstOrDefault(o => o.NameKey == key)
                ?? (licence is { Length: > 0 } ? outlets.FirstOrDefault(o => o.LicenceNumber == licence) : null);
            var keys = (request.Aliases ?? []).Select(TextKey.Fold).Append(key).ToHashSet(StringComparer.Ordinal);
            if (outlets.Any(o => o != existing && (keys.Contains(o.NameKey) || o.Aliases.Any(a => keys.Contains(a.NameKey)))))
            {
                report.Add(new ImportRow(line, name, ImportOutcome.Refused, [Texts.Get("outlet.nameTaken")]));
                continue;
            }

            var target = existing ?? new Outlet { CreatedAt = now };
            target.Apply(request, now);
            if (existing is null)
            {
                outlets.Add(target);
                db.Outlets.Add(target);
            }

            appliedAt[key] = line;
            report.Add(new ImportRow(line, name, existing is null ? ImportOutcome.Created : ImportOutcome.Updated, []));
        }

        if (report.Any(r => r.Outcome == ImportOutcome.Refused) && !partial)
        {
            db.ChangeTracker.Clear();
            return ImportReport.From(report, applied: false);
        }

        await db.SaveChangesAsync(ct);
        return ImportReport.From(report, applied: true);
    }

    private static OutletRequest? ParseRow(Dictionary<string, string> fields, List<string> errors)
    {
        OutletKind? kind = null;
        if (fields.Field("kind") is { } k)
        {
            if (Enum.TryParse<OutletKind>(k, ignoreCase: true, out var parsed) && !int.TryParse(k, out _))
            {
                kind = parsed;
            }
            else
            {
                errors.Add($"kind: {Texts.Get("validation.enum", string.Join(", ", Enum.GetNames<OutletKind>()))}");
            }
        }

        var status = OutletStatus.Active;
        if (fields.Field("status") is { } s && (!Enum.TryParse(s, ignoreCase: true, out status) || int.TryParse(s, out _)))
        {
            errors.Add($"status: {Texts.Get("validation.enum", string.Join(", ", Enum.GetNames<OutletStatus>()))}");
        }

        DateOnly? Date(string field)
        {
            if (fields.Field(field) is not { } text)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                return d;
            }

            errors.Add($"{field}: {Texts.Get("validation.dateOnly")}");
            return null;
        }

        var from = Date("statusFrom");
        var until = Date("statusUntil");
        var aliases = (fields.Field("aliases") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return errors.Count > 0 ? null : new OutletRequest(fields.Field("name"), aliases, fields.Field("licenceNumber"), kind, status, from, until,
            fields.Field("contactEmail"), fields.Field("contactPhone"), fields.Field("address"));
    }
}
