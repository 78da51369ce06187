using System.Text;
using Microsoft.Playwright;
using Roundtable.Web.People;

namespace Roundtable.BrowserTests;

// The programme team sets up a cohort and brings its delegates in from a spreadsheet.
public class ProgrammeTeamJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task CreateCohort_ImportDelegates_SeeThemListed()
    {
        await Data.ProgrammeTeamAsync();
        await Data.TutorAsync();
        await Data.CohortAsync("Existing cohort");
        var page = await SignInAsync("team@test.example");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Cohorts", Exact = true }).ClickAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a cohort" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save cohort" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the cohort's name");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Cohort name").FillAsync("NPQH Spring 2027");
        await page.GetByLabel("Day").FillAsync("11");
        await page.GetByLabel("Month").FillAsync("1");
        await page.GetByLabel("Year").FillAsync("2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save cohort" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("NPQH Spring 2027");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Import delegates from CSV" }).ClickAsync();
        await AssertAccessibleAsync(page);
        var csv = "email,name,school_urn,school_name,phase,setting_type,region,number_on_roll,birthday,tutor_email\n"
            + "ana@test.example,Ana Acre,111111,Acre Primary,Primary,Academy,London,300,02/02,tutor@test.example\n"
            + "ben@test.example,Ben Birch,222222,Birch High,Secondary,Maintained,North West,1200,,\n"
            + "bad-email,Cal Cole,333333,Cole School,Primary,Academy,London,,,\n";
        await page.GetByLabel("Upload a CSV file").SetInputFilesAsync(new FilePayload { Name = "spring.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check the import");
        await Assertions.Expect(page.Locator("#import-errors")).ToContainTextAsync("error: bad e-mail address 'bad-email'");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and import" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("nothing was imported");

        await page.GetByLabel("Skip the 1 row with errors and import the rest").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and import" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("2 new delegates");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Ana Acre");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Ben Birch");
        await AssertAccessibleAsync(page);

        // Issue 12: the team lets the cohort's tutors see whole groups' problem cards.
        await page.GetByRole(AriaRole.Button, new() { Name = "Let tutors see whole groups" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("now see every problem card");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Limit tutors to their own delegates" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task PeopleSchoolsAndProgrammes_PagesAreAccessible_AndAPersonCanBeAdded()
    {
        await Data.ProgrammeTeamAsync();
        await Data.CohortAsync();
        await Data.SchoolAsync();
        var page = await SignInAsync("team@test.example");

        foreach (var (link, heading) in new[] { ("People", "People"), ("Schools", "Schools"), ("Programmes", "Programmes") })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
            await AssertAccessibleAsync(page);
        }

        await page.GotoAsync("/Programme/Schools/Edit");
        await AssertAccessibleAsync(page);
        await page.GotoAsync("/Programme/People/Edit");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Full name").FillAsync("Rae Reader");
        await page.GetByLabel("E-mail address").FillAsync("rae@test.example");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Assessor" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Tutor" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Saved Rae Reader");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Sent an invitation to rae@test.example");
        Assert.Equal("You have been invited to Roundtable", (await App.Smtp.WaitForMessageToAsync("rae@test.example")).Subject);
    }

    [Fact]
    public async Task Delegate_IsTurnedAwayFromProgrammePages()
    {
        var cohort = await Data.CohortAsync();
        await Data.DelegateAsync(cohort, "d@test.example");
        var page = await SignInAsync("d@test.example");

        await page.GotoAsync("/Programme/People");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You do not have access to this page");
        await Assertions.Expect(page.Locator(".govuk-service-navigation")).Not.ToContainTextAsync("People");
        await AssertAccessibleAsync(page);
    }
}
