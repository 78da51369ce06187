using Roundtable.Web.Projects;
using Xunit;
using static Roundtable.Tests.Domain.Projects.ProjectTestData;

namespace Roundtable.Tests.Domain.Projects;

public class BankHolidayTests
{
    private const string Valid = """
        {
          "england-and-wales": {
            "division": "england-and-wales",
            "events": [
              { "title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true },
              { "title": "Boxing Day", "date": "2026-12-28", "notes": "Substitute day", "bunting": true }
            ]
          },
          "scotland": {
            "division": "scotland",
            "events": [ { "title": "St Andrew’s Day", "date": "2026-11-30", "notes": "", "bunting": true } ]
          }
        }
        """;

    [Fact]
    public void Parse_ValidFile_ReadsEnglandAndWalesOnly()
    {
        var result = BankHolidays.Parse(Valid);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Errors);
        Assert.Equal([D(2026, 12, 25), D(2026, 12, 28)], result.Calendar.Holidays.Select(h => h.Date));
        Assert.False(result.Calendar.IsHoliday(D(2026, 11, 30)));
        Assert.True(result.Calendar.TryGetTitle(D(2026, 12, 28), out var title));
        Assert.Equal("Boxing Day", title);
        Assert.Equal("Substitute day", result.Calendar.Holidays[1].Notes);
    }

    [Fact]
    public void Parse_OtherDivisionsAbsent_IsFine()
    {
        var result = BankHolidays.Parse("""{"england-and-wales":{"events":[{"title":"Good Friday","date":"2026-04-03"}]}}""");

        Assert.True(result.Succeeded);
        Assert.Single(result.Calendar.Holidays);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_Empty_Fails(string? json)
    {
        var result = BankHolidays.Parse(json);

        Assert.False(result.Succeeded);
        Assert.Null(result.Calendar);
        Assert.Equal("The bank holiday file is empty.", Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_MalformedJson_SaysSoWithPosition()
    {
        var result = BankHolidays.Parse("{\"england-and-wales\": {\"events\": [ }");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("The bank holiday file is not valid JSON (line 1, position", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingDivision_Fails()
    {
        var result = BankHolidays.Parse("""{"scotland":{"division":"scotland","events":[]}}""");

        Assert.False(result.Succeeded);
        Assert.Equal("The bank holiday file has no \"england-and-wales\" division.", Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_RootIsNotAnObject_Fails()
    {
        var result = BankHolidays.Parse("""[{"title":"Good Friday","date":"2026-04-03"}]""");

        Assert.False(result.Succeeded);
        Assert.Contains("must be a JSON object keyed by division", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingEvents_Fails()
    {
        var result = BankHolidays.Parse("""{"england-and-wales":{"division":"england-and-wales"}}""");

        Assert.Equal("The \"england-and-wales\" division has no \"events\" list.", Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_NoEvents_Fails()
    {
        var result = BankHolidays.Parse("""{"england-and-wales":{"division":"england-and-wales","events":[]}}""");

        Assert.Equal("The \"england-and-wales\" division lists no bank holidays.", Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_BadDates_ReportsEveryOne()
    {
        var result = BankHolidays.Parse("""
            {"england-and-wales":{"events":[
              {"title":"Good Friday","date":"2026-04-03"},
              {"title":"Leap","date":"2026-02-29"},
              {"title":"Christmas Day","date":"25/12/2026"},
              {"title":"Nothing"}
            ]}}
            """);

        Assert.False(result.Succeeded);
        Assert.Equal(
        [
            "Event 2 (Leap) has date \"2026-02-29\", which is not a real date in the form YYYY-MM-DD.",
            "Event 3 (Christmas Day) has date \"25/12/2026\", which is not a real date in the form YYYY-MM-DD.",
            "Event 4 (Nothing) has no date.",
        ], result.Errors);
    }

    [Fact]
    public void Parse_DuplicateDate_Fails()
    {
        var result = BankHolidays.Parse("""
            {"england-and-wales":{"events":[
              {"title":"Christmas Day","date":"2026-12-25"},
              {"title":"Christmas Day again","date":"2026-12-25"}
            ]}}
            """);

        Assert.False(result.Succeeded);
        Assert.Equal("Event 2 (Christmas Day again) is on 2026-12-25, which is already listed as Christmas Day.", Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_MissingTitle_Fails()
    {
        var result = BankHolidays.Parse("""{"england-and-wales":{"events":[{"title":" ","date":"2026-12-25"}]}}""");

        Assert.Equal("Event 1 has no title.", Assert.Single(result.Errors));
    }

    [Fact]
    public void Calendar_RejectsDuplicateDates()
    {
        Assert.Throws<ArgumentException>(() => new BankHolidayCalendar(
            [new BankHoliday(D(2026, 12, 25), "A", ""), new BankHoliday(D(2026, 12, 25), "B", "")]));
    }

    [Fact]
    public void Shipped_EveryYear2018To2030HasAtLeastEightHolidays_AllOnWeekdays()
    {
        var calendar = Holidays;

        Assert.Equal(2018, calendar.FirstYear);
        Assert.Equal(2030, calendar.LastYear);
        for (var year = 2018; year <= 2030; year++)
        {
            Assert.True(calendar.InYear(year).Count >= 8, $"{year} has {calendar.InYear(year).Count} bank holidays");
        }

        Assert.All(calendar.Holidays, h => Assert.NotEqual(DayOfWeek.Saturday, h.Date.DayOfWeek));
        Assert.All(calendar.Holidays, h => Assert.NotEqual(DayOfWeek.Sunday, h.Date.DayOfWeek));
    }

    [Theory]
    [InlineData(2020, 5, 8, "Early May bank holiday (VE day)")]
    [InlineData(2022, 6, 2, "Spring bank holiday")]
    [InlineData(2022, 6, 3, "Platinum Jubilee bank holiday")]
    [InlineData(2022, 9, 19, "Bank Holiday for the State Funeral of Queen Elizabeth II")]
    [InlineData(2023, 5, 8, "Bank holiday for the coronation of King Charles III")]
    [InlineData(2023, 5, 1, "Early May bank holiday")]
    [InlineData(2021, 12, 27, "Christmas Day")]
    [InlineData(2021, 12, 28, "Boxing Day")]
    [InlineData(2022, 1, 3, "New Year’s Day")]
    [InlineData(2022, 12, 27, "Christmas Day")]
    [InlineData(2026, 12, 28, "Boxing Day")]
    [InlineData(2027, 12, 27, "Christmas Day")]
    [InlineData(2027, 12, 28, "Boxing Day")]
    [InlineData(2028, 1, 3, "New Year’s Day")]
    [InlineData(2024, 3, 29, "Good Friday")]
    [InlineData(2024, 4, 1, "Easter Monday")]
    [InlineData(2025, 4, 18, "Good Friday")]
    [InlineData(2025, 4, 21, "Easter Monday")]
    [InlineData(2026, 4, 3, "Good Friday")]
    [InlineData(2026, 4, 6, "Easter Monday")]
    [InlineData(2027, 3, 26, "Good Friday")]
    [InlineData(2027, 3, 29, "Easter Monday")]
    [InlineData(2030, 4, 19, "Good Friday")]
    [InlineData(2030, 4, 22, "Easter Monday")]
    [InlineData(2026, 5, 4, "Early May bank holiday")]
    [InlineData(2026, 5, 25, "Spring bank holiday")]
    [InlineData(2026, 8, 31, "Summer bank holiday")]
    public void Shipped_ContainsKnownHolidays(int year, int month, int day, string title)
    {
        Assert.True(Holidays.TryGetTitle(D(year, month, day), out var actual), $"{year}-{month}-{day} is missing");
        Assert.Equal(title, actual);
    }

    [Theory]
    [InlineData(2020, 5, 4)]
    [InlineData(2022, 5, 30)]
    [InlineData(2021, 12, 25)]
    [InlineData(2022, 1, 1)]
    public void Shipped_MovedOrWeekendDatesAreNotHolidays(int year, int month, int day)
    {
        Assert.False(Holidays.IsHoliday(D(year, month, day)));
    }

    [Fact]
    public void Shipped_SubstituteDaysAreMarked()
    {
        var substitutes = Holidays.Holidays.Where(h => h.Notes == "Substitute day").Select(h => h.Date).ToList();

        Assert.Contains(D(2021, 12, 27), substitutes);
        Assert.Contains(D(2022, 1, 3), substitutes);
        Assert.DoesNotContain(D(2026, 12, 25), substitutes);
    }
}
