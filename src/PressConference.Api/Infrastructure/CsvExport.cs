using CsvHelper;

namespace PressConference.Api.Infrastructure;

/// <summary>
/// Every CSV the office downloads: UTF-8 with a byte order mark (so spreadsheet programs read the Vietnamese), RFC 4180
/// quoting, and cells that start like a formula (= + - @) escaped so a spreadsheet shows them as text, never runs them.
/// </summary>
public static class CsvExport
{
    public static async Task<byte[]> WriteAsync(IEnumerable<string> header, IEnumerable<string[]> rows)
    {
        await using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteRecord(header.ToArray());
            foreach (var row in rows)
            {
                csv.WriteRecord(row);
            }
        }

        return buffer.ToArray();
    }
}
