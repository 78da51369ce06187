using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Roundtable.Web.Data;

namespace Roundtable.BrowserTests;

// Each role's home says what to do next, on the demo data a newcomer sees.
public partial class HomesTests(BrowserAppFixture fixture) : BrowserTest(fixture)
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
    public async Task Delegate_Home_ShowsNextSession_Tutorial_AndEachProjectsNextStep()
    {
        var page = await DemoAsync("delegate2");
        await page.GotoAsync("/Delegate");
        await Assertions.Expect(page.Locator("#next-session")).ToContainTextAsync("Chair");
        await Assertions.Expect(page.Locator("#next-session")).ToContainTextAsync(new Regex("Prepare your problem card|Ready"));
        await Assertions.Expect(page.Locator("#next-tutorial")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#project-steps li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Birthday");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Team_Home_NeedsAttentionCounts_LinkToTheFilteredLists()
    {
        var page = await DemoAsync("programme");
        await page.GotoAsync("/Programme");
        var invoices = page.Locator("[data-attention=invoices] a");
        await Assertions.Expect(invoices).ToHaveTextAsync(new Regex(@"^[1-9]\d* invoices to approve$"));
        await Assertions.Expect(page.Locator("[data-attention=feedback]")).ToContainTextAsync("feedback overdue");
        await Assertions.Expect(page.Locator("[data-attention=late]")).ToContainTextAsync("late cancellations");
        await Assertions.Expect(page.Locator("[data-attention=questions]")).ToContainTextAsync("questions from community sessions");
        await Assertions.Expect(page.Locator("[data-attention=imports] a")).ToHaveTextAsync(new Regex(@"^[1-9]\d* imports with errors$"));
        await AssertAccessibleAsync(page);
        await invoices.ClickAsync();
        await page.WaitForURLAsync(new Regex("/Programme/Invoices\\?status=Submitted$"));
        await Assertions.Expect(page.Locator("#invoices tbody tr").First).ToContainTextAsync("Submitted");
        await AssertAccessibleAsync(page);

        await page.GotoAsync("/Programme");
        await page.Locator("[data-attention=imports] a").ClickAsync();
        await page.WaitForURLAsync(new Regex("/Programme/Imports$"));
        await AssertAccessibleAsync(page);
        await page.Locator("#imports tbody a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/Programme/Cohorts/Import/\\d+\\?Pending="));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("rhys.tanner-at-example");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Partner_Home_ShowsTutorialsReadyToInvoice_WithTheTotal()
    {
        var page = await DemoAsync("partner1");
        await page.GotoAsync("/Partner");
        await Assertions.Expect(page.Locator("#ready-to-invoice-total")).ToContainTextAsync(new Regex(@"\d+ tutorials ready to invoice, £[\d,]+\.\d\d in fees"));
        await Assertions.Expect(page.Locator("#awaiting-feedback")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Tutor_Home_ShowsEachDelegatesStatus_NamesLinked()
    {
        var page = await DemoAsync("tutor1");
        await page.GotoAsync("/Tutor");
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Sessions attended" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Tutorials" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Projects" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        var first = page.Locator("main table tbody tr td:first-child a").First;
        var name = await first.TextContentAsync();
        await first.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(name!.Trim());
        await AssertAccessibleAsync(page);
    }
}
