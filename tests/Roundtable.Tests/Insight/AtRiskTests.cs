using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Insight;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Insight;

// Each reason a delegate is at risk, present at the test clock's now (23 November 2026) and absent
// with the clock moved to before it became due; a second delegate shows the rule is about them.
public class AtRiskTests(AppFactory app) : AppTest(app)
{
    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    private async Task<List<string>> WhoAsync(AtRiskReason reason)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var finder = scope.ServiceProvider.GetRequiredService<AtRiskFinder>();
        var found = await finder.ListAsync(new AtRiskFilter(Reason: reason.Code));
        Assert.All(found, f => Assert.Equal([reason], f.Reasons));
        return found.Select(f => f.Name).ToList();
    }

    [Fact]
    public async Task MissedTwoSessions_AbsentFromTheLastTwoRecorded()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App, size: 2);
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-14), present: [members[1]], absent: [members[0]]);
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-7), present: [], absent: [members[0], members[1]]);

        Assert.Equal(["M Member 1"], await WhoAsync(AtRiskReasons.MissedTwoSessions));

        App.Clock.Reset(TestClockStart.AddDays(-10));
        Assert.Empty(await WhoAsync(AtRiskReasons.MissedTwoSessions));
    }

    [Fact]
    public async Task MissedTwoSessions_PresentAtTheLatest_NotAtRisk()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App, size: 1);
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-21), present: [], absent: [members[0]]);
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-14), present: [], absent: [members[0]]);
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-7), present: [members[0]], absent: []);

        Assert.Empty(await WhoAsync(AtRiskReasons.MissedTwoSessions));
    }

    [Fact]
    public async Task NoProblemCards_ForEitherOfTheLastTwoSessions()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App, size: 2);
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-14), [], [], recorded: false);
        var second = await App.RecordedSessionAsync(group, TimeSpan.FromDays(-7), [], [], recorded: false);
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-3), [], [], recorded: false, cancelled: true);
        await App.ProblemCardAsync(second, members[1]);

        Assert.Equal(["M Member 1"], await WhoAsync(AtRiskReasons.NoProblemCards));

        App.Clock.Reset(TestClockStart.AddDays(-10));
        Assert.Empty(await WhoAsync(AtRiskReasons.NoProblemCards));
    }

    [Fact]
    public async Task SessionRules_GroupWithOneSession_NotAtRisk()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App, size: 1);
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-7), present: [], absent: [members[0]]);

        Assert.Empty(await WhoAsync(AtRiskReasons.MissedTwoSessions));
        Assert.Empty(await WhoAsync(AtRiskReasons.NoProblemCards));
    }

    [Fact]
    public async Task MissedTwoSessions_JoinedAfterTheFirstOfTheLastTwo_NotAtRisk()
    {
        // Member 1 joined late: the earlier session has no attendance row for them.
        var (_, members, group) = await Data.GroupWithMembersAsync(App, size: 2);
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-14), present: [], absent: [members[1]]);
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-7), present: [], absent: [members[0], members[1]]);

        Assert.Equal(["M Member 2"], await WhoAsync(AtRiskReasons.MissedTwoSessions));
    }

    [Fact]
    public async Task SessionRules_EachGroupsOwnLastTwo()
    {
        // Group B meets later than group A: each group's last two are its own, not the latest two overall.
        var (_, a, groupA) = await Data.GroupWithMembersAsync(App, size: 1, prefix: "a");
        var (_, b, groupB) = await Data.GroupWithMembersAsync(App, size: 1, prefix: "b", cohort: await Data.CohortAsync("Second"), groupName: "Group B", urnBase: 300000);
        var a1 = await App.RecordedSessionAsync(groupA, TimeSpan.FromDays(-30), present: [], absent: [a[0]]);
        await App.RecordedSessionAsync(groupA, TimeSpan.FromDays(-20), present: [], absent: [a[0]]);
        await App.RecordedSessionAsync(groupB, TimeSpan.FromDays(-14), present: [b[0]], absent: []);
        var b2 = await App.RecordedSessionAsync(groupB, TimeSpan.FromDays(-7), present: [], absent: [b[0]]);
        await App.ProblemCardAsync(a1, a[0]);
        await App.ProblemCardAsync(b2, b[0]);

        Assert.Equal(["A Member 1"], await WhoAsync(AtRiskReasons.MissedTwoSessions));
        Assert.Empty(await WhoAsync(AtRiskReasons.NoProblemCards));
    }

    [Fact]
    public async Task NoProblemCards_UnpublishedGroup_NotAtRisk()
    {
        var cohort = await Data.CohortAsync();
        var member = await Data.DelegateAsync(cohort, name: "Dora Draft");
        var group = await App.GroupAsync(cohort, [member], published: false);
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-14), [], [], recorded: false);
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-7), [], [], recorded: false);

        Assert.Empty(await WhoAsync(AtRiskReasons.NoProblemCards));
    }

    [Fact]
    public async Task SessionRules_ScopedToTheTutorsDelegates()
    {
        var tutor = await Data.TutorAsync();
        var (_, members, group) = await Data.GroupWithMembersAsync(App, size: 2);
        await App.WithDbAsync(async db =>
        {
            db.Participants.Single(p => p.UserId == members[0].Id).TutorId = tutor.Id;
            await db.SaveChangesAsync();
        });
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-14), present: [], absent: [members[0], members[1]]);
        await App.RecordedSessionAsync(group, TimeSpan.FromDays(-7), present: [], absent: [members[0], members[1]]);
        await using var scope = App.Services.CreateAsyncScope();
        var finder = scope.ServiceProvider.GetRequiredService<AtRiskFinder>();

        foreach (var reason in new[] { AtRiskReasons.MissedTwoSessions, AtRiskReasons.NoProblemCards })
        {
            Assert.Equal(["M Member 1", "M Member 2"], (await finder.ListAsync(new AtRiskFilter(Reason: reason.Code))).Select(f => f.Name));
            Assert.Equal(["M Member 1"], (await finder.ListAsync(new AtRiskFilter(TutorId: tutor.Id, Reason: reason.Code))).Select(f => f.Name));
        }
    }

    [Fact]
    public async Task TutorialWindowClosed_Tutorial1NotBookedAfterItsWindow()
    {
        // The cohort starts on 23 July 2026: tutorial 1's window ends on 23 October.
        var cohort = await Data.CohortAsync();
        await Data.DelegateAsync(cohort, name: "Una Unbooked");
        var partner = await Data.PartnerAsync();
        await Data.TutorialAsync(App, partner, new DateOnly(2026, 10, 1), cohort: cohort, delegateName: "Bea Booked");

        Assert.Equal(["Una Unbooked"], await WhoAsync(AtRiskReasons.TutorialWindowClosed));

        App.Clock.Reset(At(2026, 10, 23));
        Assert.Empty(await WhoAsync(AtRiskReasons.TutorialWindowClosed));
    }

    [Fact]
    public async Task TutorialWindowClosed_Tutorial2NotBookedThreeMonthsAfterTutorial1()
    {
        var cohort = await Data.CohortAsync();
        var partner = await Data.PartnerAsync();
        // Tutorial 1 on 1 August: tutorial 2's window is 1 October to 1 November.
        await Data.TutorialAsync(App, partner, new DateOnly(2026, 8, 1), cohort: cohort, delegateName: "Tom Two");
        await Data.TutorialAsync(App, partner, new DateOnly(2026, 9, 1), cohort: cohort, delegateName: "Later Lou");
        var both = await Data.DelegateAsync(cohort, name: "Both Bo");
        await Data.TutorialAsync(App, partner, new DateOnly(2026, 8, 3), cohort: cohort, delegateUser: both);
        await Data.TutorialAsync(App, partner, new DateOnly(2026, 10, 20), cohort: cohort, project: 2, delegateUser: both);

        Assert.Equal(["Tom Two"], await WhoAsync(AtRiskReasons.TutorialWindowClosed));

        App.Clock.Reset(At(2026, 11, 1));
        Assert.Empty(await WhoAsync(AtRiskReasons.TutorialWindowClosed));
    }

    [Fact]
    public async Task PlacementShort_FewerThanNineDaysWithFourWeeksToGo()
    {
        // Started 10 June 2025: the placement's planned end is 10 December 2026.
        var cohort = await Data.CohortAsync(start: new DateOnly(2025, 6, 10));
        var shortOne = await Data.DelegateAsync(cohort, name: "Sam Short");
        await Data.Project2Async(shortOne, TestData.NinePlacementDays.Take(5));
        var full = await Data.DelegateAsync(cohort, name: "Fay Full");
        await Data.Project2Async(full);
        await Data.DelegateAsync(cohort, name: "Nell Nothing");

        Assert.Equal(["Nell Nothing", "Sam Short"], await WhoAsync(AtRiskReasons.PlacementShort));

        App.Clock.Reset(At(2026, 11, 11));
        Assert.Empty(await WhoAsync(AtRiskReasons.PlacementShort));
    }

    [Fact]
    public async Task BoardDateMissing_ImplementationStartedWithoutTheBoard()
    {
        var cohort = await Data.CohortAsync();
        var missing = await Data.DelegateAsync(cohort, name: "Mo Missing");
        var project = await Data.Project1Async(missing);
        await App.WithDbAsync(async db =>
        {
            (await db.Project1s.FindAsync(project))!.BoardPresentedOn = null;
            await db.SaveChangesAsync();
        });
        await Data.Project1Async(await Data.DelegateAsync(cohort, name: "Gil Governed"));

        Assert.Equal(["Mo Missing"], await WhoAsync(AtRiskReasons.BoardDateMissing));

        // Implementation starts on 21 September.
        App.Clock.Reset(At(2026, 9, 20));
        Assert.Empty(await WhoAsync(AtRiskReasons.BoardDateMissing));
    }

    [Fact]
    public async Task FeedbackOverdue_MoreThanTwoWorkingDaysAfterTheTutorial()
    {
        var cohort = await Data.CohortAsync();
        var partner = await Data.PartnerAsync();
        // Wednesday 18 November: Thursday, Friday and Monday 23rd are three working days.
        await Data.TutorialAsync(App, partner, new DateOnly(2026, 11, 18), BookingStatus.Booked, feedback: false, cohort: cohort, delegateName: "Fred Feedback");
        await Data.TutorialAsync(App, partner, new DateOnly(2026, 11, 17), BookingStatus.Held, cohort: cohort, delegateName: "Hal Held");

        Assert.Equal(["Fred Feedback"], await WhoAsync(AtRiskReasons.FeedbackOverdue));

        App.Clock.Reset(At(2026, 11, 20));
        Assert.Empty(await WhoAsync(AtRiskReasons.FeedbackOverdue));
    }

    [Fact]
    public async Task Filters_ByCohortAndTutor()
    {
        var tutor = await Data.TutorAsync();
        var mine = await Data.CohortAsync("Mine");
        var other = await Data.CohortAsync("Other");
        await Data.DelegateAsync(mine, name: "Tutored Ted", tutor: tutor);
        await Data.DelegateAsync(mine, name: "Untutored Uma");
        await Data.DelegateAsync(other, name: "Other Olly", tutor: tutor);
        await using var scope = App.Services.CreateAsyncScope();
        var finder = scope.ServiceProvider.GetRequiredService<AtRiskFinder>();

        Assert.Equal(["Tutored Ted", "Untutored Uma"], (await finder.ListAsync(new AtRiskFilter(CohortId: mine.Id))).Select(f => f.Name));
        Assert.Equal(["Other Olly", "Tutored Ted"], (await finder.ListAsync(new AtRiskFilter(TutorId: tutor.Id))).Select(f => f.Name));
        Assert.Equal(["Tutored Ted"], (await finder.ListAsync(new AtRiskFilter(mine.Id, tutor.Id))).Select(f => f.Name));
    }

    private static DateTimeOffset TestClockStart => TestClock.Start;
}
