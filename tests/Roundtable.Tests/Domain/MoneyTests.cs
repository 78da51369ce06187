using System.Globalization;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Projects;

namespace Roundtable.Tests.Domain;

public class MoneyTests
{
    [Theory]
    [InlineData("150", 150_00L)]
    [InlineData("150.5", 150_50L)]
    [InlineData("£1,150.00", 1150_00L)]
    [InlineData(" 0.01 ", 1L)]
    [InlineData("0.5", 50L)]
    public void TryParse_ReadsPounds(string text, long pence)
    {
        Assert.True(Money.TryParse(text, out var parsed));
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
    public void TryParse_RefusesAnythingElse(string text) => Assert.False(Money.TryParse(text, out _));

    [Theory]
    [InlineData("1250", 125000)]
    [InlineData("£1,250.50", 125050)]
    [InlineData(" -2,000 ", -200000)]
    [InlineData("−£300", -30000)]
    public void TryParse_ReadsNegativeAmountsWhenAllowed(string text, long pence)
    {
        Assert.True(Money.TryParse(text, out var parsed, allowNegative: true, maxAbsPence: BudgetLine.MaxAbsPence));
        Assert.Equal(pence, parsed);
    }

    [Theory]
    [InlineData("12.345")]
    [InlineData("twelve")]
    [InlineData("1e6")]
    [InlineData("100000001")]
    public void TryParse_RefusesBudgetAmountsOverTheLimit(string text) =>
        Assert.False(Money.TryParse(text, out _, allowNegative: true, maxAbsPence: BudgetLine.MaxAbsPence));

    [Fact]
    public void Formats_AlwaysWithTwoPlacesAndATrueMinus()
    {
        Assert.Equal("150.00", Money.Pounds(150_00).ToString(CultureInfo.InvariantCulture));
        Assert.Equal("0.05", Money.Pounds(5).ToString(CultureInfo.InvariantCulture));
        Assert.Equal("£1,234.50", Money.Text(1234_50));
        Assert.Equal("£14,500.00", Money.Text(14_500_00));
        Assert.Equal("−£0.05", Money.Text(-5));
        Assert.Equal("1234.50", Money.Plain(1234_50));
    }
}
