using System.Net;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Invoicing;

namespace Roundtable.Tests.Pages;

// The self-billing pages: the partner accepts an agreement (GOV.UK errors when something is
// missing), the team raises and ends; the partner's own invoicing form gives way while one is in force.
public class SelfBillingPagesTests(AppFactory app) : AppTest(app)
{
    private static readonly DateOnly October5 = new(2026, 10, 5);

    private async Task<(HttpClient Partner, int ProfileId)> PartnerWithTutorialAsync()
    {
        var partner = await Data.PartnerAsync();
        var profileId = (await App.PartnerProfileAsync(partner)).Id;
        await App.FeeRateAsync(150_00, new DateOnly(2026, 9, 1));
        await Data.TutorialAsync(App, partner, October5);
        return (await SignedInAsync("partner@test.example"), profileId);
    }

    [Fact]
    public async Task Accept_MissingTickAndName_ShowsErrors_ThenAccepted()
    {
        var (client, _) = await PartnerWithTutorialAsync();
        var page = await client.GetDocumentAsync("/Partner/SelfBilling");
        Assert.Contains("not to issue their own sales invoices", page.Text("#terms"), StringComparison.Ordinal);
        Assert.Equal(("23", "11", "2026"), (page.QuerySelector("#Input_StartsOn_Day")!.GetAttribute("value"), page.QuerySelector("#Input_StartsOn_Month")!.GetAttribute("value"),
            page.QuerySelector("#Input_StartsOn_Year")!.GetAttribute("value")));
        Assert.Equal("22", page.QuerySelector("#Input_EndsOn_Day")!.GetAttribute("value"));

        var refused = await Html.ParseAsync(await client.SendFormAsync(page, "#accept-form", [new("Input.EndsOn.Year", "2028")]));
        var summary = refused.Text(".govuk-error-summary");
        Assert.Contains("at most 12 months", summary, StringComparison.Ordinal);
        Assert.Contains("Confirm that you accept the terms", summary, StringComparison.Ordinal);
        Assert.Contains("Type your full name", summary, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.SelfBillingAgreements.CountAsync()));

        var accepted = await client.SendFormAsync(page, "#accept-form", [new("Input.AcceptTerms", "true"), new("Input.Name", "Pip Partner")]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var after = await client.GetDocumentAsync("/Partner/SelfBilling");
        Assert.Contains("In force", after.Text("#agreements"), StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("#accept-form"));
        var invoices = await client.GetDocumentAsync("/Partner/Invoices");
        Assert.Contains("22 November 2027", invoices.Text("#self-billing-in-force"), StringComparison.Ordinal);
        Assert.Null(invoices.QuerySelector("#invoice-form"));
    }

    [Fact]
    public async Task Partner_OwnInvoiceFormWhileAgreementInForce_RefusedWithAClearMessage()
    {
        var (client, _) = await PartnerWithTutorialAsync();
        var form = await client.GetDocumentAsync("/Partner/Invoices");
        await App.WithDbAsync(async db =>
        {
            var profile = await db.PartnerProfiles.SingleAsync();
            db.SelfBillingAgreements.Add(new SelfBillingAgreement
            {
                PartnerId = profile.Id, StartsOn = new DateOnly(2026, 11, 1), EndsOn = new DateOnly(2027, 10, 31), TermsText = "Terms", AcceptedName = "Pip Partner",
                AcceptedAt = App.Clock.GetUtcNow().UtcDateTime, AcceptedById = profile.UserId,
            });
            await db.SaveChangesAsync();
        });

        var check = await Html.ParseAsync(await client.SendFormAsync(form, "#invoice-form", action: "/Partner/Invoices?handler=All"));
        var sent = await Html.ParseAsync(await client.SendFormAsync(check, "#send-form"));

        Assert.Contains("You have a self-billing agreement in force", sent.Text(".govuk-error-summary"), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Invoices.CountAsync()));
    }

    [Fact]
    public async Task Team_RaisesFromTheSelfBillingPage_PartnerDisputes_TeamWithdraws_AndEndsTheAgreement()
    {
        var (client, _) = await PartnerWithTutorialAsync();
        var accept = await client.GetDocumentAsync("/Partner/SelfBilling");
        await client.SendFormAsync(accept, "#accept-form", [new("Input.AcceptTerms", "true"), new("Input.Name", "Pip Partner")]);
        await Data.ProgrammeTeamAsync();
        var team = await SignedInAsync("team@test.example");

        var list = await team.GetDocumentAsync("/Programme/Invoices/SelfBilling");
        Assert.Contains("1 tutorial, £150.00", list.Text("#agreements"), StringComparison.Ordinal);
        var raised = await team.SendFormAsync(list, "#agreements form");
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var invoicePath = raised.Headers.Location!.ToString();
        var id = invoicePath.Split('/')[^1];

        var partnerView = await client.GetDocumentAsync($"/Partner/Invoices/{id}");
        var empty = await Html.ParseAsync(await client.SendFormAsync(partnerView, "#dispute-form"));
        Assert.Contains("Enter the reason for disputing the invoice", empty.Text(".govuk-error-summary"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SendFormAsync(partnerView, "#dispute-form", [new("Reason", "Wrong date")])).StatusCode);

        var teamView = await team.GetDocumentAsync(invoicePath);
        Assert.Contains("Wrong date", teamView.Text("#dispute-reason"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await team.SendFormAsync(teamView, "#withdraw-form")).StatusCode);
        Assert.Equal(InvoiceStatus.Withdrawn, await App.WithDbAsync(db => db.Invoices.Select(i => i.Status).SingleAsync()));

        var agreementId = await App.WithDbAsync(db => db.SelfBillingAgreements.Select(a => a.Id).SingleAsync());
        var confirm = await team.GetDocumentAsync($"/Programme/Invoices/SelfBilling?end={agreementId}");
        var noReason = await Html.ParseAsync(await team.SendFormAsync(confirm, "#end-form"));
        Assert.Contains("Enter the reason for ending the agreement", noReason.Text(".govuk-error-summary"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await team.SendFormAsync(confirm, "#end-form", [new("Reason", "Moving to own invoices")])).StatusCode);
        Assert.NotNull(await App.WithDbAsync(db => db.SelfBillingAgreements.Select(a => a.EndedAt).SingleAsync()));
        Assert.NotNull((await client.GetDocumentAsync("/Partner/Invoices")).QuerySelector("#invoice-form"));
    }
}
