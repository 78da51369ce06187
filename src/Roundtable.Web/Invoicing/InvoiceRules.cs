using System.Globalization;

namespace Roundtable.Web.Invoicing;

public sealed record InvoiceTotals(long SubtotalPence, long VatPence, long TotalPence);

// Pure rules: which rate applies on a date, and what an invoice adds up to.
public static class InvoiceRules
{
    public const int VatPercent = 20;

    // The partner's own rate when one applies from on or before the date, else the default in force.
    public static long? FeeOn(DateOnly date, IEnumerable<FeeRate> rates, int partnerId)
    {
        var inForce = rates.Where(r => r.From <= date).ToList();
        var own = inForce.Where(r => r.PartnerId == partnerId).MaxBy(r => r.From);
        return (own ?? inForce.Where(r => r.PartnerId is null).MaxBy(r => r.From))?.AmountPence;
    }

    // VAT is 20% of the subtotal, rounded to the nearest penny (halves up).
    public static InvoiceTotals Totals(IEnumerable<long> fees, bool vatRegistered)
    {
        var subtotal = fees.Sum();
        var vat = vatRegistered ? (long)Math.Round(subtotal * VatPercent / 100m, MidpointRounding.AwayFromZero) : 0;
        return new InvoiceTotals(subtotal, vat, subtotal + vat);
    }

    public static string Initials(string fullName) =>
        string.Concat(fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => char.ToUpperInvariant(part[0])));
}

// Money is integer pence everywhere; pounds only at the edges.
public static class Money
{
    // 15000 -> 150.00: always two decimal places (a decimal keeps its scale in JSON).
    public static decimal Pounds(long pence) => pence / 100m + 0.00m;

    public static string Text(long pence) => "£" + Pounds(pence).ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Plain(long pence) => Pounds(pence).ToString("0.00", CultureInfo.InvariantCulture);

    // Far above any fee, and far below where pence would overflow a long.
    private const decimal MaxPounds = 1_000_000_000m;

    // "150", "150.5", "£1,150.00" -> pence; false for anything else, more than two decimals or absurd amounts.
    public static bool TryParsePounds(string? text, out long pence)
    {
        pence = 0;
        var t = text?.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(t) || !decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds)
            || decimal.Round(pounds, 2) != pounds || pounds > MaxPounds)
        {
            return false;
        }
        pence = (long)(pounds * 100);
        return true;
    }
}
