using Microsoft.Playwright;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.BrowserTests;

// The chair runs the protocol on one screen; a member's screen follows within a second.
public class LiveSessionJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task MemberScreen_FollowsTheChair()
    {
        var cohort = await Data.CohortAsync();
        var members = new List<AppUser>();
        for (var i = 1; i <= 4; i++)
        {
            members.Add(await Data.DelegateAsync(cohort, $"l{i}@test.example", birthday: new Birthday(i, 1), name: $"Live Member {i}"));
        }
        var group = await App.GroupAsync(cohort, members);
        var session = await App.SessionAsync(group, TimeSpan.Zero);

        var chair = await SignInAsync("l1@test.example");
        var member = await SignInAsync("l3@test.example");
        await chair.GotoAsync($"/Communities/Live/{session.Id}");
        await member.GotoAsync($"/Communities/Live/{session.Id}");
        await Assertions.Expect(member.Locator("#live-status")).ToHaveTextAsync("Waiting for the chair to start the session.");
        await Assertions.Expect(member.Locator("#live-controls")).ToBeHiddenAsync();
        await AssertAccessibleAsync(member);

        await chair.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(member.Locator("#live-step")).ToHaveTextAsync("Reconnect", new() { Timeout = 3000 });
        // The browser counts down in real time from the stored step end.
        await Assertions.Expect(member.Locator("#live-time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^0[45]:[0-5][0-9]$"));
        await AssertAccessibleAsync(chair);

        // Keyboard shortcut for "next step", then the button.
        await chair.Keyboard.PressAsync("n");
        await Assertions.Expect(member.Locator("#live-step")).ToHaveTextAsync("Turn 1: Introduce the problem", new() { Timeout = 3000 });
        await Assertions.Expect(member.Locator("#live-owner")).ToHaveTextAsync("Problem owner: Live Member 1");
        await Assertions.Expect(member.Locator("#live-announcer")).ToContainTextAsync("Now: Turn 1: Introduce the problem");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Next step" }).ClickAsync();
        await chair.GetByRole(AriaRole.Button, new() { Name = "Next step" }).ClickAsync();
        await Assertions.Expect(member.Locator("#live-step")).ToHaveTextAsync("Turn 1: Look deeper", new() { Timeout = 3000 });
        await Assertions.Expect(member.Locator("#live-silent")).ToBeVisibleAsync();

        await chair.GetByRole(AriaRole.Button, new() { Name = "Add a minute" }).ClickAsync();
        // Look deeper is four minutes; with one added the countdown shows over four.
        await Assertions.Expect(member.Locator("#live-time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^04:[3-5][0-9]$"), new() { Timeout = 3000 });
        await chair.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Assertions.Expect(member.Locator("#live-status")).ToHaveTextAsync("Paused by the chair.", new() { Timeout = 3000 });

        // The chair drops out; another member takes over and carries on.
        await member.GetByRole(AriaRole.Button, new() { Name = "Take over as chair" }).ClickAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Yes, take over as chair" }).ClickAsync();
        await Assertions.Expect(member.Locator("#live-controls")).ToBeVisibleAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Assertions.Expect(chair.Locator("#live-status")).ToHaveTextAsync("Running. Chair: Live Member 3.", new() { Timeout = 3000 });
        await Assertions.Expect(chair.Locator("#live-controls")).ToBeHiddenAsync();
        await AssertAccessibleAsync(member);

        // A screen that reloads comes back to the same step and time.
        await chair.ReloadAsync();
        await Assertions.Expect(chair.Locator("#live-step")).ToHaveTextAsync("Turn 1: Look deeper");

        // The new chair keeps the record as they go; a reload loses nothing typed.
        await member.GotoAsync($"/Communities/Record/{session.Id}");
        await member.GetByLabel("Reconnect: successes shared").FillAsync("Typed before the reload");
        await member.ReloadAsync();
        await Assertions.Expect(member.GetByLabel("Reconnect: successes shared")).ToHaveValueAsync("Typed before the reload");
        await Assertions.Expect(member.Locator("[data-autosave-notice]")).ToBeVisibleAsync();
        await AssertAccessibleAsync(member);
    }
}
