using Microsoft.Playwright;
using Roundtable.Web.People;

namespace Roundtable.BrowserTests;

// From the header to the account page: create the calendar address, get a new one, stop it; every
// step passes axe.
public class AccountPageJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task CalendarAddress_CreateRenewAndStop()
    {
        await Data.UserAsync("me@test.example", "Morgan Example", [Roles.Partner]);
        var page = await SignInAsync("me@test.example");

        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Your account" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your account");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Create my calendar address" }).ClickAsync();
        var address = page.GetByLabel("Your calendar address");
        await Assertions.Expect(address).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^http://localhost/calendar/.+\\.ics$"));
        var first = await address.InputValueAsync();
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Get a new address" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("new calendar address");
        Assert.NotEqual(first, await page.GetByLabel("Your calendar address").InputValueAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Stop my calendar address" }).ClickAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop my calendar address" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create my calendar address" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }
}
