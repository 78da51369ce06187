using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Roundtable.Web.Infrastructure.Email;

namespace Roundtable.BrowserTests;

// The programme team looks at the machinery and sends a failed e-mail again; a delegate turns a reminder off.
public class RemindersJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task ProgrammeTeam_SeesJobsAndQueue_SendsAFailedEmailAgain()
    {
        await Data.ProgrammeTeamAsync();
        await App.WithDbAsync(async db =>
        {
            var row = db.QueueEmail(new EmailMessage("lost@test.example", "Lost Person", "Your invitation", "Hello"), App.Clock);
            row.Status = OutboxStatus.Failed;
            row.Attempts = 6;
            row.LastError = "Connection refused";
            await db.SaveChangesAsync();
        });
        var page = await SignInAsync("team@test.example");

        await page.GotoAsync("/Programme/Jobs");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Scheduled jobs and e-mail");
        await Assertions.Expect(page.Locator("table").First).ToContainTextAsync("Queue reminders");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Connection refused");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Send again to lost@test.example" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("Send ‘Your invitation’ to lost@test.example again?");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, send it again" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("waiting to be sent again");
        await AssertAccessibleAsync(page);
        Assert.Equal(OutboxStatus.Waiting, await App.WithDbAsync(db => db.OutboxMessages.Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task Delegate_TurnsOffSessionReminders()
    {
        var cohort = await Data.CohortAsync();
        await Data.DelegateAsync(cohort, "d@test.example");
        var page = await SignInAsync("d@test.example");

        await page.GotoAsync("/Me/Reminders");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Reminder e-mails");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Session tomorrow").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save choices" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your reminder choices are saved.");
        await Assertions.Expect(page.GetByLabel("Session tomorrow")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Feedback overdue")).ToBeCheckedAsync();
        await AssertAccessibleAsync(page);
    }
}
