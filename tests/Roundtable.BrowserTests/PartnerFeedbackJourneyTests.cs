using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.BrowserTests;

// A partner publishes a slot, coaches a delegate through tutorial 1 and records feedback with a
// referral; the delegate's tutor sees the referral and marks it dealt with; the programme team
// reviews the tutorials. Every page on the way passes axe.
public class PartnerFeedbackJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Slot_Tutorial_FeedbackWithReferral_TutorDealsWithIt()
    {
        await Data.ProgrammeTeamAsync();
        var tutor = await Data.TutorAsync();
        var cohort = await Data.CohortAsync();
        var delegateUser = await Data.DelegateAsync(cohort, "dana@test.example", tutor: tutor, name: "Dana Delegate");
        var partner = await Data.PartnerAsync();
        var profile = await App.PartnerProfileAsync(partner);
        var booking = await App.BookingAsync(await App.SlotAsync(profile, TimeSpan.FromHours(-2)), delegateUser, focus: "Narrowing my project to a SMART target");

        var page = await SignInAsync("partner@test.example");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Welcome, Pip Partner");
        await AssertAccessibleAsync(page);

        // Publish a slot.
        await page.GotoAsync("/Partner/Slots");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your availability");
        await AssertAccessibleAsync(page);
        await page.Locator("#Input_Date_Day").FillAsync("8");
        await page.Locator("#Input_Date_Month").FillAsync("12");
        await page.Locator("#Input_Date_Year").FillAsync("2026");
        await page.Locator("#Input_Time").FillAsync("15:30");
        await page.GetByLabel("Meeting link or place").FillAsync("https://meet.example.org/pip");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the slot" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Published a slot on 8 December 2026, 3:30pm");
        await AssertAccessibleAsync(page);

        // Open the tutorial that has just taken place.
        await page.GotoAsync("/Partner");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record feedback for Dana Delegate" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Record feedback");
        await page.GotoAsync($"/Partner/Tutorial/{booking.Id}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Narrowing my project to a SMART target");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("establish what they would like the focus to be");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record feedback" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Record feedback");
        await AssertAccessibleAsync(page);

        // The referral reason appears only once the box is ticked (govuk-frontend's own script).
        var reason = page.GetByLabel("Why are you referring them?");
        await Assertions.Expect(reason).ToBeHiddenAsync();
        await page.GetByLabel("Held").CheckAsync();
        await page.GetByLabel("Notes on the issues discussed").FillAsync("Worked on a SMART target and baseline evidence.");
        await page.GetByLabel("Refer the delegate to their tutor").CheckAsync();
        await Assertions.Expect(reason).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await reason.FillAsync("Unsure how the two-terms requirement applies.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save feedback" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("referred them to their tutor");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("No tutorials are waiting for your feedback");
        await AssertAccessibleAsync(page);
        await App.Smtp.WaitForMessageToAsync("tutor@test.example");

        // The tutor sees the referral and marks it dealt with.
        var tutorPage = await SignInAsync("tutor@test.example");
        await Assertions.Expect(tutorPage.Locator("#referrals + p")).ToContainTextAsync("1 referral is waiting for you");
        await Assertions.Expect(tutorPage.Locator("main")).ToContainTextAsync("Unsure how the two-terms requirement applies.");
        await AssertAccessibleAsync(tutorPage);
        var markButton = tutorPage.Locator("form[action*='DealtWith'] button");
        await Assertions.Expect(markButton).ToContainTextAsync("Mark as dealt with");
        await markButton.ClickAsync();
        await Assertions.Expect(tutorPage.Locator(".govuk-notification-banner")).ToContainTextAsync("Marked the referral as dealt with");
        await Assertions.Expect(tutorPage.Locator("main")).ToContainTextAsync("No referrals are waiting for you");
        await AssertAccessibleAsync(tutorPage);
        Assert.NotNull(await App.WithDbAsync(db => db.Referrals.Select(r => r.DealtWithAt).SingleAsync()));

        // The programme team's views of the same tutorials.
        var team = await SignInAsync("team@test.example");
        await team.GotoAsync("/Programme/Tutorials");
        await Assertions.Expect(team.Locator("#bookings")).ToContainTextAsync("Dana Delegate");
        await AssertAccessibleAsync(team);
        await team.GetByRole(AriaRole.Link, new() { Name = "Tutorial windows and overrides" }).ClickAsync();
        await Assertions.Expect(team.Locator("h1")).ToHaveTextAsync("Tutorial windows");
        await AssertAccessibleAsync(team);
    }
}
