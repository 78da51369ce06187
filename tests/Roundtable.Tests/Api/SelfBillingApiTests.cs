using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.Tests.Api;

// Self-billing: a partner accepts an agreement online, the programme team raises invoices for
// them in the one gapless sequence, and the partner sees and disputes them. The clock is fixed
// on 23 November 2026.
public class SelfBillingApiTests(AppFactory app) : AppTest(app)
{
    private static readonly DateOnly October5 = new(2026, 10, 5);

    private async Task<(AppUser Partner, HttpClient Client, int ProfileId)> PartnerAsync(string email = "partner@test.example")
    {
        var partner = await Data.PartnerAsync(email);
        var profileId = (await App.PartnerProfileAsync(partner)).Id;
        if (!await App.WithDbAsync(db => db.FeeRates.AnyAsync(r => r.PartnerId == null)))
        {
            await App.FeeRateAsync(150_00, new DateOnly(2026, 9, 1));
        }
        return (partner, await SignedInAsync(email), profileId);
    }

    private async Task<HttpClient> TeamAsync()
    {
        if (!await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "team@test.example")))
        {
            await Data.ProgrammeTeamAsync();
        }
        return await SignedInAsync("team@test.example");
    }

    private static object Agreement(string startsOn = "2026-11-23", string endsOn = "2027-11-22", bool acceptTerms = true, string name = "Pip Partner") =>
        new { startsOn, endsOn, acceptTerms, name };

    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> AcceptAsync(HttpClient partner, object? body = null) =>
        await OkJsonAsync(await partner.PostAsJsonAsync("/api/v1/self-billing/agreements", body ?? Agreement()), HttpStatusCode.Created);

    private static async Task<JsonElement> RaiseAsync(HttpClient team, int profileId, params int[] bookingIds) =>
        await OkJsonAsync(await team.PostAsJsonAsync("/api/v1/invoices/self-billed", new { partnerId = profileId, bookingIds }), HttpStatusCode.Created);

    private static List<string> Fields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Accept_Valid_Returns201WithTheTermsInFull_AndIsAudited()
    {
        var (partner, client, profileId) = await PartnerAsync();

        var agreement = await AcceptAsync(client, Agreement(name: "  Pip Partner "));

        Assert.Equal(("2026-11-23", "2027-11-22", "In force", "Pip Partner", profileId),
            (agreement.GetProperty("startsOn").GetString(), agreement.GetProperty("endsOn").GetString(), agreement.GetProperty("status").GetString(),
                agreement.GetProperty("acceptedName").GetString(), agreement.GetProperty("partnerId").GetInt32()));
        var terms = agreement.GetProperty("terms").GetString()!;
        Assert.Contains("not to issue their own sales invoices", terms, StringComparison.Ordinal);
        Assert.Contains("register for VAT, cancel their VAT registration", terms, StringComparison.Ordinal);
        Assert.Contains("\"Self-billed invoice\"", terms, StringComparison.Ordinal);
        Assert.Contains("23 November 2026 to 22 November 2027", terms, StringComparison.Ordinal);
        var audit = await App.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Subject == "SelfBillingAgreement"));
        Assert.Equal((agreement.GetProperty("id").GetInt32(), "Accepted", partner.Id), (audit.SubjectId, audit.Action, audit.UserId!));
        Assert.Contains("signed \"Pip Partner\"", audit.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-23", "2027-11-23", true, "Pip Partner", "endsOn")]
    [InlineData("2026-11-22", "2027-11-01", true, "Pip Partner", "startsOn")]
    [InlineData("2026-12-01", "2026-12-01", true, "Pip Partner", "endsOn")]
    [InlineData("2026-11-23", "2027-06-01", false, "Pip Partner", "acceptTerms")]
    [InlineData("2026-11-23", "2027-06-01", true, "   ", "name")]
    [InlineData("23/11/2026", "2027-06-01", true, "Pip Partner", "startsOn")]
    public async Task Accept_Invalid_Returns400NamingTheField_AndSavesNothing(string startsOn, string endsOn, bool acceptTerms, string name, string field)
    {
        var (_, client, _) = await PartnerAsync();
        // Setting up the partner and the fee rate is itself audited (person, partner, fee rate added):
        // the refused agreement must add nothing to the trail beyond those.
        var auditedBefore = await App.WithDbAsync(db => db.AuditEntries.CountAsync());

        var problem = await OkJsonAsync(await client.PostAsJsonAsync("/api/v1/self-billing/agreements", Agreement(startsOn, endsOn, acceptTerms, name)), HttpStatusCode.BadRequest);

        Assert.Equal([field], Fields(problem));
        Assert.Equal(0, await App.WithDbAsync(db => db.SelfBillingAgreements.CountAsync()));
        Assert.Equal(auditedBefore, await App.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Subject == "SelfBillingAgreement")));
    }

    [Fact]
    public async Task Accept_Overlapping_Returns409_ButARenewalAfterTheEndIsAccepted()
    {
        var (_, client, _) = await PartnerAsync();
        await AcceptAsync(client, Agreement("2026-11-23", "2027-01-31"));

        var overlapping = await client.PostAsJsonAsync("/api/v1/self-billing/agreements", Agreement("2027-01-31", "2027-06-30"));
        var renewal = await client.PostAsJsonAsync("/api/v1/self-billing/agreements", Agreement("2027-02-01", "2028-01-31"));

        var problem = await OkJsonAsync(overlapping, HttpStatusCode.Conflict);
        Assert.Contains("from 23 November 2026 to 31 January 2027", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Not started", (await OkJsonAsync(renewal, HttpStatusCode.Created)).GetProperty("status").GetString());
        Assert.Equal(2, await App.WithDbAsync(db => db.SelfBillingAgreements.CountAsync()));
    }

    [Fact]
    public async Task Raise_MarkedSelfBilled_WithTheVatStatus_IssuedApproved_AndThePartnerSeesIt()
    {
        var (partner, client, profileId) = await PartnerAsync();
        await App.BillingAsync(partner, vatRegistered: true, "GB999999973");
        var a = await Data.TutorialAsync(App, partner, October5, delegateName: "Amara Okafor");
        var b = await Data.TutorialAsync(App, partner, October5.AddDays(7), delegateName: "Ben Hall");
        await AcceptAsync(client);
        var team = await TeamAsync();

        var raised = await RaiseAsync(team, profileId);

        Assert.Equal(("Approved", 300.00m, 60.00m, 360.00m), (raised.GetProperty("status").GetString(), raised.GetProperty("subtotal").GetDecimal(),
            raised.GetProperty("vat").GetDecimal(), raised.GetProperty("total").GetDecimal()));
        Assert.Equal([a, b], raised.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("bookingId").GetInt32()));
        var seen = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{raised.GetProperty("id").GetInt32()}");
        Assert.True(seen.GetProperty("selfBilled").GetBoolean());
        Assert.Equal("GB999999973", seen.GetProperty("vatNumber").GetString());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/v1/invoices/invoiceable")).EnumerateArray());
        var audit = await App.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Subject == "Invoice"));
        Assert.Equal("Self-billed", audit.Action);

        var page = await client.GetDocumentAsync($"/Partner/Invoices/{raised.GetProperty("id").GetInt32()}");
        Assert.Contains("Self-billed invoice", page.Text("h1"), StringComparison.Ordinal);
        Assert.Equal("GB999999973", page.Text("#invoice-vat-number"));
        Assert.NotNull(page.QuerySelector("#dispute-form"));
    }

    [Fact]
    public async Task Raise_NotVatRegistered_SaysSo()
    {
        var (partner, client, profileId) = await PartnerAsync();
        await App.BillingAsync(partner, vatRegistered: false);
        await Data.TutorialAsync(App, partner, October5);
        await AcceptAsync(client);
        var team = await TeamAsync();

        var raised = await RaiseAsync(team, profileId);

        Assert.Equal(0m, raised.GetProperty("vat").GetDecimal());
        var page = await team.GetDocumentAsync($"/Programme/Invoices/{raised.GetProperty("id").GetInt32()}");
        Assert.Equal("Not registered for VAT", page.Text("#invoice-vat-number"));
        Assert.Contains("not registered for VAT", page.Text("#self-billed-statement"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raise_WithoutAgreementInForce_Returns422_AndUsesNoNumber()
    {
        var (partner, client, profileId) = await PartnerAsync();
        var tutorial = await Data.TutorialAsync(App, partner, October5);
        await AcceptAsync(client, Agreement("2026-12-01", "2027-11-30"));
        var team = await TeamAsync();

        var problem = await OkJsonAsync(await team.PostAsJsonAsync("/api/v1/invoices/self-billed", new { partnerId = profileId, bookingIds = new[] { tutorial } }),
            HttpStatusCode.UnprocessableEntity);
        await OkJsonAsync(await team.PostAsJsonAsync("/api/v1/invoices/self-billed", new { partnerId = 9999 }), HttpStatusCode.NotFound);
        await OkJsonAsync(await team.PostAsJsonAsync("/api/v1/invoices/self-billed", new { }), HttpStatusCode.BadRequest);

        Assert.Contains("no self-billing agreement in force", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The partner's own invoice takes number 1: the refusal used none.
        var own = await OkJsonAsync(await client.PostAsJsonAsync("/api/v1/invoices", new { bookingIds = new[] { tutorial } }), HttpStatusCode.Created);
        Assert.Equal("RT-000001", own.GetProperty("number").GetString());
    }

    [Fact]
    public async Task Partner_WithAgreementInForce_CannotInvoiceThemselves_UntilTheTeamEndsIt()
    {
        var (partner, client, _) = await PartnerAsync();
        var tutorial = await Data.TutorialAsync(App, partner, October5);
        var agreementId = (await AcceptAsync(client)).GetProperty("id").GetInt32();
        var team = await TeamAsync();

        var refused = await OkJsonAsync(await client.PostAsJsonAsync("/api/v1/invoices", new { bookingIds = new[] { tutorial } }), HttpStatusCode.UnprocessableEntity);
        var noReason = await team.PostAsJsonAsync($"/api/v1/self-billing/agreements/{agreementId}/end", new { reason = " " });
        var ended = await OkJsonAsync(await team.PostAsJsonAsync($"/api/v1/self-billing/agreements/{agreementId}/end", new { reason = "Partner asked to invoice again" }), HttpStatusCode.OK);
        var again = await team.PostAsJsonAsync($"/api/v1/self-billing/agreements/{agreementId}/end", new { reason = "Twice" });

        Assert.Contains("self-billing agreement in force", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(("Ended", "Partner asked to invoice again"), (ended.GetProperty("status").GetString(), ended.GetProperty("endReason").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await OkJsonAsync(await client.PostAsJsonAsync("/api/v1/invoices", new { bookingIds = new[] { tutorial } }), HttpStatusCode.Created);
        Assert.Equal(["Accepted", "Ended"], await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == "SelfBillingAgreement").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task Numbers_InterleavedPartnerAndSelfBilledInvoices_AreConsecutive()
    {
        var (own, ownClient, _) = await PartnerAsync("own@test.example");
        var (selfBilled, selfBilledClient, selfBilledProfile) = await PartnerAsync("selfbilled@test.example");
        await AcceptAsync(selfBilledClient);
        var team = await TeamAsync();
        var numbers = new List<string?>();

        for (var week = 0; week < 2; week++)
        {
            var mine = await Data.TutorialAsync(App, own, October5.AddDays(week * 7));
            numbers.Add((await OkJsonAsync(await ownClient.PostAsJsonAsync("/api/v1/invoices", new { bookingIds = new[] { mine } }), HttpStatusCode.Created)).GetProperty("number").GetString());
            var theirs = await Data.TutorialAsync(App, selfBilled, October5.AddDays(week * 7));
            numbers.Add((await RaiseAsync(team, selfBilledProfile, theirs)).GetProperty("number").GetString());
        }

        Assert.Equal(["RT-000001", "RT-000002", "RT-000003", "RT-000004"], numbers);
        Assert.Equal([false, true, false, true], await App.WithDbAsync(db => db.Invoices.OrderBy(i => i.Sequence).Select(i => i.SelfBillingAgreementId != null).ToListAsync()));
    }

    [Fact]
    public async Task Numbers_PartnerAndSelfBilledAtOnce_DistinctAndConsecutive()
    {
        var (own, ownClient, _) = await PartnerAsync("own@test.example");
        var (selfBilled, selfBilledClient, selfBilledProfile) = await PartnerAsync("selfbilled@test.example");
        await AcceptAsync(selfBilledClient);
        var team = await TeamAsync();
        var mine = await Data.TutorialAsync(App, own, October5);
        var theirs = await Data.TutorialAsync(App, selfBilled, October5);

        var responses = await Task.WhenAll(
            ownClient.PostAsJsonAsync("/api/v1/invoices", new { bookingIds = new[] { mine } }),
            team.PostAsJsonAsync("/api/v1/invoices/self-billed", new { partnerId = selfBilledProfile, bookingIds = new[] { theirs } }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = new List<string>();
        foreach (var r in responses)
        {
            numbers.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!);
        }
        Assert.Equal(["RT-000001", "RT-000002"], numbers.Order(StringComparer.Ordinal));
        Assert.Equal(2, await App.WithDbAsync(db => db.InvoiceCounters.Select(c => c.Last).SingleAsync()));
    }

    [Fact]
    public async Task Dispute_ThenTheTeamWithdrawsAndReissues()
    {
        var (partner, client, profileId) = await PartnerAsync();
        var tutorial = await Data.TutorialAsync(App, partner, October5);
        await AcceptAsync(client);
        var team = await TeamAsync();
        var id = (await RaiseAsync(team, profileId)).GetProperty("id").GetInt32();

        var noReason = await client.PostAsJsonAsync($"/api/v1/invoices/{id}/dispute", new { reason = "" });
        var disputed = await OkJsonAsync(await client.PostAsJsonAsync($"/api/v1/invoices/{id}/dispute", new { reason = "The fee should be £175, the agreed rate" }), HttpStatusCode.OK);
        var twice = await client.PostAsJsonAsync($"/api/v1/invoices/{id}/dispute", new { reason = "Again" });
        var notPaid = await team.PostAsJsonAsync($"/api/v1/invoices/{id}/paid", new { paidOn = "2026-11-23", reference = "X" });
        var teamSees = await team.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}");
        var withdrawn = await OkJsonAsync(await team.PostAsJsonAsync($"/api/v1/invoices/{id}/withdraw", new { }), HttpStatusCode.OK);
        var reissued = await RaiseAsync(team, profileId);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("Disputed", disputed.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, notPaid.StatusCode);
        Assert.Equal("The fee should be £175, the agreed rate", teamSees.GetProperty("disputeReason").GetString());
        Assert.Equal("Withdrawn", withdrawn.GetProperty("status").GetString());
        Assert.Equal(("RT-000002", tutorial), (reissued.GetProperty("number").GetString(), reissued.GetProperty("lines")[0].GetProperty("bookingId").GetInt32()));
        var page = await team.GetDocumentAsync($"/Programme/Invoices/{id}");
        Assert.Contains("£175", page.Text("#dispute-reason"), StringComparison.Ordinal);
        Assert.Equal(["Self-billed", "Disputed", "Withdrawn", "Self-billed"],
            await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == "Invoice").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task Dispute_APartnersOwnInvoice_Returns409_AndTheTeamCannotWithdrawIt()
    {
        var (partner, client, _) = await PartnerAsync();
        var tutorial = await Data.TutorialAsync(App, partner, October5);
        var id = (await OkJsonAsync(await client.PostAsJsonAsync("/api/v1/invoices", new { bookingIds = new[] { tutorial } }), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var team = await TeamAsync();
        await team.PostAsJsonAsync($"/api/v1/invoices/{id}/approve", new { });

        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/v1/invoices/{id}/dispute", new { reason = "Wrong" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await team.PostAsJsonAsync($"/api/v1/invoices/{id}/withdraw", new { })).StatusCode);
    }

    [Fact]
    public async Task Denials_OtherPartnersDelegatesAndTutors()
    {
        var (partner, client, profileId) = await PartnerAsync();
        await Data.TutorialAsync(App, partner, October5);
        var agreementId = (await AcceptAsync(client)).GetProperty("id").GetInt32();
        var team = await TeamAsync();
        var id = (await RaiseAsync(team, profileId)).GetProperty("id").GetInt32();
        var (_, other, _) = await PartnerAsync("other@test.example");
        var cohort = await App.WithDbAsync(db => db.Cohorts.FirstAsync());
        await Data.DelegateAsync(cohort, "delegate@test.example");
        var delegateClient = await SignedInAsync("delegate@test.example");
        await Data.TutorAsync();
        var tutor = await SignedInAsync("tutor@test.example");

        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/v1/self-billing/agreements")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/invoices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/invoices/{id}/dispute", new { reason = "Not mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Partner/Invoices/{id}")).StatusCode);
        Assert.Single((await team.GetFromJsonAsync<JsonElement>("/api/v1/self-billing/agreements")).EnumerateArray());
        foreach (var someone in new[] { delegateClient, tutor })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await someone.GetAsync("/api/v1/self-billing/agreements")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await someone.PostAsJsonAsync("/api/v1/self-billing/agreements", Agreement())).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await someone.PostAsJsonAsync($"/api/v1/invoices/{id}/dispute", new { reason = "x" })).StatusCode);
        }
        foreach (var someone in new[] { client, other, delegateClient, tutor })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await someone.PostAsJsonAsync("/api/v1/invoices/self-billed", new { partnerId = profileId })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await someone.PostAsJsonAsync($"/api/v1/invoices/{id}/withdraw", new { })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await someone.PostAsJsonAsync($"/api/v1/self-billing/agreements/{agreementId}/end", new { reason = "x" })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await team.PostAsJsonAsync("/api/v1/self-billing/agreements", Agreement())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().GetAsync("/api/v1/self-billing/agreements")).StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Invoices.CountAsync()));
    }
}
