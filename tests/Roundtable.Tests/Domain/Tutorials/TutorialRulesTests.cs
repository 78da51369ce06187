using Roundtable.Web.Infrastructure;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;
using Xunit;

namespace Roundtable.Tests.Domain.Tutorials;

public class TutorialWindowsTests
{
    private static readonly DateOnly CourseStart = new(2026, 9, 14);

    [Theory]
    [InlineData("2026-09-14", true)]
    [InlineData("2026-12-14", true)]
    [InlineData("2026-12-15", false)]
    [InlineData("2026-09-13", false)]
    public void Tutorial1_IsWithinTheFirstThreeMonths(string date, bool inside)
    {
        var warning = TutorialWindows.Warning(1, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), CourseStart, null, overridden: false);

        Assert.Equal(inside, warning is null);
        if (!inside)
        {
            Assert.Contains("outside the recommended window for tutorial 1 (14 September 2026 to 14 December 2026)", warning, StringComparison.Ordinal);
            Assert.Contains("You can still book it", warning, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2027-01-09", false)]
    [InlineData("2027-01-10", true)]
    [InlineData("2027-02-10", true)]
    [InlineData("2027-02-11", false)]
    public void Tutorial2_IsTwoToThreeMonthsAfterTutorial1(string date, bool inside)
    {
        var warning = TutorialWindows.Warning(2, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), CourseStart, new DateOnly(2026, 11, 10), overridden: false);

        Assert.Equal(inside, warning is null);
    }

    [Fact]
    public void Tutorial2_WithoutTutorial1_Warns()
    {
        var warning = TutorialWindows.Warning(2, new DateOnly(2027, 1, 10), CourseStart, null, overridden: false);

        Assert.Contains("no tutorial 1 booked", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Override_SilencesTheWarning()
    {
        Assert.Null(TutorialWindows.Warning(1, new DateOnly(2027, 6, 1), CourseStart, null, overridden: true));
        Assert.Null(TutorialWindows.Warning(2, new DateOnly(2027, 6, 1), CourseStart, null, overridden: true));
    }

    [Fact]
    public void Tutorial1Window_FromTheEndOfAMonth_EndsOnTheLastDayOfTheShorterMonth()
    {
        Assert.Equal(new TutorialWindow(new DateOnly(2026, 11, 30), new DateOnly(2027, 2, 28)), TutorialWindows.Tutorial1(new DateOnly(2026, 11, 30)));
    }
}

public class PartnerMatchingTests
{
    private static PartnerProfile Partner(int id, SchoolPhase? phase, SettingType? setting, Region? region, int? roll, int years = 5) =>
        new() { Id = id, Phase = phase, SettingType = setting, Region = region, NumberOnRoll = roll, HeadshipYears = years };

    private static readonly MatchTarget PrimaryAcademySouthEast = new("Larkfield", SchoolPhase.Primary, SettingType.Academy, Region.SouthEast, 400);

    [Fact]
    public void Score_EveryLikeness_CountsWithItsReason()
    {
        var match = PartnerMatching.Score(Partner(1, SchoolPhase.Primary, SettingType.Academy, Region.SouthEast, 500), PrimaryAcademySouthEast);

        Assert.Equal(PartnerMatching.MaxScore, match.Score);
        Assert.Equal(["Same phase (primary)", "Same type of school (academy)", "Same region (South East)", "Similar size of school (about 500 pupils)"], match.Reasons);
    }

    [Fact]
    public void Score_NothingInCommon_IsZeroWithNoReasons()
    {
        var match = PartnerMatching.Score(Partner(1, SchoolPhase.Secondary, SettingType.Special, Region.London, 1500), PrimaryAcademySouthEast);

        Assert.Equal(0, match.Score);
        Assert.Empty(match.Reasons);
    }

    [Fact]
    public void Score_UnknownTargetOrProfile_NeverMatchesOnUnknowns()
    {
        var unknownTarget = new MatchTarget("not recorded", null, null, null, null);

        Assert.Equal(0, PartnerMatching.Score(Partner(1, null, null, null, null), unknownTarget).Score);
        Assert.Equal(0, PartnerMatching.Score(Partner(1, SchoolPhase.Primary, SettingType.Academy, Region.SouthEast, 400), unknownTarget).Score);
        Assert.Equal(0, PartnerMatching.Score(Partner(1, null, null, null, null), PrimaryAcademySouthEast).Score);
    }

    [Theory]
    [InlineData(400, 600, true)]
    [InlineData(400, 601, false)]
    [InlineData(600, 400, true)]
    [InlineData(400, null, false)]
    public void SimilarSize_IsWithinHalfAsBigAgain(int a, int? b, bool similar) =>
        Assert.Equal(similar, PartnerMatching.SimilarSize(a, b));

    [Fact]
    public void Rank_PhaseOutweighsRegion_ThenExperience_ThenName()
    {
        var samePhase = Partner(1, SchoolPhase.Primary, null, null, null);
        var sameRegion = Partner(2, null, null, Region.SouthEast, null);
        var samePhaseMoreYears = Partner(3, SchoolPhase.Primary, null, null, null, years: 20);
        var samePhaseOtherName = Partner(4, SchoolPhase.Primary, null, null, null);
        var names = new Dictionary<int, string> { [1] = "Zed", [2] = "Amy", [3] = "Bea", [4] = "Abe" };

        var ranked = PartnerMatching.Rank([samePhase, sameRegion, samePhaseMoreYears, samePhaseOtherName], PrimaryAcademySouthEast, p => names[p.Id]);

        Assert.Equal([3, 4, 1, 2], ranked.Select(r => r.Partner.Id));
    }
}

public class LondonTimeTests
{
    [Fact]
    public void TryToUtc_InTheSpringGap_IsRefused() =>
        Assert.False(LondonTime.TryToUtc(new DateTime(2027, 3, 28, 1, 30, 0), out _));

    [Fact]
    public void TryToUtc_InTheRepeatedAutumnHour_MeansSummerTime()
    {
        Assert.True(LondonTime.TryToUtc(new DateTime(2026, 10, 25, 1, 30, 0), out var utc));
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), utc);
    }

    [Theory]
    [InlineData(2026, 7, 1, 15)]
    [InlineData(2026, 12, 1, 16)]
    public void TryToUtc_SummerAndWinter(int year, int month, int day, int utcHour)
    {
        Assert.True(LondonTime.TryToUtc(new DateTime(year, month, day, 16, 0, 0), out var utc));
        Assert.Equal(utcHour, utc.Hour);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }
}

public class BookingRulesTests
{
    [Theory]
    [InlineData(BookingStatus.Booked, 7, 1)]
    [InlineData(BookingStatus.Held, 7, 1)]
    [InlineData(BookingStatus.NoShow, 7, 1)]
    [InlineData(BookingStatus.Cancelled, null, null)]
    [InlineData(BookingStatus.LateCancelled, null, 1)]
    public void SyncIndexColumns_HoldsTheSlotAndTheAllowanceByStatus(BookingStatus status, int? activeSlot, int? allowance)
    {
        var booking = new Booking { SlotId = 7, Project = 1, Status = status };

        booking.SyncIndexColumns();

        Assert.Equal(activeSlot, booking.ActiveSlotId);
        Assert.Equal(allowance, booking.AllowanceProject);
    }

    [Fact]
    public void SyncIndexColumns_RestoredLateCancellation_FreesTheAllowance()
    {
        var booking = new Booking { SlotId = 7, Project = 2, Status = BookingStatus.LateCancelled, AllowanceRestoredAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) };

        booking.SyncIndexColumns();

        Assert.Null(booking.AllowanceProject);
        Assert.Null(booking.ActiveSlotId);
    }

    [Fact]
    public void Overlaps_TouchingSlotsDoNot()
    {
        var slot = new TutorialSlot { StartsAt = new DateTime(2026, 12, 1, 16, 0, 0, DateTimeKind.Utc), Minutes = 60 };

        Assert.False(slot.Overlaps(new DateTime(2026, 12, 1, 17, 0, 0, DateTimeKind.Utc), 30));
        Assert.False(slot.Overlaps(new DateTime(2026, 12, 1, 15, 0, 0, DateTimeKind.Utc), 60));
        Assert.True(slot.Overlaps(new DateTime(2026, 12, 1, 16, 59, 0, DateTimeKind.Utc), 30));
        Assert.True(slot.Overlaps(new DateTime(2026, 12, 1, 15, 30, 0, DateTimeKind.Utc), 240));
    }
}
