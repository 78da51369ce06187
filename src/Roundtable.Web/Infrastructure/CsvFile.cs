using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Roundtable.Web.Infrastructure;

// Every CSV download: UTF-8 with a byte order mark (so Excel reads the accents), a cell that a
// spreadsheet would run as a formula (=, +, -, @, tab, return) escaped with a leading quote, and
// line breaks inside a value replaced so that one record is always one line. Dates as UK dates.
public static class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";
    public const string LineBreakReplacement = " / ";

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string OneLine(string? value) =>
        (value ?? "").Replace("\r\n", LineBreakReplacement, StringComparison.Ordinal)
            .Replace('\r', '\n').Replace("\n", LineBreakReplacement, StringComparison.Ordinal);

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            foreach (var h in header)
            {
                csv.WriteField(h);
            }
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var field in row)
                {
                    csv.WriteField(OneLine(field));
                }
                csv.NextRecord();
            }
        }
        var body = Utf8WithBom.GetBytes(text.ToString());
        return [.. Utf8WithBom.GetPreamble(), .. body];
    }
}
