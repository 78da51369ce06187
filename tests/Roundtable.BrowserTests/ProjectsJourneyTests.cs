using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.BrowserTests;

// A delegate completes the placement and submits Project 2; an assessor judges it; the programme
// team releases the outcome; the delegate reads it. Every page on the way passes axe.
public class ProjectsJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Placement_Account_Submission_Assessment_Release_Outcome()
    {
        await Data.ProgrammeTeamAsync();
        await Data.AssessorAsync();
        var cohort = await Data.CohortAsync();
        var me = await Data.DelegateAsync(cohort, "d@test.example", name: "Dana Delegate");
        await Data.Project2Async(me, TestData.NinePlacementDays.Take(8));
        await Data.CriterionAsync(2, "2.1", "Explains the contrast");
        await Data.CriterionAsync(2, "2.2", "Analyses the challenges");

        // The delegate logs placement days and watches the panel.
        var page = await SignInAsync("d@test.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "My projects" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My projects");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Placement-day log" }).ClickAsync();
        var placementPanel = page.Locator("#requirements-2 [data-requirement='placement-days']");
        await Assertions.Expect(placementPanel).ToContainTextAsync("Not met");
        await Assertions.Expect(placementPanel).ToContainTextAsync("8 working days logged; 9 needed.");
        await AssertAccessibleAsync(page);

        await LogDayAsync(page, "31", "8", "2026", "Budget review with the business manager");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("It does not count as a placement day: Summer bank holiday.");
        await Assertions.Expect(placementPanel).ToContainTextAsync("8 working days logged; 9 needed. Not counted: Monday 31 August 2026 (Summer bank holiday).");
        await AssertAccessibleAsync(page);
        await LogDayAsync(page, "16", "10", "2026", "");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what you did that day");
        await Assertions.Expect(page.Locator("#Day_Date_Day")).ToHaveValueAsync("16");
        await AssertAccessibleAsync(page);
        await page.Locator("#Day_Activity").FillAsync("Presented early findings to senior leaders");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add this day" }).ClickAsync();
        await Assertions.Expect(placementPanel).ToContainTextAsync("Met");
        await Assertions.Expect(placementPanel).ToContainTextAsync("9 working days logged; 9 needed.");
        await AssertAccessibleAsync(page);

        // The account: the live word count follows the typing, over the limit and back.
        await page.GotoAsync("/Projects");
        await page.GetByRole(AriaRole.Link, new() { Name = "Written account and documents for project 2" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Written account");
        await AssertAccessibleAsync(page);
        var total = page.Locator("#word-count-total");
        var tag = page.Locator("#word-count-tag");
        await Assertions.Expect(total).ToHaveTextAsync("0");
        await page.Locator("#Sections_0_").FillAsync("The placement school's pupils don't share our context: a coastal town, 2,500 miles of difference.");
        await Assertions.Expect(total).ToHaveTextAsync("15");
        await Assertions.Expect(page.Locator("[data-word-count-for='Sections_0_']")).ToHaveTextAsync("15 words in this section");
        await page.Locator("#Sections_1_").FillAsync(string.Join(' ', Enumerable.Repeat("well-being", 2500)));
        await Assertions.Expect(total).ToHaveTextAsync("2,515");
        await Assertions.Expect(tag).ToHaveTextAsync("15 over the limit");
        await Assertions.Expect(tag).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("govuk-tag--red"));
        await page.Locator("#Sections_1_").FillAsync("Mixed-age classes fund a reading specialist.");
        await Assertions.Expect(total).ToHaveTextAsync("21");
        await Assertions.Expect(tag).ToHaveTextAsync("2,479 to spare");
        await page.Locator("#Sections_2_").FillAsync("Governors asked for a staffing tutorial timeline.");
        await Assertions.Expect(total).ToHaveTextAsync("28");

        // A supporting document, mapped to a criterion; the typed text survives the upload.
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "budget.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4 budget") });
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "2.1 Explains the contrast" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "2.2 Analyses the challenges" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload document" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Attached budget.pdf");
        await Assertions.Expect(page.Locator("#Sections_1_")).ToHaveValueAsync("Mixed-age classes fund a reading specialist.");
        await Assertions.Expect(page.Locator("[data-document='budget.pdf'] input[type=checkbox]:checked")).ToHaveCountAsync(2);
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for assessment" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Project 2 has been submitted for assessment");
        await Assertions.Expect(page.Locator("#submission-status")).ToHaveTextAsync("Submitted");
        await AssertAccessibleAsync(page);

        // The programme team assigns it.
        var team = await SignInAsync("team@test.example");
        await team.GetByRole(AriaRole.Link, new() { Name = "Projects", Exact = true }).ClickAsync();
        await AssertAccessibleAsync(team);
        await team.GetByRole(AriaRole.Link, new() { Name = "Submissions: assign assessors and release outcomes" }).ClickAsync();
        await AssertAccessibleAsync(team);
        await team.Locator("#submissions tbody a").First.ClickAsync();
        await team.GetByLabel("Assign to").SelectOptionAsync(new SelectOptionValue { Label = "Ash Assessor (0 assessments in hand)" });
        await team.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await Assertions.Expect(team.Locator(".govuk-notification-banner")).ToContainTextAsync("Assigned to Ash Assessor");
        await AssertAccessibleAsync(team);

        // The assessor judges it beside the account.
        var assessor = await SignInAsync("assessor@test.example");
        await assessor.Locator("#assignments").GetByRole(AriaRole.Link, new() { Name = "Dana Delegate" }).ClickAsync();
        await Assertions.Expect(assessor.Locator("#account")).ToContainTextAsync("Mixed-age classes fund a reading specialist.");
        await Assertions.Expect(assessor.Locator("#account")).ToContainTextAsync("Evidences: 2.1, 2.2");
        await AssertAccessibleAsync(assessor);
        await assessor.GetByRole(AriaRole.Button, new() { Name = "Complete the assessment" }).ClickAsync();
        await Assertions.Expect(assessor.Locator(".govuk-error-summary")).ToContainTextAsync("Choose met or not met for criterion 2.1");
        await AssertAccessibleAsync(assessor);
        await assessor.Locator("#assessment-000-1").GetByLabel("Met", new() { Exact = true }).CheckAsync();
        await assessor.GetByLabel("Comment on 2.1").FillAsync("The contrast is clear and well evidenced.");
        await assessor.Locator("#assessment-001-1").GetByLabel("Met", new() { Exact = true }).CheckAsync();
        await assessor.GetByLabel("Comment on 2.2").FillAsync("The budget shows the analysis.");
        await assessor.GetByLabel("Passed", new() { Exact = true }).CheckAsync();
        await assessor.GetByLabel("Overall comment for the delegate").FillAsync("A thoughtful plan that governors could act on.");
        await assessor.GetByRole(AriaRole.Button, new() { Name = "Complete the assessment" }).ClickAsync();
        await Assertions.Expect(assessor.Locator(".govuk-notification-banner")).ToContainTextAsync("Assessment complete");
        await AssertAccessibleAsync(assessor);

        // The team releases it after confirming.
        await team.ReloadAsync();
        await team.GetByRole(AriaRole.Button, new() { Name = "Release the outcome" }).ClickAsync();
        await AssertAccessibleAsync(team);
        await team.GetByRole(AriaRole.Button, new() { Name = "Yes, release the outcome" }).ClickAsync();
        await Assertions.Expect(team.Locator(".govuk-notification-banner")).ToContainTextAsync("Released the outcome to Dana Delegate");

        // The delegate reads the outcome.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#outcome")).ToContainTextAsync("Project 2 has passed.");
        await Assertions.Expect(page.Locator("#judgements")).ToContainTextAsync("The contrast is clear and well evidenced.");
        await AssertAccessibleAsync(page);
        await page.GotoAsync("/Projects");
        await Assertions.Expect(page.Locator("#status-2")).ToHaveTextAsync("Outcome: Passed");
        Assert.Equal(SubmissionStatus.Released, await App.WithDbAsync(db => db.Submissions.Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task ProgrammeTeamTutorAndDelegatePages_AreAccessible()
    {
        await Data.ProgrammeTeamAsync();
        var tutor = await Data.TutorAsync();
        var cohort = await Data.CohortAsync();
        var me = await Data.DelegateAsync(cohort, "d@test.example", tutor: tutor, name: "Dana Delegate");
        await Data.Project1Async(me, boardBeforeImplementation: false);
        await Data.Project2Async(me);
        var criterion = await Data.CriterionAsync(1, "1.1", "Sets a SMART target");
        var participantId = await Data.ParticipantIdAsync(me);

        var team = await SignInAsync("team@test.example");
        foreach (var path in new[]
        {
            $"/Programme/Projects/Delegate/{participantId}", "/Programme/Projects/Criteria", $"/Programme/Projects/Criterion/{criterion.Id}",
            "/Programme/Projects/Criterion", "/Programme/Projects/Terms", "/Programme/Projects/Term", "/Programme/Projects/BankHolidays",
            "/Programme/Projects/Exemplars", "/Programme/Projects/Submissions",
        })
        {
            await team.GotoAsync(path);
            await AssertAccessibleAsync(team);
        }
        await team.GotoAsync("/Programme/Projects/BankHolidays");
        await team.GetByLabel("Upload a bank holiday file").SetInputFilesAsync(new FilePayload { Name = "bank-holidays.json", MimeType = "application/json", Buffer = "{\"england-and-wales\": {\"events\": [{\"date\": \"2027-13-01\"}]}}"u8.ToArray() });
        await team.GetByRole(AriaRole.Button, new() { Name = "Upload and replace the list" }).ClickAsync();
        await Assertions.Expect(team.Locator(".govuk-error-summary")).ToContainTextAsync("Event 1 has no title.");
        await AssertAccessibleAsync(team);

        var tutorPage = await SignInAsync("tutor@test.example");
        await tutorPage.GetByRole(AriaRole.Link, new() { Name = "Follow your NPQH delegates' projects" }).ClickAsync();
        await AssertAccessibleAsync(tutorPage);
        await tutorPage.GetByRole(AriaRole.Link, new() { Name = "Dana Delegate" }).ClickAsync();
        await Assertions.Expect(tutorPage.Locator("[data-requirement='board-before-implementation']")).ToContainTextAsync("Not met");
        await AssertAccessibleAsync(tutorPage);

        var delegatePage = await SignInAsync("d@test.example");
        foreach (var path in new[] { "/Projects/Project1", "/Projects/Project2", "/Projects/Budget", "/Projects/Exemplars", "/Projects/Submission/1" })
        {
            await delegatePage.GotoAsync(path);
            await AssertAccessibleAsync(delegatePage);
        }
        await delegatePage.GotoAsync("/Projects/Project1");
        await delegatePage.Locator("#Input_Start_Day").FillAsync("31");
        await delegatePage.Locator("#Input_Start_Month").FillAsync("2");
        await delegatePage.GetByRole(AriaRole.Button, new() { Name = "Save Project 1" }).ClickAsync();
        await Assertions.Expect(delegatePage.Locator(".govuk-error-summary")).ToContainTextAsync("The start date must be a real date");
        await AssertAccessibleAsync(delegatePage);
    }

    private static async Task LogDayAsync(IPage page, string day, string month, string year, string activity)
    {
        await page.Locator("#Day_Date_Day").FillAsync(day);
        await page.Locator("#Day_Date_Month").FillAsync(month);
        await page.Locator("#Day_Date_Year").FillAsync(year);
        await page.Locator("#Day_Activity").FillAsync(activity);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add this day" }).ClickAsync();
    }
}
