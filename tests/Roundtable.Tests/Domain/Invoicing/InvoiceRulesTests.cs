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

    [Theory]
    [InlineData("150", 150_00L)]
    [InlineData("150.5", 150_50L)]
    [InlineData("£1,150.00", 1150_00L)]
    [InlineData(" 0.01 ", 1L)]
    public void Money_ParsesPounds(string text, long pence)
    {
        Assert.True(Money.TryParsePounds(text, out var parsed));
        Assert.Equal(pence, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12.345")]
    [InlineData("-5")]
    [InlineData("1e3")]
    [InlineData("ten")]
    [InlineData("100000000000000000000")]
    [InlineData("79228162514264337593543950335")]
    public void Money_RefusesAnythingElse(string text) => Assert.False(Money.TryParsePounds(text, out _));

    [Fact]
    public void Money_PoundsAlwaysHaveTwoPlaces()
    {
        Assert.Equal("150.00", Money.Pounds(150_00).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.05", Money.Pounds(5).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("£1,234.50", Money.Text(1234_50));
        Assert.Equal("RT-000042", Invoice.FormatNumber(42));
    }
}
