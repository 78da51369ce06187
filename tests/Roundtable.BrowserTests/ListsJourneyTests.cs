using Microsoft.Playwright;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.BrowserTests;

// The programme team searches and filters a list, sorts it by a column, goes to page 2 and downloads
// the CSV of the same list; every list page passes axe.
public class ListsJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task ProgrammeTeam_SearchesFiltersSortsPagesAndDownloadsAList()
    {
        await Data.ProgrammeTeamAsync();
        for (var i = 1; i <= 53; i++)
        {
            await Data.UserAsync($"zed{i:00}@test.example", $"Zed Tutor {i:00}", [Roles.Tutor], password: null);
        }
        await Data.UserAsync("zed.partner@test.example", "Zed Partner", [Roles.Partner], password: null);
        var page = await SignInAsync("team@test.example");

        await page.GotoAsync("/Programme/People");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Name or e-mail").FillAsync("zed");
        await page.GetByLabel("Role").SelectOptionAsync(Roles.Tutor);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page.Locator("#list-count")).ToHaveTextAsync("53 people match");

        // Sorted by name (A to Z) by default: the header says so, and choosing it turns the order round.
        await Assertions.Expect(page.Locator("th[data-sort=name]")).ToHaveAttributeAsync("aria-sort", "ascending");
        await page.GetByRole(AriaRole.Link, new() { Name = "Name", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("th[data-sort=name]")).ToHaveAttributeAsync("aria-sort", "descending");
        await Assertions.Expect(page.Locator("#list tbody tr").First).ToContainTextAsync("Zed Tutor 53");
        await AssertAccessibleAsync(page);

        await page.Locator(".govuk-pagination__next a").ClickAsync();
        await Assertions.Expect(page.Locator("#list tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#list tbody tr").First).ToContainTextAsync("Zed Tutor 03");
        await Assertions.Expect(page.GetByLabel("Name or e-mail")).ToHaveValueAsync("zed");
        await AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#list-csv").ClickAsync());
        Assert.Equal("people.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(54, lines.Length);
        Assert.StartsWith("Zed Tutor 53,", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Programme/Schools")]
    [InlineData("/Programme/Groups")]
    [InlineData("/Programme/Sessions")]
    [InlineData("/Programme/Tutorials")]
    [InlineData("/Programme/Invoices")]
    [InlineData("/Programme/Projects")]
    [InlineData("/Programme/Projects/Submissions")]
    [InlineData("/Programme/AtRisk")]
    public async Task EveryListPage_PassesAxe(string path)
    {
        await Data.ProgrammeTeamAsync();
        await Data.CohortAsync();
        var page = await SignInAsync("team@test.example");

        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("#list-csv")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }
}
