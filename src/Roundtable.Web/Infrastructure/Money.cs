using System.Globalization;

namespace Roundtable.Web.Infrastructure;

// Money is integer pence everywhere; pounds only at the edges (forms, the API, CSV).
public static class Money
{
    // Far above any fee or budget, and far below where pence would overflow a long.
    public const long MaxAbsPence = 100_000_000_000L;

    // 15000 -> 150.00: always two decimal places (a decimal keeps its scale in JSON).
    public static decimal Pounds(long pence) => pence / 100m + 0.00m;

    // £1,250.00, and −£300.00 with a real minus sign for a negative amount.
    public static string Text(long pence) =>
        (pence < 0 ? "−£" : "£") + Pounds(Math.Abs(pence)).ToString("#,##0.00", CultureInfo.InvariantCulture);

    // 1250.00: for CSV files, the API's text and form inputs.
    public static string Plain(long pence) => Pounds(pence).ToString("0.00", CultureInfo.InvariantCulture);

    // "150", "150.5", "£1,150.00" (and, with allowNegative, "-300" or "−£300") -> pence; false for
    // anything else, more than two decimal places, or an absurd amount.
    public static bool TryParse(string? text, out long pence, bool allowNegative = false, long maxAbsPence = MaxAbsPence)
    {
        pence = 0;
        var cleaned = (text ?? "").Trim().Replace("\u2212", "-", StringComparison.Ordinal)
            .Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var styles = NumberStyles.AllowDecimalPoint | (allowNegative ? NumberStyles.AllowLeadingSign : NumberStyles.None);
        if (cleaned.Length == 0 || !decimal.TryParse(cleaned, styles, CultureInfo.InvariantCulture, out var pounds)
            || decimal.Round(pounds, 2) != pounds || Math.Abs(pounds) > maxAbsPence / 100m)
        {
            return false;
        }
        pence = (long)(pounds * 100);
        return true;
    }
}
