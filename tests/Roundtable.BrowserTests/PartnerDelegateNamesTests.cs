using Microsoft.Playwright;
using Roundtable.Tests.Infrastructure;

namespace Roundtable.BrowserTests;

// Every partner page names a delegate the same way, "Full name (School)": the home's lists, the
// tutorial and the feedback form. Two delegates with the same name are told apart by their school.
public class PartnerDelegateNamesTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task PartnerPages_NameTheDelegate_AsFullNameAndSchool()
    {
        var cohort = await Data.CohortAsync();
        var north = await Data.SchoolAsync(200001, "Northfield Primary");
        var south = await Data.SchoolAsync(200002, "Southgate Academy");
        var first = await Data.DelegateAsync(cohort, "sam1@test.example", school: north, name: "Sam Taylor");
        var second = await Data.DelegateAsync(cohort, "sam2@test.example", school: south, name: "Sam Taylor");
        var partner = await Data.PartnerAsync();
        var profile = await App.PartnerProfileAsync(partner);
        var held = await App.BookingAsync(await App.SlotAsync(profile, TimeSpan.FromHours(-3)), first);
        var upcoming = await App.BookingAsync(await App.SlotAsync(profile, TimeSpan.FromDays(2)), second);

        var page = await SignInAsync("partner@test.example");
        var main = page.Locator("main");
        await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = "Record feedback for Sam Taylor (Northfield Primary)" })).ToBeVisibleAsync();
        await Assertions.Expect(main.GetByRole(AriaRole.Cell, new() { Name = "Sam Taylor (Southgate Academy)", Exact = true })).ToHaveCountAsync(1);
        await Assertions.Expect(main).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Sam Taylor(?! \()"));
        await AssertAccessibleAsync(page);

        await page.GotoAsync($"/Partner/Tutorial/{upcoming.Id}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tutorial with Sam Taylor (Southgate Academy)");
        await Assertions.Expect(page.Locator(".govuk-summary-list__row", new() { HasTextString = "Delegate" }).First.Locator("dd")).ToHaveTextAsync("Sam Taylor (Southgate Academy)");
        await AssertAccessibleAsync(page);

        await page.GotoAsync($"/Partner/Feedback/{held.Id}");
        await Assertions.Expect(page.Locator(".govuk-summary-list__row", new() { HasTextString = "Delegate" }).First.Locator("dd")).ToHaveTextAsync("Sam Taylor (Northfield Primary)");
        await AssertAccessibleAsync(page);
    }
}
