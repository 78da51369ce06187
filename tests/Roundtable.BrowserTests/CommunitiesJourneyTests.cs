using Microsoft.Playwright;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.BrowserTests;

// The programme team forms and publishes groups and schedules a session; a delegate prepares a
// problem; the chair keeps the record. Every page visited passes axe.
public class CommunitiesJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task FormPublishSchedule_PrepareAProblem_ChairRecords()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync("NPQH Browser");
        var people = new List<AppUser>();
        for (var i = 0; i < 4; i++)
        {
            var school = await Data.SchoolAsync(500000 + i, $"School {i}", i % 2 == 0 ? SchoolPhase.Primary : SchoolPhase.Secondary);
            people.Add(await Data.DelegateAsync(cohort, $"d{i}@test.example", school, birthday: new Birthday(1 + i, 1), name: $"Delegate {i}"));
        }

        var team = await SignInAsync("team@test.example");
        await team.GetByRole(AriaRole.Link, new() { Name = "Communities", Exact = true }).ClickAsync();
        await AssertAccessibleAsync(team);
        await team.GetByRole(AriaRole.Link, new() { Name = "NPQH Browser" }).ClickAsync();
        await AssertAccessibleAsync(team);
        await team.GetByRole(AriaRole.Button, new() { Name = "Propose groups" }).ClickAsync();
        await Assertions.Expect(team.Locator(".govuk-notification-banner")).ToContainTextAsync("Proposed 1 draft groups");
        await Assertions.Expect(team.Locator(".govuk-summary-card")).ToContainTextAsync("Delegate 3");
        await AssertAccessibleAsync(team);
        await team.GetByRole(AriaRole.Button, new() { Name = "Publish 1 draft groups" }).ClickAsync();
        await Assertions.Expect(team.Locator(".govuk-notification-banner")).ToContainTextAsync("Published 1 groups");
        await team.GetByRole(AriaRole.Link, new() { Name = "Group 1" }).ClickAsync();
        await Assertions.Expect(team.Locator("main")).ToContainTextAsync("Delegate 0");
        await AssertAccessibleAsync(team);
        await team.GetByLabel("Day").FillAsync("25");
        await team.GetByLabel("Month").FillAsync("11");
        await team.GetByLabel("Year").FillAsync("2026");
        await team.GetByLabel("Start time").FillAsync("16:00");
        await team.GetByLabel("Meeting link or place").FillAsync("https://meet.example.org/g1");
        await team.GetByRole(AriaRole.Button, new() { Name = "Schedule the session" }).ClickAsync();
        await Assertions.Expect(team.Locator(".govuk-notification-banner")).ToContainTextAsync("Scheduled a session on 25 November 2026 at 16:00");

        var owner = await SignInAsync("d1@test.example");
        await owner.GetByRole(AriaRole.Link, new() { Name = "My community" }).ClickAsync();
        await AssertAccessibleAsync(owner);
        await owner.GetByRole(AriaRole.Link, new() { Name = "25 November 2026, 4:00pm" }).ClickAsync();
        await AssertAccessibleAsync(owner);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Prepare my problem card" }).ClickAsync();
        await AssertAccessibleAsync(owner);
        await owner.GetByLabel("The Problem").FillAsync("My pupils keep forgetting what I teach them");
        await owner.GetByLabel("The Evidence").FillAsync("End-of-unit results");
        await owner.GetByLabel("The Context").FillAsync("New head of maths");
        await owner.GetByLabel("The Why").FillAsync("Knowledge builds over time");
        await owner.GetByLabel("NPQ framework area").SelectOptionAsync("Curriculum and assessment");
        await owner.Locator("#specific-Yes").CheckAsync();
        await owner.Locator("#solvable-Yes").CheckAsync();
        await owner.Locator("#controllable-No").CheckAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Save my problem card" }).ClickAsync();
        await Assertions.Expect(owner.Locator("main")).ToContainTextAsync("Suitable problem? No");
        await AssertAccessibleAsync(owner);
        await owner.Locator("#controllable-Yes").CheckAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Save my problem card" }).ClickAsync();
        await Assertions.Expect(owner.Locator(".govuk-panel")).ToContainTextAsync("Suitable problem? Yes");

        // Delegate 0 has the earliest birthday, so chairs the first session.
        App.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(7));
        var chair = await SignInAsync("d0@test.example");
        await chair.GotoAsync("/Communities");
        await chair.GetByRole(AriaRole.Link, new() { Name = "25 November 2026, 4:00pm" }).ClickAsync();
        await Assertions.Expect(chair.Locator("main")).ToContainTextAsync("My pupils keep forgetting what I teach them");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Open the session record" }).ClickAsync();
        await AssertAccessibleAsync(chair);
        await chair.GetByLabel("Delegate 0").CheckAsync();
        await chair.GetByLabel("Delegate 1").CheckAsync();
        await chair.GetByLabel("Delegate 2").CheckAsync();
        await chair.GetByLabel("Reconnect: successes shared").FillAsync("A calmer lunchtime");
        await chair.Locator("#Turns_1__ChosenAction").FillAsync("Retrieval starters for three weeks");
        await chair.GetByLabel("Chair for the next meeting").SelectOptionAsync(new SelectOptionValue { Label = "Delegate 1" });
        await chair.GetByRole(AriaRole.Button, new() { Name = "Save the record" }).ClickAsync();

        await Assertions.Expect(chair.Locator(".govuk-notification-banner")).ToContainTextAsync("The session record is saved");
        await Assertions.Expect(chair.Locator("main")).ToContainTextAsync("Retrieval starters for three weeks");
        await AssertAccessibleAsync(chair);
    }
}
