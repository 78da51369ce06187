using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;

namespace Roundtable.BrowserTests;

// A delegate books a tutorial with the keyboard alone: Tab to move, Enter or Space to act, typing
// into the fields. Focus is checked after every action and every page passes axe.
public class TutorialBookingKeyboardTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Delegate_BooksTutorial_ByKeyboardAlone()
    {
        var cohort = await Data.CohortAsync(start: new DateOnly(2026, 10, 1));
        var school = await Data.SchoolAsync(phase: SchoolPhase.Primary);
        await Data.DelegateAsync(cohort, "kb@test.example", school, name: "Kit Keyboard");
        var partner = await Data.UserAsync("nia@test.example", "Nia Near", [Roles.Partner]);
        await App.WithDbAsync(async db =>
        {
            var profile = new PartnerProfile
            {
                UserId = partner.Id, Phase = SchoolPhase.Primary, Region = Region.SouthEast, SettingType = SettingType.Academy, NumberOnRoll = 350,
                HeadshipYears = 12, Specialisms = "Early reading", Biography = "Head of a primary academy.", UpdatedAt = App.Clock.GetUtcNow().UtcDateTime,
            };
            db.PartnerProfiles.Add(profile);
            db.TutorialSlots.Add(new TutorialSlot
            {
                Partner = profile, StartsAt = new DateTime(2026, 12, 1, 16, 0, 0, DateTimeKind.Utc), Minutes = 60, Mode = TutorialMode.Online,
                Where = "https://meet.example.org/room", CreatedAt = App.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        });

        var page = await SignInAsync("kb@test.example");

        // Home → My tutorials (a link: Enter).
        await TabToAsync(page, page.Locator("nav").GetByRole(AriaRole.Link, new() { Name = "My tutorials" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My tutorials");
        await AssertAccessibleAsync(page);

        // A link styled as a button acts on Space, as a button does.
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Choose a partner for project 1" }));
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(page.Locator("#partners .govuk-summary-card__title").First).ToHaveTextAsync("Nia Near");
        await AssertAccessibleAsync(page);

        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "See free times with Nia Near" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Nia Near");
        await AssertAccessibleAsync(page);

        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Book 1 December 2026, 4:00pm" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Book a tutorial");
        await AssertAccessibleAsync(page);

        // Sent empty: the error summary takes focus; its first link leads to the first field.
        var book = page.GetByRole(AriaRole.Button, new() { Name = "Book this tutorial" });
        await TabToAsync(page, book);
        await page.Keyboard.PressAsync("Enter");
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Say what you would like the tutorial to focus on.");
        await AssertAccessibleAsync(page);
        await TabToAsync(page, summary.Locator("a").First);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#Input_Focus")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Presenting the plan to governors");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#Input_ProjectSummary")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Reading fluency across Key Stage 2.");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(book).ToBeFocusedAsync();
        await page.Keyboard.PressAsync(" ");

        // Booked: the success banner takes focus.
        var banner = page.Locator(".govuk-notification-banner");
        await Assertions.Expect(banner).ToContainTextAsync("Your tutorial is booked for 1 December 2026, 4:00pm.");
        await Assertions.Expect(banner).ToBeFocusedAsync();
        await AssertAccessibleAsync(page);

        var booking = await App.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync());
        Assert.Equal(("Presenting the plan to governors", "Reading fluency across Key Stage 2.", BookingStatus.Booked), (booking.Focus, booking.ProjectSummary, booking.Status));
    }

    // Presses Tab until the target has focus, as a keyboard user would; fails if it is never reached.
    private static async Task TabToAsync(IPage page, ILocator target, int maxPresses = 100)
    {
        await Assertions.Expect(target).ToBeVisibleAsync();
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached {target} on {page.Url}.");
    }
}
