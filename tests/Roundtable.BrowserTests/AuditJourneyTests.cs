using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Roundtable.Tests.Infrastructure;

namespace Roundtable.BrowserTests;

// The programme team reads the audit trail with filters, and confirms a partner's new bank details.
public class AuditJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task ProgrammeTeam_FiltersTheAuditTrail_AndConfirmsNewPaymentDetails()
    {
        await Data.ProgrammeTeamAsync();
        var partner = await Data.PartnerAsync();
        await App.BillingAsync(partner, vatRegistered: false);
        await App.FeeRateAsync(150_00, new DateOnly(2026, 9, 1));
        var profileId = await App.WithDbAsync(db => db.PartnerProfiles.Select(p => p.Id).SingleAsync());
        var page = await SignInAsync("team@test.example");

        await page.GotoAsync($"/Programme/Invoices/Partner/{profileId}");
        await page.GetByLabel("Payment details", new() { Exact = true }).FillAsync("Pip Partner, sort code 11-22-33, account 12345678");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save payment details" }).ClickAsync();
        await page.GotoAsync($"/Programme/Invoices/Partner/{profileId}");
        await Assertions.Expect(page.Locator("#confirm-details")).ToContainTextAsync("not yet confirmed");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm new payment details" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("New payment details for Pip Partner confirmed");
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync("account ending 78");

        await page.GotoAsync("/Programme/Audit");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Audit trail");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Kind of record").SelectOptionAsync("Partner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.Locator("#audit-count")).ToContainTextAsync("3 entries");
        await Assertions.Expect(page.Locator("#audit tbody tr").First).ToContainTextAsync("New payment details confirmed");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Kind of record").SelectOptionAsync("Fee rate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.Locator("#audit-count")).ToContainTextAsync("1 entry");

        await page.GetByLabel("Record number").FillAsync("abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Record number must be a whole number");
        await AssertAccessibleAsync(page);
    }
}
