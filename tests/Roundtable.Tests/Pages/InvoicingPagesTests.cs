using System.Net;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Invoicing;
using Roundtable.Web.People;

namespace Roundtable.Tests.Pages;

// The invoicing pages for partners and the programme team: who may open them, and their forms.
public class InvoicingPagesTests(AppFactory app) : AppTest(app)
{
    private static readonly DateOnly October5 = new(2026, 10, 5);

    private async Task<(AppUser Partner, HttpClient Client)> PartnerWithTutorialsAsync(int count, string email = "partner@test.example")
    {
        var partner = await Data.PartnerAsync(email);
        await App.PartnerProfileAsync(partner);
        await App.FeeRateAsync(150_00, new DateOnly(2026, 9, 1));
        for (var i = 0; i < count; i++)
        {
            await Data.TutorialAsync(App, partner, October5.AddDays(i * 7));
        }
        return (partner, await SignedInAsync(email));
    }

    // Choosing tutorials shows the invoice to check; nothing is sent until the partner sends it.
    private static async Task<HttpResponseMessage> SendCheckedAsync(HttpClient partner, HttpResponseMessage check)
    {
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var page = await Html.ParseAsync(check);
        Assert.NotNull(page.QuerySelector("#check-total"));
        return await partner.SendFormAsync(page, "#send-form");
    }

    private static async Task<int> InvoiceAsync(HttpClient partner)
    {
        var page = await partner.GetDocumentAsync("/Partner/Invoices");
        var response = await SendCheckedAsync(partner, await partner.SendFormAsync(page, "#invoice-form", action: "/Partner/Invoices?handler=All"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task InvoicePages_OneForItsPartnerAndTheTeam_NotFoundForAnotherPartner()
    {
        var (partner, client) = await PartnerWithTutorialsAsync(1);
        var id = await InvoiceAsync(client);
        var profileId = (await App.PartnerProfileAsync(partner)).Id;
        await Data.PartnerAsync("other@test.example");
        var other = await SignedInAsync("other@test.example");
        await Data.ProgrammeTeamAsync();
        var team = await SignedInAsync("team@test.example");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Partner/Invoices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Partner/Invoices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/Programme/Invoices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/Programme/Invoices/Partner/{profileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.GetAsync($"/Programme/Invoices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.GetAsync($"/Programme/Invoices/Partner/{profileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync("/Programme/Invoices/9999")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await team.GetAsync($"/Partner/Invoices/{id}")).StatusCode);
    }

    [Fact]
    public async Task Partner_InvoicesSelected_SeesPrintableInvoice()
    {
        var (_, client) = await PartnerWithTutorialsAsync(3);
        var page = await client.GetDocumentAsync("/Partner/Invoices");
        var boxes = page.QuerySelectorAll("#invoiceable input[type=checkbox]").Select(b => b.GetAttribute("value")!).ToList();
        Assert.Equal(3, boxes.Count);

        var check = await client.SendFormAsync(page, "#invoice-form", [new("BookingIds", boxes[0]), new("BookingIds", boxes[2])]);
        var checkPage = await Html.ParseAsync(check);
        Assert.Equal(2, checkPage.QuerySelectorAll("#check-lines tbody tr").Length);
        Assert.Equal(("£300.00", "None (not VAT registered)", "£300.00"), (checkPage.Text("#check-subtotal"), checkPage.Text("#check-vat"), checkPage.Text("#check-total")));
        Assert.Equal(0, await App.WithDbAsync(db => db.Invoices.CountAsync()));
        var response = await client.SendFormAsync(checkPage, "#send-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var invoice = await client.GetDocumentAsync(response.Headers.Location!.ToString());
        Assert.Contains("Invoice RT-000001 for £300.00 sent to the programme team.", invoice.Text(".govuk-notification-banner"), StringComparison.Ordinal);
        Assert.Equal(2, invoice.QuerySelectorAll("#invoice-lines tbody tr").Length);
        Assert.Equal("£300.00", invoice.Text("#invoice-total"));
        Assert.NotNull(invoice.QuerySelector("link[rel=stylesheet][media=print][href^='/css/invoice-print.css']"));
        var after = await client.GetDocumentAsync("/Partner/Invoices");
        Assert.Equal([boxes[1]], after.QuerySelectorAll("#invoiceable input[type=checkbox]").Select(b => b.GetAttribute("value")!));
        Assert.Contains("Submitted", after.Text("#invoices"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_StaleSelection_IsRefusedByDateAndInvoiceNumber_AndNothingIsSaved()
    {
        var (_, client) = await PartnerWithTutorialsAsync(2);
        var stale = await client.GetDocumentAsync("/Partner/Invoices");
        var first = stale.QuerySelectorAll("#invoiceable input[type=checkbox]").Select(b => b.GetAttribute("value")!).First();
        Assert.Equal(HttpStatusCode.Redirect, (await SendCheckedAsync(client, await client.SendFormAsync(stale, "#invoice-form", [new("BookingIds", first)]))).StatusCode);

        var response = await client.SendFormAsync(stale, "#invoice-form", [new("BookingIds", first)]);

        Assert.Equal(["This tutorial cannot be invoiced: the tutorial on 5 October 2026 is already on invoice RT-000001."], Html.Errors(await Html.ParseAsync(response)));
        Assert.Equal(1, await App.WithDbAsync(db => db.Invoices.CountAsync()));
    }

    [Fact]
    public async Task Partner_TutorialWithNoFeeForItsDate_IsExplained_NotListed()
    {
        var partner = await Data.PartnerAsync();
        await App.PartnerProfileAsync(partner);
        await App.FeeRateAsync(150_00, new DateOnly(2026, 10, 10));
        await Data.TutorialAsync(App, partner, October5);
        await Data.TutorialAsync(App, partner, October5.AddDays(7));
        var client = await SignedInAsync("partner@test.example");

        var page = await client.GetDocumentAsync("/Partner/Invoices");

        Assert.Single(page.QuerySelectorAll("#invoiceable input[type=checkbox]"));
        Assert.Contains("Your tutorial on 5 October 2026 cannot be invoiced yet: no fee has been set for its date.", page.Text("#waiting-for-fee"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_NothingSelected_ShowsError()
    {
        var (_, client) = await PartnerWithTutorialsAsync(1);
        var page = await client.GetDocumentAsync("/Partner/Invoices");

        var response = await client.SendFormAsync(page, "#invoice-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Select the tutorials to invoice"], Html.Errors(await Html.ParseAsync(response)));
        Assert.Equal(0, await App.WithDbAsync(db => db.Invoices.CountAsync()));
    }

    [Fact]
    public async Task Partner_InvoicesAllOutstanding()
    {
        var (_, client) = await PartnerWithTutorialsAsync(3);

        var id = await InvoiceAsync(client);

        var invoice = await App.WithDbAsync(db => db.Invoices.Include(i => i.Lines).SingleAsync(i => i.Id == id));
        Assert.Equal((3, 450_00L), (invoice.Lines.Count, invoice.TotalPence));
        Assert.NotNull((await client.GetDocumentAsync("/Partner/Invoices")).QuerySelector("#nothing-to-invoice"));
    }

    [Fact]
    public async Task Team_RejectNeedsReason_ThenRejects_PartnerSeesReason()
    {
        var (_, client) = await PartnerWithTutorialsAsync(1);
        var id = await InvoiceAsync(client);
        await Data.ProgrammeTeamAsync();
        var team = await SignedInAsync("team@test.example");
        var confirm = await team.GetDocumentAsync($"/Programme/Invoices/{id}?reject=true");

        var empty = await team.SendFormAsync(confirm, "#reject-form", [new("Reason", " ")]);
        Assert.Equal(["Enter the reason for rejecting the invoice."], Html.Errors(await Html.ParseAsync(empty)));

        var rejected = await team.SendFormAsync(confirm, "#reject-form", [new("Reason", "The date is wrong")]);
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal(InvoiceStatus.Rejected, await App.WithDbAsync(db => db.Invoices.Select(i => i.Status).SingleAsync()));
        var partnerView = await client.GetDocumentAsync("/Partner/Invoices");
        Assert.Contains("The date is wrong", partnerView.Text("#invoices"), StringComparison.Ordinal);
        Assert.Single(partnerView.QuerySelectorAll("#invoiceable input[type=checkbox]"));

        var again = await SendCheckedAsync(client, await client.SendFormAsync(await client.GetDocumentAsync($"/Partner/Invoices/{id}"), "#reinvoice-form"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var second = await client.GetDocumentAsync(again.Headers.Location!.ToString());
        Assert.Contains("Invoice RT-000002 for £150.00", second.Text(".govuk-notification-banner"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_WithdrawsASubmittedInvoice_TutorialsFreed_NotOnceTheTeamActs_NotAnotherPartners()
    {
        var (_, client) = await PartnerWithTutorialsAsync(2);
        var id = await InvoiceAsync(client);
        await Data.PartnerAsync("other@test.example");
        var other = await SignedInAsync("other@test.example");
        var invoicePage = await client.GetDocumentAsync($"/Partner/Invoices/{id}");

        // Another partner posts with their own token (the sign-out form carries one) and finds nothing.
        var otherPage = await other.GetDocumentAsync("/Partner/Invoices");
        Assert.Equal(HttpStatusCode.NotFound, (await other.SendFormAsync(otherPage, "form[action='/Account/SignOut']", action: $"/Partner/Invoices/{id}?handler=Withdraw")).StatusCode);
        var withdrawn = await client.SendFormAsync(invoicePage, "#withdraw-form");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(InvoiceStatus.Withdrawn, await App.WithDbAsync(db => db.Invoices.Select(i => i.Status).SingleAsync()));
        Assert.Equal(2, (await client.GetDocumentAsync("/Partner/Invoices")).QuerySelectorAll("#invoiceable input[type=checkbox]").Length);
        var second = await InvoiceAsync(client);
        await Data.ProgrammeTeamAsync();
        var team = await SignedInAsync("team@test.example");
        Assert.Equal(HttpStatusCode.Redirect, (await team.SendFormAsync(await team.GetDocumentAsync($"/Programme/Invoices/{second}"), "#approve-form")).StatusCode);
        Assert.Null((await client.GetDocumentAsync($"/Partner/Invoices/{second}")).QuerySelector("#withdraw-form"));
        var late = await client.SendFormAsync(invoicePage, "#withdraw-form", action: $"/Partner/Invoices/{second}?handler=Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Equal(InvoiceStatus.Approved, await App.WithDbAsync(db => db.Invoices.Where(i => i.Id == second).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task Invoice_NamesTheProvidersLegalNameAddressAndPaymentTerms_FromSettings()
    {
        var (_, client) = await PartnerWithTutorialsAsync(1);
        var id = await InvoiceAsync(client);

        var page = await client.GetDocumentAsync($"/Partner/Invoices/{id}");

        Assert.Contains("Roundtable Leadership Learning Ltd", page.Text("#invoice-to"), StringComparison.Ordinal);
        Assert.Contains("EX1 2PL", page.Text("#invoice-to"), StringComparison.Ordinal);
        Assert.Contains("within 30 days", page.Text("#invoice-terms"), StringComparison.Ordinal);
        Assert.Contains("rt-no-print", page.QuerySelector("#invoice-status")!.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Team_ApprovesAndMarksPaid_WithValidation_AndHistory()
    {
        var (_, client) = await PartnerWithTutorialsAsync(1);
        var id = await InvoiceAsync(client);
        await Data.ProgrammeTeamAsync();
        var team = await SignedInAsync("team@test.example");

        var page = await team.GetDocumentAsync($"/Programme/Invoices/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await team.SendFormAsync(page, "#approve-form")).StatusCode);
        page = await team.GetDocumentAsync($"/Programme/Invoices/{id}");
        Assert.Null(page.QuerySelector("#approve-form"));

        var bad = await team.SendFormAsync(page, "#paid-form", [new("Paid.PaidOn.Day", "31"), new("Paid.PaidOn.Month", "2"), new("Paid.PaidOn.Year", "2026")]);
        Assert.Equal(["The payment date must be a real date, like 1 9 2026", "Enter the payment reference"], Html.Errors(await Html.ParseAsync(bad)));
        var future = await team.SendFormAsync(page, "#paid-form", [new("Paid.PaidOn.Day", "1"), new("Paid.PaidOn.Month", "12"), new("Paid.PaidOn.Year", "2026"), new("Paid.Reference", "R1")]);
        Assert.Equal(["The payment date must be today or in the past."], Html.Errors(await Html.ParseAsync(future)));

        var paid = await team.SendFormAsync(page, "#paid-form", [new("Paid.PaidOn.Day", "23"), new("Paid.PaidOn.Month", "11"), new("Paid.PaidOn.Year", "2026"), new("Paid.Reference", "BACS-77")]);
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        page = await team.GetDocumentAsync($"/Programme/Invoices/{id}");
        Assert.Contains("Paid on 23 November 2026, reference BACS-77.", page.Text("#paid"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#paid-form"));
        var history = page.Text("#history");
        Assert.Contains("Pip Partner Submitted", history, StringComparison.Ordinal);
        Assert.Contains("Pat Team Approved", history, StringComparison.Ordinal);
        Assert.Contains("Pat Team Paid", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Team_ListFiltersByStatus_AndExportsCsv()
    {
        var (_, client) = await PartnerWithTutorialsAsync(1);
        await InvoiceAsync(client);
        await Data.ProgrammeTeamAsync();
        var team = await SignedInAsync("team@test.example");

        Assert.Single((await team.GetDocumentAsync("/Programme/Invoices?status=Submitted")).QuerySelectorAll("#invoices tbody tr"));
        Assert.Null((await team.GetDocumentAsync("/Programme/Invoices?status=Paid")).QuerySelector("#invoices"));

        var csv = await team.GetAsync("/Programme/Invoices?handler=Export&Export.From.Day=1&Export.From.Month=11&Export.From.Year=2026&Export.Status=Submitted");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("RT-000001,23/11/2026,Submitted,Pip Partner,", lines[1], StringComparison.Ordinal);

        var bad = await team.GetAsync("/Programme/Invoices?handler=Export&Export.From.Day=40&Export.From.Month=11&Export.From.Year=2026");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal(["The first invoice date must be a real date, like 1 9 2026"], Html.Errors(await Html.ParseAsync(bad)));
    }

    [Fact]
    public async Task Fees_AddRate_Validates_AndSaves()
    {
        var partner = await Data.PartnerAsync();
        var profileId = (await App.PartnerProfileAsync(partner)).Id;
        await Data.ProgrammeTeamAsync();
        var team = await SignedInAsync("team@test.example");
        var page = await team.GetDocumentAsync("/Programme/Invoices/Fees");

        var bad = await team.SendFormAsync(page, "#rate-form", [new("Rate.Amount", "12.345")]);
        Assert.Equal(["Enter the date the fee applies from", "Enter the fee in pounds, like 150 or 150.00"], Html.Errors(await Html.ParseAsync(bad)).Order(StringComparer.Ordinal));

        var saved = await team.SendFormAsync(page, "#rate-form",
            [new("Rate.Partner", profileId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Rate.Amount", "£175.50"),
             new("Rate.From.Day", "1"), new("Rate.From.Month", "9"), new("Rate.From.Year", "2026")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rate = await App.WithDbAsync(db => db.FeeRates.SingleAsync());
        Assert.Equal((profileId, 175_50L, new DateOnly(2026, 9, 1)), (rate.PartnerId!.Value, rate.AmountPence, rate.From));
        Assert.Contains("Pip Partner 1 September 2026 £175.50", (await team.GetDocumentAsync("/Programme/Invoices/Fees")).Text("#rates"), StringComparison.Ordinal);

        page = await team.GetDocumentAsync("/Programme/Invoices/Fees");
        Assert.Equal(HttpStatusCode.Redirect, (await team.SendFormAsync(page, "#noshow-form", [new("NoShowPayable", "true")])).StatusCode);
        Assert.True(await App.WithDbAsync(db => db.InvoicingSettings.Select(s => s.NoShowPayable).SingleAsync()));
    }

    [Fact]
    public async Task PartnerBilling_VatNumberRequiredWhenRegistered()
    {
        var partner = await Data.PartnerAsync();
        var profileId = (await App.PartnerProfileAsync(partner)).Id;
        await Data.ProgrammeTeamAsync();
        var team = await SignedInAsync("team@test.example");
        var url = $"/Programme/Invoices/Partner/{profileId}";
        var page = await team.GetDocumentAsync(url);

        var empty = await team.SendFormAsync(page, "main form", [new("Input.VatRegistered", "yes")]);
        Assert.Equal(["Enter the VAT registration number", "Enter the partner's invoice address", "Enter the payment details"], Html.Errors(await Html.ParseAsync(empty)).Order(StringComparer.Ordinal));
        var badVat = await team.SendFormAsync(page, "main form",
            [new("Input.Address", "1 Road"), new("Input.PaymentDetails", "00-00-00 00000000"), new("Input.VatRegistered", "yes"), new("Input.VatNumber", "12345")]);
        Assert.Equal(["Enter a UK VAT number like GB123456789"], Html.Errors(await Html.ParseAsync(badVat)));

        var saved = await team.SendFormAsync(page, "main form",
            [new("Input.Address", "1 Road"), new("Input.PaymentDetails", "00-00-00 00000000"), new("Input.VatRegistered", "yes"), new("Input.VatNumber", "gb 123 4567 89")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var billing = await App.WithDbAsync(db => db.PartnerBillings.SingleAsync());
        Assert.Equal((true, "GB123456789"), (billing.VatRegistered, billing.VatNumber));
    }

    [Fact]
    public async Task Navigation_OffersInvoicesToPartnersAndTheTeam()
    {
        await Data.PartnerAsync();
        await Data.ProgrammeTeamAsync();

        var partnerLinks = (await (await SignedInAsync("partner@test.example")).GetDocumentAsync("/Partner/Invoices"))
            .QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.GetAttribute("href")).ToList();
        var teamLinks = (await (await SignedInAsync("team@test.example")).GetDocumentAsync("/Programme/Invoices"))
            .QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("/Partner/Invoices", partnerLinks);
        Assert.Contains("/Programme/Invoices", teamLinks);
    }
}
