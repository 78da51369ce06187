using Microsoft.Playwright;
using Roundtable.Tests.Infrastructure;

namespace Roundtable.BrowserTests;

// A partner invoices two tutorials in one batch; the programme team approves the invoice and
// marks it paid, and rejects a second; the partner sees both. Every page on the way passes axe.
public class InvoicingJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Partner_InvoicesTwo_Team_ApprovesAndPays()
    {
        await Data.ProgrammeTeamAsync();
        var partner = await Data.PartnerAsync();
        await App.PartnerProfileAsync(partner);
        await App.FeeRateAsync(150_00, new DateOnly(2026, 9, 1));
        await App.BillingAsync(partner, vatRegistered: true, "GB123456789");
        await Data.TutorialAsync(App, partner, new DateOnly(2026, 10, 5), delegateName: "Amara Okafor");
        await Data.TutorialAsync(App, partner, new DateOnly(2026, 10, 12), delegateName: "Ben Hallworth");
        await Data.TutorialAsync(App, partner, new DateOnly(2026, 10, 19), delegateName: "Carys Pennant");

        // The partner chooses two of the three and invoices them together.
        var page = await SignInAsync("partner@test.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Invoices", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Invoices");
        await Assertions.Expect(page.Locator("#invoiceable input[type=checkbox]")).ToHaveCountAsync(3);
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Invoice selected" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the tutorials to invoice");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("5 October 2026: project 1 tutorial with AO, £150.00").CheckAsync();
        await page.GetByLabel("19 October 2026: project 1 tutorial with CP, £150.00").CheckAsync();
        // By keyboard: check the lines, subtotal, VAT and total before anything is sent.
        await page.GetByRole(AriaRole.Button, new() { Name = "Invoice selected" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your invoice before sending it");
        await Assertions.Expect(page.Locator("#check-lines tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#check-subtotal")).ToHaveTextAsync("£300.00");
        await Assertions.Expect(page.Locator("#check-vat")).ToHaveTextAsync("£60.00");
        await Assertions.Expect(page.Locator("#check-total")).ToHaveTextAsync("£360.00");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invoice" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Invoice RT-000001 for £360.00 sent to the programme team.");
        await Assertions.Expect(page.Locator("#invoice-lines tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#invoice-vat")).ToHaveTextAsync("£60.00");
        await Assertions.Expect(page.Locator("#invoice-total")).ToHaveTextAsync("£360.00");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print this invoice" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        // On paper only the invoice remains.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".govuk-service-navigation")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("footer")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print this invoice" })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#invoice-lines")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#invoice-status")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#invoice-to")).ToContainTextAsync("Roundtable Leadership Learning Ltd");
        await Assertions.Expect(page.Locator("#invoice-terms")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Assertions.Expect(page.Locator("#invoice-status")).ToBeVisibleAsync();

        // The programme team approves it, then records the payment.
        var team = await SignInAsync("team@test.example");
        await team.GetByRole(AriaRole.Link, new() { Name = "Invoices", Exact = true }).ClickAsync();
        await AssertAccessibleAsync(team);
        await team.GetByRole(AriaRole.Link, new() { Name = "RT-000001" }).ClickAsync();
        await AssertAccessibleAsync(team);
        await team.GetByRole(AriaRole.Button, new() { Name = "Approve invoice" }).ClickAsync();
        await Assertions.Expect(team.Locator(".govuk-notification-banner")).ToContainTextAsync("Invoice RT-000001 approved.");
        await AssertAccessibleAsync(team);
        await team.GetByRole(AriaRole.Button, new() { Name = "Mark as paid" }).ClickAsync();
        await Assertions.Expect(team.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the payment date");
        await AssertAccessibleAsync(team);
        await team.GetByLabel("Day").FillAsync("23");
        await team.GetByLabel("Month").FillAsync("11");
        await team.GetByLabel("Year").FillAsync("2026");
        await team.GetByLabel("Payment reference").FillAsync("BACS-0042");
        await team.GetByRole(AriaRole.Button, new() { Name = "Mark as paid" }).ClickAsync();
        await Assertions.Expect(team.Locator(".govuk-notification-banner")).ToContainTextAsync("Invoice RT-000001 marked as paid.");
        await Assertions.Expect(team.Locator("#paid")).ToContainTextAsync("Paid on 23 November 2026, reference BACS-0042.");
        await Assertions.Expect(team.Locator("#history")).ToContainTextAsync("Paid");
        await AssertAccessibleAsync(team);
        await team.GetByRole(AriaRole.Link, new() { Name = "Back to invoices" }).ClickAsync();
        await team.GetByRole(AriaRole.Link, new() { Name = "Fees, no-shows and partners' payment details" }).ClickAsync();
        await AssertAccessibleAsync(team);
        await team.Locator("#partners").GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(team.Locator("#Input_VatNumber")).ToHaveValueAsync("GB123456789");
        await AssertAccessibleAsync(team);

        // The last tutorial is invoiced on its own and rejected, after a confirmation.
        await page.GotoAsync("/Partner/Invoices");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invoice all outstanding (1)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invoice" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Invoice RT-000002 for £180.00");
        await team.GotoAsync("/Programme/Invoices?status=Submitted");
        await team.GetByRole(AriaRole.Link, new() { Name = "RT-000002" }).ClickAsync();
        await team.GetByRole(AriaRole.Button, new() { Name = "Reject invoice" }).ClickAsync();
        await Assertions.Expect(team.Locator("h1")).ToHaveTextAsync("Reject this invoice?");
        await AssertAccessibleAsync(team);
        await team.GetByRole(AriaRole.Button, new() { Name = "Reject invoice" }).ClickAsync();
        await Assertions.Expect(team.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reason for rejecting the invoice.");
        await AssertAccessibleAsync(team);
        await team.GetByLabel("Reason for rejecting").FillAsync("Please invoice this with next month's tutorials.");
        await team.GetByRole(AriaRole.Button, new() { Name = "Reject invoice" }).ClickAsync();
        await Assertions.Expect(team.Locator(".govuk-notification-banner")).ToContainTextAsync("Invoice RT-000002 rejected");
        await AssertAccessibleAsync(team);

        // The partner sees the first paid and the second rejected, its tutorial waiting again.
        await page.GotoAsync("/Partner/Invoices");
        await Assertions.Expect(page.Locator("#invoices")).ToContainTextAsync("Paid");
        await Assertions.Expect(page.Locator("#invoices")).ToContainTextAsync("Please invoice this with next month's tutorials.");
        await Assertions.Expect(page.Locator("#invoiceable input[type=checkbox]")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Partner_WithdrawsASubmittedInvoice_ByKeyboard_AndTheTutorialIsReadyAgain()
    {
        var partner = await Data.PartnerAsync();
        await App.PartnerProfileAsync(partner);
        await App.FeeRateAsync(150_00, new DateOnly(2026, 9, 1));
        await Data.TutorialAsync(App, partner, new DateOnly(2026, 10, 5), delegateName: "Amara Okafor");

        var page = await SignInAsync("partner@test.example");
        await page.GotoAsync("/Partner/Invoices");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invoice all outstanding (1)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invoice" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Invoice RT-000001 for £150.00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw this invoice" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Invoice RT-000001 is withdrawn. Its tutorials are ready to invoice again.");
        await Assertions.Expect(page.Locator("#invoice-status")).ToHaveTextAsync("Withdrawn");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Withdraw this invoice" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
        await page.GotoAsync("/Partner/Invoices");
        await Assertions.Expect(page.Locator("#invoiceable input[type=checkbox]")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(page);
    }
}
