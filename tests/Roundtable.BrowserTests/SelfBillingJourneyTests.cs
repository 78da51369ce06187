using Microsoft.Playwright;
using Roundtable.Tests.Infrastructure;

namespace Roundtable.BrowserTests;

// A partner accepts a self-billing agreement; the programme team raises a self-billed invoice for
// them; the partner sees it and disputes it, and the team sees the dispute. Every page passes axe.
public class SelfBillingJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Partner_AcceptsAgreement_TeamRaisesSelfBilledInvoice_PartnerDisputesIt()
    {
        await Data.ProgrammeTeamAsync();
        var partner = await Data.PartnerAsync();
        await App.PartnerProfileAsync(partner);
        await App.FeeRateAsync(150_00, new DateOnly(2026, 9, 1));
        await App.BillingAsync(partner, vatRegistered: true, "GB123456789");
        await Data.TutorialAsync(App, partner, new DateOnly(2026, 10, 5), delegateName: "Amara Okafor");

        // The partner reads the terms and signs: first without ticking the box.
        var page = await SignInAsync("partner@test.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Self-billing agreement" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Self-billing");
        await Assertions.Expect(page.Locator("#terms")).ToContainTextAsync("not to issue their own sales invoices");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Type your full name to sign").FillAsync("Pip Partner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the agreement" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Confirm that you accept the terms");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("I accept the terms of this self-billing agreement").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the agreement" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Self-billing agreement accepted");
        await Assertions.Expect(page.Locator("#agreements")).ToContainTextAsync("In force");
        await AssertAccessibleAsync(page);
        await page.GotoAsync("/Partner/Invoices");
        await Assertions.Expect(page.Locator("#self-billing-in-force")).ToContainTextAsync("the programme team raises your invoices for you");
        await AssertAccessibleAsync(page);

        // The team raises the invoice from the self-billing page.
        var team = await SignInAsync("team@test.example");
        await team.GotoAsync("/Programme/Invoices");
        await team.GetByRole(AriaRole.Link, new() { Name = "Self-billing agreements and self-billed invoices" }).ClickAsync();
        await Assertions.Expect(team.Locator("#agreements")).ToContainTextAsync("1 tutorial, £150.00");
        await AssertAccessibleAsync(team);
        await team.GetByRole(AriaRole.Button, new() { Name = "Raise self-billed invoice for Pip Partner" }).ClickAsync();
        await Assertions.Expect(team.Locator(".govuk-notification-banner")).ToContainTextAsync("Self-billed invoice RT-000001 for £180.00 raised.");
        await Assertions.Expect(team.Locator("#self-billed")).ToHaveTextAsync("Self-billed invoice");
        await Assertions.Expect(team.Locator("#invoice-vat-number")).ToHaveTextAsync("GB123456789");
        await AssertAccessibleAsync(team);

        // The partner sees it, marked, and disputes it with a reason.
        page = await SignInAsync("partner@test.example");
        await page.GotoAsync("/Partner/Invoices");
        await Assertions.Expect(page.Locator("#invoices")).ToContainTextAsync("Self-billed");
        await page.GetByRole(AriaRole.Link, new() { Name = "RT-000001" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Self-billed invoice RT-000001");
        await Assertions.Expect(page.Locator("#self-billed-statement")).ToContainTextAsync("output tax");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Dispute this invoice" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reason for disputing the invoice");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("What is wrong with this invoice?").FillAsync("The tutorial was on 6 October, not 5 October");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dispute this invoice" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("is disputed");
        await Assertions.Expect(page.Locator("#invoice-status")).ToHaveTextAsync("Disputed");
        await AssertAccessibleAsync(page);

        // The team sees the dispute and can withdraw the invoice.
        team = await SignInAsync("team@test.example");
        await team.GotoAsync("/Programme/Invoices?status=Disputed");
        await team.GetByRole(AriaRole.Link, new() { Name = "RT-000001" }).ClickAsync();
        await Assertions.Expect(team.Locator("#dispute-reason")).ToContainTextAsync("6 October");
        await AssertAccessibleAsync(team);
        await team.GetByRole(AriaRole.Button, new() { Name = "Withdraw this invoice" }).ClickAsync();
        await Assertions.Expect(team.Locator("#invoice-status")).ToHaveTextAsync("Withdrawn");
        await AssertAccessibleAsync(team);
    }
}
