using CsvHelper;

namespace PressConference.Api.Infrastructure;

public enum ImportOutcome
{
    Created,
    Updated,
    Refused,

    /// <summary>The row repeats an earlier row of the file, which was applied instead; not an error (its warning says which).</summary>
    Skipped,
}

/// <summary>
/// One data row of an imported file: its number (1 = the first row after the header), what it names, what became (or
/// would become) of it, why it was refused, and what the importer should know about a row that did not stop the file.
/// </summary>
public sealed record ImportRow(int Row, string? Key, ImportOutcome Outcome, IReadOnlyList<string> Errors)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// The answer to a CSV import. <c>Applied</c> is false when bad rows stopped the whole file (the outcomes then say what
/// would have happened); with <c>?partial=true</c> the good rows are applied and the bad ones listed.
/// </summary>
public sealed record ImportReport(bool Applied, int Created, int Updated, int Refused, int Skipped, IReadOnlyList<ImportRow> Rows)
{
    public static ImportReport From(IReadOnlyList<ImportRow> rows, bool applied) => new(applied,
        rows.Count(r => r.Outcome == ImportOutcome.Created), rows.Count(r => r.Outcome == ImportOutcome.Updated),
        rows.Count(r => r.Outcome == ImportOutcome.Refused), rows.Count(r => r.Outcome == ImportOutcome.Skipped), rows);
}

/// <summary>Reads an uploaded CSV (a multipart file or the raw body) into rows of named fields, headers matched without regard to case.</summary>
public static class CsvInput
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static async Task<List<(int Row, Dictionary<string, string> Fields)>?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        string text;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.Count == 0)
            {
                return null;
            }

            using var reader = new StreamReader(form.Files[0].OpenReadStream());
            text = await reader.ReadToEndAsync(ct);
        }
        else
        {
            using var reader = new StreamReader(request.Body);
            text = await reader.ReadToEndAsync(ct);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        using var csv = CsvReader.FromText(text, new CsvReaderOptions { TrimWhitespace = true });
        var headers = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (headers.Length == 0)
        {
            return null;
        }

        var rows = new List<(int, Dictionary<string, string>)>();
        while (csv.Read())
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Length; i++)
            {
                fields[headers[i]] = csv.GetString(i);
            }

            if (fields.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rows.Add(((int)csv.RowNumber, fields));
        }

        return rows;
    }

    public static string? Field(this Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name.ToLowerInvariant(), out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
