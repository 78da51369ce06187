using Microsoft.Playwright;
using Roundtable.Tests.Dfe;
using Roundtable.Tests.Infrastructure;

namespace Roundtable.BrowserTests;

// The programme team syncs with the fake DfE, reviews the applications, accepts one into a cohort
// (the new delegate shows in the cohort, school matched by URN), rejects another, and defers the new
// delegate through the Training page. Every page on the way passes axe. Sending declarations is
// DfeDeclarationsJourneyTests' journey.
public class DfeApplicationsJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Team_SyncsAcceptsAnApplication_SeesTheNewDelegate_AndDefersThem()
    {
        await using var fake = await FakeDfeServer.StartAsync();
        fake.Clock = App.Clock;
        await App.ConnectAsync(fake);
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.DfeCohortAsync(App, "NPQH Autumn 2026");
        await Data.SchoolAsync(190003, "St Aldhelm's CE Primary");
        fake.AddApplication("Harriet Penhallow", schoolUrn: "190003");
        fake.AddApplication("Idris Mabry", schoolUrn: "190007");

        var page = await SignInAsync("team@test.example");
        await page.GotoAsync("/Programme/Dfe");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("DfE link");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sync with DfE" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Synced with DfE: 2 applications");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Review applications" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Applications from DfE");
        await Assertions.Expect(page.Locator("#applications")).ToContainTextAsync("Harriet Penhallow");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Review Harriet Penhallow" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Application from Harriet Penhallow");
        await Assertions.Expect(page.Locator("#application")).ToContainTextAsync("190003");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept and tell DfE" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Cohort", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "NPQH Autumn 2026" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept and tell DfE" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Harriet Penhallow accepted: DfE has it, and they are a delegate of the cohort.");
        await AssertAccessibleAsync(page);
        Assert.Equal("accepted", fake.Applications.Single(a => a.FullName == "Harriet Penhallow").Status);

        await page.GetByRole(AriaRole.Link, new() { Name = "Review Idris Mabry" }).ClickAsync();
        await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("Already on another provider's course.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject and tell DfE" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Idris Mabry's application rejected: DfE has it.");
        await Assertions.Expect(page.Locator("#no-applications")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        Assert.Equal("rejected", fake.Applications.Single(a => a.FullName == "Idris Mabry").Status);

        await page.GotoAsync($"/Programme/Cohorts/Details/{cohort.Id}");
        var row = page.Locator("tr", new() { HasText = "Harriet Penhallow" });
        await Assertions.Expect(row).ToContainTextAsync("St Aldhelm's CE Primary");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "DfE training status: active of Harriet Penhallow" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Training status of Harriet Penhallow");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Deferred (taking a break)").CheckAsync();
        await page.GetByLabel("Reason given to DfE").SelectOptionAsync(new SelectOptionValue { Label = "Parental leave" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Record and tell DfE" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Recorded, and DfE has it.");
        await Assertions.Expect(page.Locator("#training-status")).ToHaveTextAsync("Deferred");
        await AssertAccessibleAsync(page);
        Assert.Equal("deferred", fake.Participants.Single().Enrolments.Single().TrainingStatus);
        Assert.Empty(fake.Violations);
    }
}
