using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Infrastructure.Audit;

namespace Roundtable.Tests.Pages;

public class AuditPagesTests(AppFactory app) : AppTest(app)
{
    private static readonly DateOnly October5 = new(2026, 10, 5);

    private async Task<HttpClient> TeamAsync()
    {
        await Data.ProgrammeTeamAsync();
        return await SignedInAsync("team@test.example");
    }

    private static Dictionary<string, string> NewDetails(string payment = "Sort code 11-22-33, account 12345678", string vat = "no") => new()
    {
        ["Input.Address"] = "1 Test Road", ["Input.PaymentDetails"] = payment, ["Input.VatRegistered"] = vat, ["Input.VatNumber"] = "",
    };

    [Fact]
    public async Task ChangedPaymentDetails_EmailThePartner_AndHoldApprovalAndPaymentUntilConfirmed()
    {
        var team = await TeamAsync();
        var partner = await Data.PartnerAsync();
        await App.BillingAsync(partner, vatRegistered: false);
        await App.FeeRateAsync(150_00, new DateOnly(2026, 9, 1));
        var booking = await Data.TutorialAsync(App, partner, October5);
        var partnerClient = await SignedInAsync("partner@test.example");
        var created = await partnerClient.PostAsJsonAsync("/api/v1/invoices", new { bookingIds = new[] { booking } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var invoiceId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var profileId = await App.WithDbAsync(db => db.PartnerProfiles.Select(p => p.Id).SingleAsync());

        var page = await team.GetDocumentAsync($"/Programme/Invoices/Partner/{profileId}");
        Assert.Null(page.QuerySelector("#confirm-details"));
        Assert.Equal(HttpStatusCode.Redirect, (await team.SubmitAsync(page, NewDetails())).StatusCode);

        var mail = Assert.Single(await App.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync()));
        Assert.Equal("partner@test.example", mail.To);
        Assert.Equal("Your payment details for Roundtable have changed", mail.Subject);
        Assert.Contains("account ending 78", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("If you did not ask for this change, contact the programme team at once.", mail.TextBody, StringComparison.Ordinal);

        var refused = await team.PostAsync($"/api/v1/invoices/{invoiceId}/approve", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("not yet confirmed", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var invoicePage = await team.GetDocumentAsync($"/Programme/Invoices/{invoiceId}");
        Assert.NotNull(invoicePage.QuerySelector("#details-unconfirmed"));

        page = await team.GetDocumentAsync($"/Programme/Invoices/Partner/{profileId}");
        Assert.NotNull(page.QuerySelector("#confirm-details"));
        var confirmed = await team.SendFormAsync(page, "#confirm-details form", []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await team.PostAsync($"/api/v1/invoices/{invoiceId}/approve", null)).StatusCode);
        var entries = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Subject == AuditedKinds.Partner).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["Payment details added", "Payment details changed", "New payment details confirmed"], entries.Select(e => e.Action));
        var history = (await team.GetDocumentAsync($"/Programme/Invoices/Partner/{profileId}")).Text("#history");
        Assert.Contains("Pat Team New payment details confirmed", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddressOnlyChange_NeedsNoConfirmation_AndSendsNoEmail()
    {
        var team = await TeamAsync();
        var partner = await Data.PartnerAsync();
        await App.BillingAsync(partner, vatRegistered: false);
        var profileId = await App.WithDbAsync(db => db.PartnerProfiles.Select(p => p.Id).SingleAsync());

        var page = await team.GetDocumentAsync($"/Programme/Invoices/Partner/{profileId}");
        await team.SubmitAsync(page, NewDetails(payment: "Sort code 00-00-00, account 00000000"));

        Assert.Empty(await App.WithDbAsync(db => db.OutboxMessages.ToListAsync()));
        Assert.False(await App.WithDbAsync(db => db.PartnerBillings.AnyAsync(b => b.AwaitingConfirmation)));
    }

    [Fact]
    public async Task AuditPage_FiltersByKindPersonAndDate_AndPages()
    {
        var team = await TeamAsync();
        var partner = await Data.PartnerAsync();
        await App.BillingAsync(partner, vatRegistered: false);
        await App.WithDbAsync(async db =>
        {
            var at = App.Clock.GetUtcNow().UtcDateTime;
            for (var i = 1; i <= 60; i++)
            {
                db.AuditEntries.Add(AuditEntry.Of("Booking", i, "Booked", null, at.AddDays(-10)));
            }
            await db.SaveChangesAsync();
        });

        var bookings = await team.GetDocumentAsync("/Programme/Audit?F.Kind=Booking");
        Assert.Contains("60 entries", bookings.Text("#audit-count"), StringComparison.Ordinal);
        Assert.Equal(AuditModelPageSize, bookings.QuerySelectorAll("#audit tbody tr").Length);
        var next = bookings.QuerySelector("a[rel=next]")?.GetAttribute("href");
        Assert.NotNull(next);
        var second = await team.GetDocumentAsync(next!);
        Assert.Equal(60 - AuditModelPageSize, second.QuerySelectorAll("#audit tbody tr").Length);

        var partners = await team.GetDocumentAsync("/Programme/Audit?F.Kind=Partner");
        Assert.Contains("1 entry", partners.Text("#audit-count"), StringComparison.Ordinal);
        Assert.Contains("Payment details added", partners.Text("#audit"), StringComparison.Ordinal);

        var byPerson = (await team.GetDocumentAsync("/Programme/Audit?F.Person=pip")).Text("#audit");
        Assert.Contains("Payment details added", byPerson, StringComparison.Ordinal);
        Assert.Contains("RoleId: (none) → Partner", byPerson, StringComparison.Ordinal);
        Assert.DoesNotContain("ProgrammeTeam", byPerson, StringComparison.Ordinal);
        Assert.DoesNotContain("Booked", byPerson, StringComparison.Ordinal);

        var today = Roundtable.Web.Infrastructure.LondonTime.Today(App.Clock);
        var from = $"F.From.Day={today.Day}&F.From.Month={today.Month}&F.From.Year={today.Year}";
        Assert.Contains("0 entries", (await team.GetDocumentAsync($"/Programme/Audit?F.Kind=Booking&{from}")).Text("#audit-count"), StringComparison.Ordinal);
        Assert.Contains("1 entry", (await team.GetDocumentAsync($"/Programme/Audit?F.Kind=Partner&{from}")).Text("#audit-count"), StringComparison.Ordinal);

        var wrong = await team.GetDocumentAsync("/Programme/Audit?F.Record=abc&F.Kind=Nonsense");
        Assert.Contains("Record number must be a whole number, like 42", Html.Errors(wrong));
        Assert.Contains("Choose a kind of record from the list", Html.Errors(wrong));
    }

    private const int AuditModelPageSize = Roundtable.Web.Pages.Programme.AuditModel.PageSize;

    [Fact]
    public async Task AuditCsv_IsNotCached_AndFormulaSafe()
    {
        var team = await TeamAsync();
        await App.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(AuditEntry.Of("Booking", 1, "Cancelled", null, App.Clock.GetUtcNow().UtcDateTime, "=HYPERLINK(\"http://x\")"));
            await db.SaveChangesAsync();
        });

        var response = await team.GetAsync("/Programme/Audit?handler=Export&F.Kind=Booking");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("When,By,Action,Record type,Record id,Changes", csv, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_OnlyForTheProgrammeTeam()
    {
        await Data.PartnerAsync();
        var partner = await SignedInAsync("partner@test.example");
        var response = await partner.GetAsync("/Programme/Audit");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        var csv = await partner.GetAsync("/Programme/Audit?handler=Export");
        Assert.NotEqual(HttpStatusCode.OK, csv.StatusCode);
    }

    [Fact]
    public async Task PersonPage_ShowsTheirOwnHistory()
    {
        var team = await TeamAsync();
        var partner = await Data.PartnerAsync();
        await App.BillingAsync(partner, vatRegistered: false);

        var page = await team.GetDocumentAsync($"/Programme/People/Edit/{partner.Id}");

        Assert.Contains("Payment details added", page.Text("#history"), StringComparison.Ordinal);
    }
}
