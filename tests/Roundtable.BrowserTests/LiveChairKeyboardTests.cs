using Microsoft.Playwright;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.BrowserTests;

// The chair runs a session by keyboard alone: only the controls that fit the state show, focus stays on
// the next useful control, shortcuts can be turned off, and finishing leads to the record.
public class LiveChairKeyboardTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    private async Task<(IPage Chair, IPage Member, int SessionId)> LiveAsync()
    {
        var cohort = await Data.CohortAsync();
        var members = new List<AppUser>();
        for (var i = 1; i <= 4; i++)
        {
            members.Add(await Data.DelegateAsync(cohort, $"k{i}@test.example", birthday: new Birthday(i, 1), name: $"Keyboard Member {i}"));
        }
        var group = await App.GroupAsync(cohort, members);
        var session = await App.SessionAsync(group, TimeSpan.Zero);
        var chair = await SignInAsync("k1@test.example");
        var member = await SignInAsync("k3@test.example");
        await chair.GotoAsync($"/Communities/Live/{session.Id}");
        await member.GotoAsync($"/Communities/Live/{session.Id}");
        return (chair, member, session.Id);
    }

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Fact]
    public async Task Chair_ByKeyboard_SeesOnlyFittingControls_FocusFollows_FinishLeadsToRecord()
    {
        var (chair, member, sessionId) = await LiveAsync();
        chair.Dialog += (_, dialog) => dialog.AcceptAsync();

        // Not started: Start only.
        await Assertions.Expect(Button(chair, "Start")).ToBeVisibleAsync();
        foreach (var name in new[] { "Next step", "Previous step", "Pause", "Resume", "Finish" })
        {
            await Assertions.Expect(Button(chair, name)).ToBeHiddenAsync();
        }
        await AssertAccessibleAsync(chair);

        await Button(chair, "Start").FocusAsync();
        await chair.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Button(chair, "Start")).ToBeHiddenAsync();
        await Assertions.Expect(Button(chair, "Resume")).ToBeHiddenAsync();
        await Assertions.Expect(Button(chair, "Pause")).ToBeVisibleAsync();
        await Assertions.Expect(Button(chair, "Next step")).ToBeFocusedAsync();

        await Button(chair, "Pause").FocusAsync();
        await chair.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Button(chair, "Pause")).ToBeHiddenAsync();
        await Assertions.Expect(Button(chair, "Resume")).ToBeFocusedAsync();
        await chair.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Button(chair, "Pause")).ToBeFocusedAsync();
        await Assertions.Expect(member.Locator("#live-status")).ToHaveTextAsync("Running. Chair: Keyboard Member 1.", new() { Timeout = 3000 });

        // Shortcuts turned off: "n" does nothing; turned on again, it moves on.
        await Assertions.Expect(chair.Locator("#live-step")).ToHaveTextAsync("Reconnect");
        await chair.GetByLabel("Use single-key shortcuts").UncheckAsync();
        await chair.Locator("h1").ClickAsync();
        await chair.Keyboard.PressAsync("n");
        await Assertions.Expect(chair.Locator("#live-step")).ToHaveTextAsync("Reconnect");
        await chair.GetByLabel("Use single-key shortcuts").CheckAsync();
        await chair.Locator("h1").ClickAsync();
        await chair.Keyboard.PressAsync("n");
        await Assertions.Expect(chair.Locator("#live-step")).ToHaveTextAsync("Turn 1: Introduce the problem");
        // A key typed in a field is never a shortcut.
        await chair.Locator("#drop-turn").FocusAsync();
        await chair.Keyboard.PressAsync("n");
        await Assertions.Expect(chair.Locator("#live-step")).ToHaveTextAsync("Turn 1: Introduce the problem");

        await Button(chair, "Finish").FocusAsync();
        await chair.Keyboard.PressAsync("Enter");
        await Assertions.Expect(chair.Locator("#live-status")).ToHaveTextAsync("The session has finished.");
        var record = chair.GetByRole(AriaRole.Button, new() { Name = "Open the session record" });
        await Assertions.Expect(record).ToBeFocusedAsync();
        await Assertions.Expect(chair.Locator("#live-owner")).ToBeEmptyAsync();
        await Assertions.Expect(chair.Locator("#live-speakers")).ToBeEmptyAsync();
        await Assertions.Expect(member.Locator("#live-owner")).ToBeEmptyAsync(new() { Timeout = 3000 });
        await Assertions.Expect(member.GetByRole(AriaRole.Button, new() { Name = "Open the session record" })).ToBeVisibleAsync();
        await Assertions.Expect(member.Locator("#live-takeover")).ToBeHiddenAsync();
        await AssertAccessibleAsync(chair);

        // The record link is a link styled as a button: Space follows it, as Enter does. (Focus it again:
        // the axe run above may leave focus elsewhere on a slow machine.)
        await record.FocusAsync();
        await chair.Keyboard.PressAsync(" ");
        await chair.WaitForURLAsync($"**/Communities/Record/{sessionId}");
        await AssertAccessibleAsync(chair);
    }

    [Fact]
    public async Task TakeOver_AsksFirst_AndCancelLeavesTheChairAlone()
    {
        var (chair, member, _) = await LiveAsync();
        await Button(chair, "Start").ClickAsync();
        await Assertions.Expect(member.Locator("#live-status")).ToHaveTextAsync("Running. Chair: Keyboard Member 1.", new() { Timeout = 3000 });

        await Button(member, "Take over as chair").FocusAsync();
        await member.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Button(member, "Yes, take over as chair")).ToBeFocusedAsync();
        await Assertions.Expect(member.Locator("#live-controls")).ToBeHiddenAsync();
        await AssertAccessibleAsync(member);
        await Button(member, "Cancel").ClickAsync();
        await Assertions.Expect(Button(member, "Take over as chair")).ToBeFocusedAsync();
        await Assertions.Expect(member.Locator("#live-controls")).ToBeHiddenAsync();

        await Button(member, "Take over as chair").ClickAsync();
        await member.Keyboard.PressAsync("Enter");
        await Assertions.Expect(member.Locator("#live-controls")).ToBeVisibleAsync();
        await Assertions.Expect(Button(member, "Next step")).ToBeFocusedAsync();
        await Assertions.Expect(chair.Locator("#live-controls")).ToBeHiddenAsync(new() { Timeout = 3000 });
    }
}
