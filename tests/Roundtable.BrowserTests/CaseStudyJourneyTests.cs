using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Projects;

namespace Roundtable.BrowserTests;

// The team publishes a case study to a cohort on the case-study assessment; when its window opens
// (the clock moved) the delegate writes and submits a response; the assessor judges it; the team
// releases the outcome; the delegate reads it. Every page on the way passes axe.
public class CaseStudyJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Publish_Open_Respond_Assess_Release_Outcome()
    {
        await Data.ProgrammeTeamAsync();
        await Data.AssessorAsync();
        var cohort = await Data.CohortAsync("NPQSL Spring", "NPQSL");
        await App.WithDbAsync(async db =>
        {
            (await db.Programmes.SingleAsync(p => p.Code == "NPQSL")).Regime = AssessmentRegime.CaseStudy;
            await db.SaveChangesAsync();
        });
        await Data.DelegateAsync(cohort, "d@test.example", name: "Dana Delegate");
        await Data.CriterionAsync(ProjectNumbers.CaseStudy, "CS1", "Diagnoses the challenge");

        // Monday 23 November 2026: the team publishes with the default window (tomorrow 09:00 to 17:00 a week later).
        var team = await SignInAsync("team@test.example");
        await team.GetByRole(AriaRole.Link, new() { Name = "Case studies", Exact = true }).ClickAsync();
        await Assertions.Expect(team.Locator("h1")).ToHaveTextAsync("Case studies");
        await AssertAccessibleAsync(team);
        await team.GetByLabel("Title").FillAsync("Ashdown Vale");
        await team.GetByLabel("The case study document").SetInputFilesAsync(new FilePayload { Name = "ashdown.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("Ashdown Vale Academy.") });
        await team.GetByLabel("The question delegates answer").FillAsync("How would you improve attendance?");
        await team.GetByLabel("Cohort").SelectOptionAsync(new SelectOptionValue { Label = "NPQSL NPQSL Spring" });
        await team.GetByRole(AriaRole.Button, new() { Name = "Publish the case study" }).ClickAsync();
        await Assertions.Expect(team.Locator(".govuk-notification-banner")).ToContainTextAsync("Delegates see it when the window opens on 24 November 2026, 9:00am.");
        await Assertions.Expect(team.Locator("[data-closes]")).ToHaveTextAsync("1 December 2026, 5:00pm");
        await AssertAccessibleAsync(team);

        var me = await SignInAsync("d@test.example");
        await me.GetByRole(AriaRole.Link, new() { Name = "My case studies" }).ClickAsync();
        await Assertions.Expect(me.Locator("#no-case-studies")).ToBeVisibleAsync();
        await AssertAccessibleAsync(me);

        // The window opens: the delegate writes and submits. Sign-ins last 12 hours of the app's clock.
        App.Clock.Reset(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        me = await SignInAsync("d@test.example");
        await me.GotoAsync("/CaseStudies");
        await AssertAccessibleAsync(me);
        await me.GetByRole(AriaRole.Link, new() { Name = "Ashdown Vale" }).ClickAsync();
        await Assertions.Expect(me.Locator("#question")).ToContainTextAsync("How would you improve attendance?");
        await AssertAccessibleAsync(me);
        await me.GetByLabel("Or type your response").FillAsync("Start with the attendance data for each year group.");
        await Assertions.Expect(me.Locator("#word-count-total")).ToHaveTextAsync("9");
        await Assertions.Expect(me.Locator("#word-count-tag")).ToHaveTextAsync("1,491 to spare");
        await me.GetByRole(AriaRole.Button, new() { Name = "Submit your response" }).ClickAsync();
        await Assertions.Expect(me.Locator(".govuk-notification-banner")).ToContainTextAsync("Your response has been submitted for assessment.");
        await Assertions.Expect(me.Locator("#response-status")).ToContainTextAsync("Submitted");
        await AssertAccessibleAsync(me);

        // The team assigns it on the projects' submission pages.
        team = await SignInAsync("team@test.example");
        await team.GotoAsync("/Programme/Projects/Submissions");
        await AssertAccessibleAsync(team);
        await team.Locator("#submissions tbody a").First.ClickAsync();
        await team.GetByLabel("Assign to").SelectOptionAsync(new SelectOptionValue { Label = "Ash Assessor (0 assessments in hand)" });
        await team.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await Assertions.Expect(team.Locator(".govuk-notification-banner")).ToContainTextAsync("Assigned to Ash Assessor");
        await AssertAccessibleAsync(team);

        var assessor = await SignInAsync("assessor@test.example");
        await assessor.Locator("#assignments").GetByRole(AriaRole.Link, new() { Name = "Dana Delegate" }).ClickAsync();
        await Assertions.Expect(assessor.Locator("#account")).ToContainTextAsync("Start with the attendance data for each year group.");
        await AssertAccessibleAsync(assessor);
        await assessor.Locator("#assessment-000-1").GetByLabel("Met", new() { Exact = true }).CheckAsync();
        await assessor.GetByLabel("Comment on CS1").FillAsync("A sharp diagnosis.");
        await assessor.GetByLabel("Passed", new() { Exact = true }).CheckAsync();
        await assessor.GetByLabel("Overall comment for the delegate").FillAsync("A plan governors could act on.");
        await assessor.GetByRole(AriaRole.Button, new() { Name = "Complete the assessment" }).ClickAsync();
        await Assertions.Expect(assessor.Locator(".govuk-notification-banner")).ToContainTextAsync("Assessment complete");
        await AssertAccessibleAsync(assessor);

        await team.ReloadAsync();
        await team.GetByRole(AriaRole.Button, new() { Name = "Release the outcome" }).ClickAsync();
        await AssertAccessibleAsync(team);
        await team.GetByRole(AriaRole.Button, new() { Name = "Yes, release the outcome" }).ClickAsync();
        await Assertions.Expect(team.Locator(".govuk-notification-banner")).ToContainTextAsync("Released the outcome to Dana Delegate");
        await team.GotoAsync("/Programme/CaseStudies");
        await team.Locator("#case-studies a").First.ClickAsync();
        await Assertions.Expect(team.Locator("[data-delegate='Dana Delegate']")).ToContainTextAsync("Released: Passed");
        await AssertAccessibleAsync(team);

        await me.ReloadAsync();
        await Assertions.Expect(me.Locator("#outcome")).ToContainTextAsync("A plan governors could act on.");
        await Assertions.Expect(me.Locator("#outcome")).ToContainTextAsync("Met: A sharp diagnosis.");
        await AssertAccessibleAsync(me);
        Assert.Equal(SubmissionStatus.Released, await App.WithDbAsync(db => db.Submissions.Select(s => s.Status).SingleAsync()));
    }
}
