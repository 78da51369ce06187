using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Roundtable.Web.Data;

namespace Roundtable.BrowserTests;

// One word for one thing, and no unexplained jargon, on the demo data a newcomer sees.
public class PlainWordsTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    private async Task<IPage> DemoAsync(string who)
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync();
        }
        return await SignInAsync($"{who}@{DemoData.Domain}", DemoData.Password);
    }

    [Fact]
    public async Task Partner_InvoicePages_SayTutorial_NeverConsultation()
    {
        var page = await DemoAsync("partner1");
        await page.GotoAsync("/Partner/Invoices");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Tutorials to invoice");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("onsultation");
        await AssertAccessibleAsync(page);
        await page.Locator("main table a.govuk-link").First.ClickAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("onsultation");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Team_SeesLikenessExplained_DaysLoggedAndNeeded_NeedsAttentionNotFlags()
    {
        var page = await DemoAsync("programme");
        await page.GotoAsync("/Programme/Communities");
        // The demo cohort whose groups are formed (the reminder demo adds small cohorts beside it).
        await page.Locator("main table a.govuk-link").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"NPQH [A-Z][a-z]+ \d{4}") }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#likeness-explained")).ToContainTextAsync("how alike its members are");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Likeness \d+%"));
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Score");
        await AssertAccessibleAsync(page);

        await page.GotoAsync("/Programme/Projects");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d+ days logged; 9 needed"));
        await AssertAccessibleAsync(page);

        await page.GotoAsync("/Programme/Tutorials");
        await Assertions.Expect(page.Locator("#bookings th", new() { HasText = "Needs attention" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Flags");
        await AssertAccessibleAsync(page);
    }
}
