using Roundtable.Web.Invoicing;

namespace Roundtable.Tests.Domain.Invoicing;

public class InvoiceRulesTests
{
    private static readonly FeeRate[] Rates =
    [
        new() { From = new(2026, 9, 1), AmountPence = 150_00 },
        new() { From = new(2027, 1, 1), AmountPence = 160_00 },
        new() { PartnerId = 7, From = new(2026, 10, 15), AmountPence = 175_00 },
    ];

    [Theory]
    [InlineData(1, "2026-08-31", null)]
    [InlineData(1, "2026-09-01", 150_00L)]
    [InlineData(1, "2026-12-31", 150_00L)]
    [InlineData(1, "2027-01-01", 160_00L)]
    [InlineData(7, "2026-10-14", 150_00L)]
    [InlineData(7, "2026-10-15", 175_00L)]
    [InlineData(7, "2027-02-01", 175_00L)]
    public void FeeOn_PartnersOwnRateFromItsDate_ElseDefaultInForce(int partnerId, string date, long? expected)
    {
        Assert.Equal(expected, InvoiceRules.FeeOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Rates, partnerId));
    }

    [Theory]
    [InlineData(false, new long[] { 150_00, 175_00 }, 325_00L, 0L, 325_00L)]
    [InlineData(true, new long[] { 150_00, 175_00 }, 325_00L, 65_00L, 390_00L)]
    [InlineData(true, new long[] { 123_45 }, 123_45L, 24_69L, 148_14L)]
    [InlineData(true, new long[] { 2 }, 2L, 0L, 2L)]
    [InlineData(true, new long[] { 3 }, 3L, 1L, 4L)]
    [InlineData(true, new long[] { 0_18 }, 18L, 4L, 22L)]
    public void Totals_VatIsTwentyPercentToThePenny(bool vatRegistered, long[] fees, long subtotal, long vat, long total)
    {
        Assert.Equal(new InvoiceTotals(subtotal, vat, total), InvoiceRules.Totals(fees, vatRegistered));
    }

    [Theory]
    [InlineData("Amara Okafor", "AO")]
    [InlineData("  eleri   vaughan ", "EV")]
    [InlineData("Nia Cadwallader-Jones", "NC")]
    public void Initials_OnlyTheInitials(string name, string initials) => Assert.Equal(initials, InvoiceRules.Initials(name));

    [Fact]
    public void InvoiceNumbers_HaveSixDigits() => Assert.Equal("RT-000042", Invoice.FormatNumber(42));
}
