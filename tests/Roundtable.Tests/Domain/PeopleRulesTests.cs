using Roundtable.Web.Infrastructure;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.People;

namespace Roundtable.Tests.Domain;

public class PeopleRulesTests
{
    [Theory]
    [InlineData("14/03", 14, 3)]
    [InlineData("1/1", 1, 1)]
    [InlineData("29/2", 29, 2)]
    [InlineData(" 31-12 ", 31, 12)]
    public void Birthday_ParsesDayThenMonth(string text, int day, int month)
    {
        Assert.True(Birthday.TryParse(text, out var b));
        Assert.Equal(new Birthday(day, month), b);
    }

    [Theory]
    [InlineData("31/04")]
    [InlineData("30/2")]
    [InlineData("0/1")]
    [InlineData("12/13")]
    [InlineData("14/03/1980")]
    [InlineData("March 14")]
    [InlineData("")]
    public void Birthday_RejectsImpossibleOrYearBearingText(string text) => Assert.False(Birthday.TryParse(text, out _));

    [Theory]
    [InlineData("All-through", SchoolPhase.AllThrough)]
    [InlineData("all through", SchoolPhase.AllThrough)]
    [InlineData("AllThrough", SchoolPhase.AllThrough)]
    [InlineData("16 plus", SchoolPhase.SixteenPlus)]
    [InlineData("SECONDARY", SchoolPhase.Secondary)]
    public void EnumText_AcceptsDisplayNamesAndIdentifiers(string text, SchoolPhase expected)
    {
        Assert.True(EnumText.TryParse<SchoolPhase>(text, out var phase));
        Assert.Equal(expected, phase);
    }

    [Fact]
    public void EnumText_RejectsUnknownAndEmpty()
    {
        Assert.False(EnumText.TryParse<Region>("Narnia", out _));
        Assert.False(EnumText.TryParse<Region>("", out _));
        Assert.Equal("Yorkshire and the Humber", EnumText.Display(Region.YorkshireAndTheHumber));
    }

    [Theory]
    [InlineData("", "", "", "Enter the start date")]
    [InlineData("1", "", "2026", "The start date must include a month")]
    [InlineData("", "", "2026", "The start date must include a day and month")]
    [InlineData("29", "2", "2026", "The start date must be a real date, like 1 9 2026")]
    [InlineData("a", "2", "2026", "The start date must be a real date, like 1 9 2026")]
    public void DateParts_ExplainsWhatIsWrong(string d, string m, string y, string message)
    {
        var parts = new DateParts { Day = d, Month = m, Year = y };
        Assert.Equal(message, parts.TryGet("the start date", out _));
    }

    [Fact]
    public void DateParts_ReadsARealDate()
    {
        Assert.Null(new DateParts { Day = "29", Month = "2", Year = "2028" }.TryGet("x", out var date));
        Assert.Equal(new DateOnly(2028, 2, 29), date);
    }
}
