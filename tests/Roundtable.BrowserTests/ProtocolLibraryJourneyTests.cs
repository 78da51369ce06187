using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Roundtable.Tests.Infrastructure;

namespace Roundtable.BrowserTests;

// The programme team copies a preset, edits its steps (without JavaScript's help: every button is a
// form post), sees the totals, saves a new version and makes it a programme's default.
public class ProtocolLibraryJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task ProgrammeTeam_CopiesAPreset_EditsItsSteps_AndSetsItAsTheDefault()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync();
        var programme = await App.WithDbAsync(db => db.Programmes.Where(p => p.Id == cohort.ProgrammeId).Select(p => p.Name).SingleAsync());
        var page = await SignInAsync("team@test.example");

        await page.GotoAsync("/Programme/Protocols");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Protocol library");
        await Assertions.Expect(page.Locator("#protocols tbody tr")).ToHaveCountAsync(5);
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Consultancy protocol" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Groups of 4: 58 minutes");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy this protocol" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Edit Copy of Consultancy protocol");
        await Assertions.Expect(page.Locator("#totals")).ToContainTextAsync("Groups of 4: 58 minutes");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Consultancy, longer discussion");
        await page.GetByLabel("Step 4: minutes", new() { Exact = true }).FillAsync("9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a step" }).ClickAsync();

        await Assertions.Expect(page.Locator(".rt-protocol-step")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("#totals")).ToContainTextAsync("Groups of 4: 86 minutes");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Step 6: name", new() { Exact = true }).FillAsync("Silent reflection");
        await page.GetByLabel("Step 6: who speaks", new() { Exact = true }).SelectOptionAsync("All");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Step 2", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator(".rt-protocol-step")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("#totals")).ToContainTextAsync("Groups of 4: 78 minutes");
        await Assertions.Expect(page.GetByLabel("Step 5: name", new() { Exact = true })).ToHaveValueAsync("Silent reflection");

        // A step without minutes is refused with the error beside it.
        await page.GetByLabel("Step 5: minutes", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the minutes for Silent reflection");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Step 5: minutes", new() { Exact = true }).FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Consultancy, longer discussion");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Saved Consultancy, longer discussion as version 2");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Groups of 4: 78 minutes");
        await AssertAccessibleAsync(page);

        await page.GotoAsync("/Programme/Protocols");
        await page.GetByLabel("Programme", new() { Exact = true }).SelectOptionAsync(programme);
        await page.GetByLabel("Default protocol", new() { Exact = true }).SelectOptionAsync("Consultancy, longer discussion");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the default" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Saved the programme's default protocol");
        await Assertions.Expect(page.Locator("#protocols tr", new() { HasText = "Consultancy, longer discussion" })).ToContainTextAsync(programme);
        await AssertAccessibleAsync(page);
    }
}
