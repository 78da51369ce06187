using Roundtable.Web.Projects;
using Xunit;
using static Roundtable.Tests.Domain.Projects.ProjectTestData;

namespace Roundtable.Tests.Domain.Projects;

public class SchoolTermsTests
{
    private static readonly IReadOnlyList<TermPeriod> English = SchoolTerms.EnglishDefaults;

    private static TermPeriod Term(string name) => English.Single(t => t.Name == name);

    private static TwoTermsCheck Check(DateOnly start, DateOnly end) => SchoolTerms.CheckTwoTerms(start, end, English, Holidays);

    [Fact]
    public void EnglishDefaults_AreValidAndCover2024To2030()
    {
        Assert.Empty(SchoolTerms.Validate(English));
        Assert.Equal(18, English.Count);
        Assert.Equal(D(2024, 9, 3), English.Min(t => t.Start));
        Assert.Equal(D(2030, 7, 19), English.Max(t => t.End));
        Assert.Equal(["2024/25", "2025/26", "2026/27", "2027/28", "2028/29", "2029/30"], English.Select(t => t.AcademicYear).Distinct());
        Assert.All(English, t => Assert.InRange(t.Start.DayOfWeek, DayOfWeek.Monday, DayOfWeek.Friday));
        Assert.All(English, t => Assert.InRange(t.End.DayOfWeek, DayOfWeek.Monday, DayOfWeek.Friday));
        Assert.All(English.Zip(English.Skip(1)), p => Assert.InRange(p.Second.Start.DayNumber - p.First.End.DayNumber, 14, SchoolTerms.LongestHolidayDays));
    }

    [Fact]
    public void SchoolDays_HandCounted()
    {
        // Thu 3 Sep to Fri 18 Dec 2026: 2 days + 15 full weeks.
        Assert.Equal(77, SchoolTerms.SchoolDays(Term("Autumn 2026"), Holidays));
        // Mon 4 Jan to Fri 19 Mar 2027: 11 weeks.
        Assert.Equal(55, SchoolTerms.SchoolDays(Term("Spring 2027"), Holidays));
        // Mon 5 Apr to Thu 22 Jul 2027: 15 weeks + 4 days, less the May bank holidays (3 and 31 May).
        Assert.Equal(77, SchoolTerms.SchoolDays(Term("Summer 2027"), Holidays));
    }

    [Fact]
    public void FirstDayOfAutumnToLastDayOfSpring_Passes()
    {
        var check = Check(D(2026, 9, 3), D(2027, 3, 19));

        Assert.True(check.Met);
        Assert.True(check.TermDatesKnown);
        Assert.Equal(132, check.SchoolDays);
        Assert.Equal(132, check.RequiredSchoolDays);
        Assert.Equal(["Autumn 2026", "Spring 2027"], check.TermsSpanned);
        Assert.Equal(
            "The project spans 132 school days across Autumn 2026 and Spring 2027; two terms need at least 132 (Autumn 2026 and Spring 2027 together).",
            check.Detail);
    }

    [Fact]
    public void OneSchoolDayShortOfAutumnAndSpring_Fails()
    {
        var lateStart = Check(D(2026, 9, 4), D(2027, 3, 19));
        var earlyEnd = Check(D(2026, 9, 3), D(2027, 3, 18));

        Assert.False(lateStart.Met);
        Assert.Equal(131, lateStart.SchoolDays);
        Assert.False(earlyEnd.Met);
        Assert.Equal(131, earlyEnd.SchoolDays);
    }

    [Fact]
    public void SixWeeksAcrossChristmas_TouchesTwoTermsButFails()
    {
        var check = Check(D(2026, 12, 1), D(2027, 1, 12));

        Assert.False(check.Met);
        Assert.True(check.TermDatesKnown);
        Assert.Equal(["Autumn 2026", "Spring 2027"], check.TermsSpanned);
        Assert.Equal(14 + 7, check.SchoolDays);
        Assert.Equal(132, check.RequiredSchoolDays);
    }

    [Fact]
    public void WithinOneTerm_Fails()
    {
        var check = Check(D(2026, 9, 3), D(2026, 12, 18));

        Assert.False(check.Met);
        Assert.Equal(77, check.SchoolDays);
        Assert.StartsWith("The project spans 77 school days, all within Autumn 2026; two terms need at least", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void RunningIntoAThirdTerm_ComparesWithTheShortestPairItOverlaps()
    {
        var check = Check(D(2026, 10, 1), D(2027, 5, 14));

        Assert.True(check.Met);
        Assert.Equal(["Autumn 2026", "Spring 2027", "Summer 2027"], check.TermsSpanned);
        // 57 (1 Oct to 18 Dec) + 55 + 29 (5 Apr to 14 May, less 3 May).
        Assert.Equal(141, check.SchoolDays);
        Assert.Equal(132, check.RequiredSchoolDays);
    }

    [Fact]
    public void ExactlyTheThreshold_Passes_OneDayLess_Fails()
    {
        // Short made-up terms so the numbers can be checked by hand: pairs are 15 (A+B) and 10 (B+C).
        TermPeriod[] terms =
        [
            new("2026/27", "A", D(2026, 9, 7), D(2026, 9, 18)),
            new("2026/27", "B", D(2026, 10, 5), D(2026, 10, 9)),
            new("2026/27", "C", D(2026, 10, 19), D(2026, 10, 23)),
        ];

        var exact = SchoolTerms.CheckTwoTerms(D(2026, 10, 5), D(2026, 10, 23), terms, BankHolidayCalendar.Empty);
        var short1 = SchoolTerms.CheckTwoTerms(D(2026, 10, 5), D(2026, 10, 22), terms, BankHolidayCalendar.Empty);
        var firstPair = SchoolTerms.CheckTwoTerms(D(2026, 9, 7), D(2026, 10, 9), terms, BankHolidayCalendar.Empty);
        var firstPairShort = SchoolTerms.CheckTwoTerms(D(2026, 9, 8), D(2026, 10, 9), terms, BankHolidayCalendar.Empty);

        Assert.True(exact.Met);
        Assert.Equal((10, 10), (exact.SchoolDays, exact.RequiredSchoolDays));
        Assert.False(short1.Met);
        Assert.Equal((9, 10), (short1.SchoolDays, short1.RequiredSchoolDays));
        Assert.True(firstPair.Met);
        Assert.Equal((15, 15), (firstPair.SchoolDays, firstPair.RequiredSchoolDays));
        Assert.False(firstPairShort.Met);
        Assert.Equal((14, 15), (firstPairShort.SchoolDays, firstPairShort.RequiredSchoolDays));
    }

    [Fact]
    public void BankHolidaysInsideTermsAreNotSchoolDays()
    {
        TermPeriod[] terms =
        [
            new("2025/26", "Spring 2026", D(2026, 3, 30), D(2026, 4, 10)),
            new("2025/26", "Summer 2026", D(2026, 4, 20), D(2026, 4, 24)),
        ];

        var check = SchoolTerms.CheckTwoTerms(D(2026, 3, 30), D(2026, 4, 24), terms, Holidays);

        Assert.Equal(8 + 5, check.SchoolDays);
        Assert.True(check.Met);
    }

    [Fact]
    public void EntirelyInAHoliday_Fails()
    {
        var check = Check(D(2026, 7, 25), D(2026, 8, 30));

        Assert.False(check.Met);
        Assert.True(check.TermDatesKnown);
        Assert.Equal(0, check.SchoolDays);
        Assert.Empty(check.TermsSpanned);
        Assert.StartsWith("The project falls entirely in a school holiday; two terms need at least", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void EndAfterKnownTerms_IsUnknownNotWrong()
    {
        var check = Check(D(2030, 4, 29), D(2031, 1, 31));

        Assert.False(check.Met);
        Assert.False(check.TermDatesKnown);
        Assert.Equal(
            "Term dates are not known for 31 January 2031: the term calendar runs from 3 September 2024 to 19 July 2030. Ask the programme team to add them.",
            check.Detail);
    }

    [Fact]
    public void StartBeforeKnownTerms_IsUnknown()
    {
        var check = Check(D(2024, 6, 3), D(2025, 3, 31));

        Assert.False(check.TermDatesKnown);
        Assert.StartsWith("Term dates are not known for 3 June 2024", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingAcademicYearInTheMiddle_IsUnknown()
    {
        var withGap = English.Where(t => t.AcademicYear != "2025/26").ToList();

        var check = SchoolTerms.CheckTwoTerms(D(2025, 5, 1), D(2026, 12, 18), withGap, Holidays);

        Assert.False(check.TermDatesKnown);
        Assert.Equal("Term dates are not known between 23 July 2025 and 2 September 2026. Ask the programme team to add them.", check.Detail);
    }

    [Fact]
    public void InvalidTermData_IsUnknown()
    {
        TermPeriod[] terms =
        [
            new("2026/27", "Autumn 2026", D(2026, 9, 3), D(2026, 12, 18)),
            new("2026/27", "Spring 2027", D(2026, 12, 1), D(2027, 3, 19)),
        ];

        var check = SchoolTerms.CheckTwoTerms(D(2026, 9, 3), D(2027, 3, 19), terms, Holidays);

        Assert.False(check.Met);
        Assert.False(check.TermDatesKnown);
        Assert.Equal("The term dates cannot be used: Spring 2027 starts before Autumn 2026 has ended.", check.Detail);
    }

    [Fact]
    public void PlannedEndBeforeStart_Fails()
    {
        var check = Check(D(2027, 3, 19), D(2026, 9, 3));

        Assert.False(check.Met);
        Assert.Equal("The planned end (3 September 2026) is before the start (19 March 2027).", check.Detail);
    }

    [Fact]
    public void Validate_ReportsProblems()
    {
        TermPeriod[] terms =
        [
            new("2026/27", "Autumn 2026", D(2026, 12, 18), D(2026, 9, 3)),
            new("2026/27", "autumn 2026", D(2027, 1, 4), D(2027, 3, 19)),
            new("", " ", D(2027, 4, 5), D(2027, 7, 22)),
        ];

        Assert.Equal(
        [
            "Autumn 2026 ends (3 September 2026) before it starts (18 December 2026).",
            "autumn 2026 appears more than once.",
            "The term starting 5 April 2027 has no name.",
            "The term starting 5 April 2027 has no academic year.",
        ], SchoolTerms.Validate(terms));
        Assert.Equal(["No term dates have been entered."], SchoolTerms.Validate([]));
    }

    [Fact]
    public void RuleExplanation_IsAvailableForHelpText()
    {
        Assert.Contains("two", SchoolTerms.TwoTermsRule, StringComparison.Ordinal);
        Assert.Contains("consecutive terms", SchoolTerms.TwoTermsRule, StringComparison.Ordinal);
    }
}
