using Microsoft.Playwright;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.BrowserTests;

// A delegate prepares a problem card by keyboard alone: the error summary lists the errors in the order
// of the fields, a radio group's error link lands on its first radio, and its message is tied to the fieldset.
public class ProblemCardKeyboardTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task EmptyCard_ErrorsInFieldOrder_RadioLinkLandsOnFirstRadio_ThenSavedByKeyboard()
    {
        var cohort = await Data.CohortAsync();
        var members = new List<AppUser>();
        for (var i = 1; i <= 4; i++)
        {
            members.Add(await Data.DelegateAsync(cohort, $"p{i}@test.example", birthday: new Birthday(i, 2), name: $"Card Member {i}"));
        }
        var group = await App.GroupAsync(cohort, members);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(3));

        var page = await SignInAsync("p2@test.example");
        await page.GotoAsync($"/Communities/Problem/{session.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my problem card" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        var links = await summary.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(["#Input_Problem", "#Input_Evidence", "#Input_Context", "#Input_Why", "#Input_FrameworkArea", "#specific-Yes", "#solvable-Yes", "#controllable-Yes"], links);
        await Assertions.Expect(page.Locator("fieldset:has(#specific-Yes)")).ToHaveAttributeAsync("aria-describedby", "specific-hint specific-error");
        await Assertions.Expect(page.Locator("#specific-error")).ToContainTextAsync("Answer yes, unsure or no for specific");
        await AssertAccessibleAsync(page);

        await summary.Locator("a[href='#specific-Yes']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#specific-Yes")).ToBeFocusedAsync();

        // Everything by keyboard from the first field down.
        foreach (var (field, text) in new[] { ("Problem", "Pupils forget what they are taught"), ("Evidence", "End-of-unit results"), ("Context", "A new head of maths"), ("Why", "Knowledge builds over time") })
        {
            await page.Locator($"#Input_{field}").FocusAsync();
            await page.Keyboard.TypeAsync(text);
            await Assertions.Expect(page.Locator($"#Input_{field}")).ToHaveValueAsync(text);
        }
        await page.Locator("#Input_FrameworkArea").SelectOptionAsync("Curriculum and assessment");
        foreach (var key in new[] { "specific", "solvable", "controllable" })
        {
            await page.Locator($"#{key}-Yes").FocusAsync();
            await page.Keyboard.PressAsync(" ");
            await Assertions.Expect(page.Locator($"#{key}-Yes")).ToBeCheckedAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my problem card" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".govuk-panel")).ToContainTextAsync("Suitable problem? Yes");
        await AssertAccessibleAsync(page);
    }
}
