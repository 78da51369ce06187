using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.BrowserTests;

// Eight present: the chair sees the proposed breakouts and starts; two breakouts run side by side,
// each with its own chair and members' screens; then everyone comes back for the shared review.
public class BreakoutJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task EightMembers_TwoBreakoutsSideBySide_ThenTheSharedReview()
    {
        var cohort = await Data.CohortAsync();
        var schools = new List<School>();
        for (var k = 1; k <= 4; k++)
        {
            schools.Add(await Data.SchoolAsync(320000 + k, $"Breakout School {k}"));
        }
        var members = new List<AppUser>();
        for (var i = 1; i <= 8; i++)
        {
            members.Add(await Data.DelegateAsync(cohort, $"bk{i}@test.example", schools[(i - 1) / 2], birthday: new Birthday(i, 1), name: $"Breakout Member {i}"));
        }
        var group = await App.GroupAsync(cohort, members);
        var session = await App.SessionAsync(group, TimeSpan.Zero);
        var url = $"/Communities/Live/{session.Id}";

        var lead = await SignInAsync("bk1@test.example");
        await lead.GotoAsync(url);
        await Assertions.Expect(lead.Locator("#live-breakouts-heading")).ToHaveTextAsync("Proposed breakouts");
        await Assertions.Expect(lead.Locator("#live-breakouts-table tbody tr")).ToHaveCountAsync(2);
        await AssertAccessibleAsync(lead);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        // The chair is a member too: their screen becomes their own breakout's.
        await Assertions.Expect(lead.Locator("h1")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Breakout [12]$"), new() { Timeout = 5000 });

        var breakouts = await App.WithDbAsync(db => db.LiveBreakouts.Include(b => b.Members).Where(b => b.SessionId == session.Id).OrderBy(b => b.Number).ToListAsync());
        Assert.Equal(2, breakouts.Count);
        string Email(string id) => members.First(m => m.Id == id).Email!;
        var chairs = new List<IPage>();
        var screens = new List<IPage>();
        foreach (var b in breakouts)
        {
            var chairPage = b.ChairId == members[0].Id ? lead : await SignInAsync(Email(b.ChairId!));
            var memberPage = await SignInAsync(Email(b.Members.First(m => m.UserId != b.ChairId && m.UserId != members[0].Id).UserId));
            foreach (var page in new[] { chairPage, memberPage })
            {
                await page.GotoAsync(url);
                await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Breakout {b.Number}");
                await Assertions.Expect(page.Locator("#live-step")).ToHaveTextAsync("Reconnect");
            }
            chairs.Add(chairPage);
            screens.Add(memberPage);
        }
        await Assertions.Expect(chairs[0].Locator("#live-controls")).ToBeVisibleAsync();
        await Assertions.Expect(screens[0].Locator("#live-controls")).ToBeHiddenAsync();
        await Assertions.Expect(screens[0].GetByRole(AriaRole.Link, new() { Name = "See the whole session's overview" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(chairs[0]);
        await AssertAccessibleAsync(screens[1]);

        // Breakout 1 moves on; breakout 2's screen stays where its own chair left it.
        await chairs[0].GetByRole(AriaRole.Button, new() { Name = "Next step" }).ClickAsync();
        await Assertions.Expect(screens[0].Locator("#live-step")).ToHaveTextAsync("Turn 1: Introduce the problem", new() { Timeout = 3000 });
        await Assertions.Expect(screens[1].Locator("#live-step")).ToHaveTextAsync("Reconnect");
        await chairs[1].GetByRole(AriaRole.Button, new() { Name = "Next step" }).ClickAsync();
        await Assertions.Expect(screens[1].Locator("#live-step")).ToHaveTextAsync("Turn 1: Introduce the problem", new() { Timeout = 3000 });

        // The whole session's overview shows each breakout's progress.
        var overview = await SignInAsync(Email(breakouts[0].Members.First(m => m.UserId != breakouts[0].ChairId && m.UserId != members[0].Id).UserId));
        await overview.GotoAsync($"{url}?view=session");
        await Assertions.Expect(overview.Locator("#live-breakouts-table tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(overview.Locator("#live-breakouts-table tbody tr").First).ToContainTextAsync("Step 2 of");
        await AssertAccessibleAsync(overview);

        // Both breakouts finish their turns: every screen comes back for the shared review.
        foreach (var chairPage in chairs)
        {
            chairPage.Dialog += (_, dialog) => dialog.AcceptAsync();
            await chairPage.GetByRole(AriaRole.Button, new() { Name = "Finish" }).ClickAsync();
        }
        foreach (var page in screens)
        {
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Live session", new() { Timeout = 5000 });
            await Assertions.Expect(page.Locator("#live-step")).ToHaveTextAsync("Review", new() { Timeout = 3000 });
        }
        await Assertions.Expect(overview.Locator("#live-step")).ToHaveTextAsync("Review", new() { Timeout = 3000 });
        await AssertAccessibleAsync(screens[0]);
    }
}
