using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Invoicing;

public sealed record InvoiceTotals(long SubtotalPence, long VatPence, long TotalPence);

// Pure rules: which tutorials may be invoiced, which rate applies on a date, and what an
// invoice adds up to.
public static class InvoiceRules
{
    public const int VatPercent = 20;

    // Why a tutorial cannot go on an invoice, or null when it can: it was held (or was a no-show
    // the programme team pays for), its feedback is recorded, it is on no live invoice and a fee
    // covers its date.
    public static string? Refusal(BookingStatus status, bool noShowPayable, bool hasFeedback, string? onInvoice, long? fee) =>
        (status switch
        {
            BookingStatus.Held => null,
            BookingStatus.NoShow when noShowPayable => null,
            BookingStatus.NoShow => "was a no-show, which is not payable",
            BookingStatus.Booked => "has not been held yet",
            _ => "was cancelled",
        })
        ?? (!hasFeedback ? "has no feedback recorded"
            : onInvoice is not null ? $"is already on invoice {onInvoice}"
            : fee is null ? "has no fee set for its date; ask the programme team"
            : null);

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

