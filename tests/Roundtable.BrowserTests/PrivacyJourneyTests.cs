using System.IO.Compression;
using Microsoft.Playwright;
using Roundtable.Tests.Infrastructure;

namespace Roundtable.BrowserTests;

// Personal data as people meet it: a delegate downloads their data; the team erases someone after
// the confirmation; the privacy page from the footer and the retention page. Every page passes axe.
public class PrivacyJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task DownloadMyData_FromTheAccountPage()
    {
        await Data.RichWorldAsync(App);
        var page = await SignInAsync(PrivacyBuilders.DanaEmail);

        await page.GotoAsync("/Me");
        await AssertAccessibleAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download my data" }).ClickAsync());

        Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(await download.PathAsync());
        Assert.Contains(zip.Entries, e => e.FullName == "account.json");
        Assert.Contains(zip.Entries, e => e.FullName == "problem-cards.json");
        Assert.Contains(zip.Entries, e => e.FullName.StartsWith("files/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheTeamErasesSomeone_AfterTheConfirmation()
    {
        var world = await Data.RichWorldAsync(App);
        var page = await SignInAsync("team@test.example");

        await page.GotoAsync($"/Programme/People/Edit/{world.Dana.Id}");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Erase {PrivacyBuilders.DanaName}");
        await Assertions.Expect(page.Locator("#will-delete")).ToContainTextAsync("problem cards");
        await Assertions.Expect(page.Locator("#will-keep")).ToContainTextAsync("assessment outcome");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Erase {PrivacyBuilders.DanaName}" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Confirm that you want to erase this person");
        await AssertAccessibleAsync(page);

        await page.GetByLabel($"I understand that erasing {PrivacyBuilders.DanaName} cannot be undone").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Erase {PrivacyBuilders.DanaName}" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("personal data has been erased");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(PrivacyBuilders.DanaEmail);
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task PrivacyPage_FromTheFooter_AndTheRetentionPage()
    {
        await Data.RichWorldAsync(App);
        var page = await SignInAsync("team@test.example");

        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Privacy" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("How we use your personal data");
        await Assertions.Expect(page.Locator("#cookies + p")).ToContainTextAsync("only essential cookies");
        await AssertAccessibleAsync(page);

        await page.GotoAsync("/Programme/Retention");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Invoices, months from the invoice date").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save retention periods" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a whole number of months");
        await AssertAccessibleAsync(page);
    }
}
