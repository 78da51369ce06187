using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;

namespace Roundtable.BrowserTests;

// A delegate chooses a partner from the ranked directory, books tutorial 1, adds it to their
// calendar, moves it to another time and cancels it. Every page on the way passes axe.
public class TutorialBookingJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    private async Task<PartnerProfile> PartnerAsync(string email, string name, SchoolPhase phase)
    {
        var user = await Data.UserAsync(email, name, [Roles.Partner]);
        return await App.WithDbAsync(async db =>
        {
            var profile = new PartnerProfile
            {
                UserId = user.Id, Phase = phase, Region = Region.SouthEast, SettingType = SettingType.Academy, NumberOnRoll = 350, HeadshipYears = 12,
                Specialisms = "Early reading", Biography = "Head of a primary academy.", UpdatedAt = App.Clock.GetUtcNow().UtcDateTime,
            };
            db.PartnerProfiles.Add(profile);
            for (var day = 1; day <= 3; day += 2)
            {
                db.TutorialSlots.Add(new TutorialSlot
                {
                    Partner = profile, StartsAt = new DateTime(2026, 12, day, 16, 0, 0, DateTimeKind.Utc), Minutes = 60, Mode = TutorialMode.Online,
                    Where = "https://meet.example.org/room", CreatedAt = App.Clock.GetUtcNow().UtcDateTime,
                });
            }
            await db.SaveChangesAsync();
            return profile;
        });
    }

    [Fact]
    public async Task Choose_Book_AddToCalendar_Reschedule_Cancel()
    {
        var cohort = await Data.CohortAsync(start: new DateOnly(2026, 10, 1));
        var school = await Data.SchoolAsync(phase: SchoolPhase.Primary);
        await Data.DelegateAsync(cohort, "d@test.example", school, name: "Dana Delegate");
        await PartnerAsync("near@test.example", "Nia Near", SchoolPhase.Primary);
        await PartnerAsync("far@test.example", "Frank Far", SchoolPhase.Secondary);

        var page = await SignInAsync("d@test.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "My tutorials" }).ClickAsync();
        await Assertions.Expect(page.Locator("#project-1")).ToContainTextAsync("Recommended window: 1 October 2026 to 1 January 2027");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Choose a partner for project 1" }).ClickAsync();
        await Assertions.Expect(page.Locator("#partners .govuk-summary-card__title").First).ToHaveTextAsync("Nia Near");
        await Assertions.Expect(page.Locator("#partners")).ToContainTextAsync("Same phase (primary)");
        await Assertions.Expect(page.Locator("#partners [data-earliest]").First).ToHaveTextAsync("1 December 2026, 4:00pm");
        await AssertAccessibleAsync(page);
        await page.Locator("summary", new() { HasText = "Filter partners" }).ClickAsync();
        await page.Locator("#phase").SelectOptionAsync("Secondary");
        // By keyboard: the answer says how many match and takes focus.
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#partner-count")).ToHaveTextAsync("1 partner matches these filters.");
        await Assertions.Expect(page.Locator("#partner-count")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#partners .govuk-summary-card__title")).ToHaveTextAsync(["Frank Far"]);
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Clear filters" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "See free times with Nia Near" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Nia Near");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Book 1 December 2026, 4:00pm" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Book a tutorial");
        await AssertAccessibleAsync(page);

        // Missing focus: the error summary takes focus and the summary text is kept.
        await page.Locator("#Input_ProjectSummary").FillAsync("Reading fluency across Key Stage 2.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book this tutorial" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say what you would like the tutorial to focus on.");
        await Assertions.Expect(page.Locator("#Input_ProjectSummary")).ToHaveValueAsync("Reading fluency across Key Stage 2.");
        await AssertAccessibleAsync(page);
        await page.Locator("#Input_Focus").FillAsync("Presenting the plan to governors");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book this tutorial" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your tutorial is booked for 1 December 2026, 4:00pm.");
        await Assertions.Expect(page.Locator("#booking")).ToContainTextAsync("https://meet.example.org/room");
        await AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Add to my calendar" }).ClickAsync());
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("DTSTART;TZID=Europe/London:20261201T160000", ics, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Change the time" }).ClickAsync();
        await AssertAccessibleAsync(page);
        await page.GetByLabel("3 December 2026, 4:00pm").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move my tutorial" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your tutorial is moved to 3 December 2026, 4:00pm.");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel this tutorial" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Cancel your tutorial with Nia Near on 3 December 2026, 4:00pm?");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel tutorial" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Give a reason for cancelling");
        await AssertAccessibleAsync(page);
        await page.Locator("#Reason").FillAsync("A governors' meeting moved to that evening.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel tutorial" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("You can book another for Project 1.");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("A governors' meeting moved to that evening.");
        await AssertAccessibleAsync(page);

        var booking = await App.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync());
        Assert.Equal((BookingStatus.Cancelled, (int?)null), (booking.Status, booking.AllowanceProject));
    }
}
