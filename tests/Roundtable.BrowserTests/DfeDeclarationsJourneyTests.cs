using Microsoft.Playwright;
using Roundtable.Tests.Dfe;
using Roundtable.Tests.Infrastructure;

namespace Roundtable.BrowserTests;

// The programme team sends declarations to the fake DfE and sees DfE's answers, changes the rules,
// and voids one with its confirmation. Every page on the way passes axe.
public class DfeDeclarationsJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Team_SendsDeclarations_SeesResults_AndVoidsOne()
    {
        await using var fake = await FakeDfeServer.StartAsync();
        fake.Clock = App.Clock;
        await App.ConnectAsync(fake);
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.DfeCohortAsync(App);
        await Data.DfeDelegateAsync(App, cohort, fake, "ada@test.example", sessionsAttended: 1, name: "Ada Lovelace");
        await Data.DfeDelegateAsync(App, cohort, fake, "ben@test.example", sessionsAttended: 1, name: "Ben Okri");

        var page = await SignInAsync("team@test.example");
        await page.GotoAsync("/Programme/Dfe/Declarations");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("DfE declarations");
        await Assertions.Expect(page.Locator("#ready input[type=checkbox]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#ready")).ToContainTextAsync("1 community session attended (16 November 2026)");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send selected" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the declarations to send");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Ada Lovelace", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send selected" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("1 declaration sent to DfE: 1 submitted, 0 refused, 0 failed.");
        var atDfe = Assert.Single(fake.Declarations);
        await Assertions.Expect(page.Locator("#sent [data-dfe-id]")).ToHaveTextAsync(atDfe.Id);
        await Assertions.Expect(page.Locator("#sent")).ToContainTextAsync("Submitted");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send all ready declarations" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("1 declaration sent to DfE: 1 submitted");
        await Assertions.Expect(page.Locator("#nothing-ready")).ToBeVisibleAsync();
        Assert.Equal(2, fake.Declarations.Count);

        await page.GetByRole(AriaRole.Link, new() { Name = "Void Ada Lovelace's Started declaration" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Void Ada Lovelace's started declaration");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Void the declaration" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Ada Lovelace's started declaration has been voided at DfE.");
        await Assertions.Expect(page.Locator("#sent")).ToContainTextAsync("Voided");
        Assert.Contains(fake.Declarations, d => d.Id == atDfe.Id && d.State == "voided");

        await page.GetByRole(AriaRole.Link, new() { Name = "Change the declaration rules" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Declaration rules");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Retained 1: sessions and tutorials attended").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the rules" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a whole number from 1 to 200");
        await AssertAccessibleAsync(page);
        Assert.Empty(fake.Violations);
    }
}
