using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Api;

public class InvoicingApiTests(AppFactory app) : AppTest(app)
{
    private static readonly DateOnly October5 = new(2026, 10, 5);
    private static readonly int[] OneId = [1];

    private async Task<(AppUser Partner, HttpClient Client)> PartnerAsync(string email = "partner@test.example", long defaultFee = 150_00)
    {
        var partner = await Data.PartnerAsync(email);
        await App.PartnerProfileAsync(partner);
        if (defaultFee > 0 && !await App.WithDbAsync(db => db.FeeRates.AnyAsync(r => r.PartnerId == null)))
        {
            await App.FeeRateAsync(defaultFee, new DateOnly(2026, 9, 1));
        }
        return (partner, await SignedInAsync(email));
    }

    private async Task<HttpClient> TeamAsync()
    {
        await Data.ProgrammeTeamAsync();
        return await SignedInAsync("team@test.example");
    }

    private static async Task<JsonElement> CreatedAsync(HttpClient client, params int[] ids)
    {
        var response = await client.PostAsJsonAsync("/api/v1/invoices", new { bookingIds = ids });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<int>> InvoiceableIdsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/invoices/invoiceable")).EnumerateArray().Select(e => e.GetProperty("bookingId").GetInt32()).ToList();

    [Fact]
    public async Task Invoiceable_OnlyHeldWithFeedbackOfThisPartner()
    {
        var (partner, client) = await PartnerAsync();
        var other = await Data.PartnerAsync("other@test.example");
        var held = await Data.TutorialAsync(App, partner, October5, delegateName: "Amara Okafor", project: 2);
        await Data.TutorialAsync(App, partner, October5.AddDays(1), feedback: false);
        await Data.TutorialAsync(App, partner, October5.AddDays(2), BookingStatus.Booked);
        await Data.TutorialAsync(App, partner, October5.AddDays(3), BookingStatus.NoShow);
        await Data.TutorialAsync(App, partner, October5.AddDays(4), BookingStatus.Cancelled);
        await Data.TutorialAsync(App, other, October5);

        var rows = (await client.GetFromJsonAsync<JsonElement>("/api/v1/invoices/invoiceable")).EnumerateArray().ToList();

        var row = Assert.Single(rows);
        Assert.Equal(["bookingId", "date", "project", "delegateInitials", "fee"], row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(held, row.GetProperty("bookingId").GetInt32());
        Assert.Equal("2026-10-05", row.GetProperty("date").GetString());
        Assert.Equal(2, row.GetProperty("project").GetInt32());
        Assert.Equal("AO", row.GetProperty("delegateInitials").GetString());
        Assert.Equal("150.00", row.GetProperty("fee").GetRawText());
    }

    [Fact]
    public async Task Invoiceable_NoShow_OnlyWhenPayable()
    {
        var (partner, client) = await PartnerAsync();
        var noShow = await Data.TutorialAsync(App, partner, October5, BookingStatus.NoShow);
        Assert.Empty(await InvoiceableIdsAsync(client));

        await App.NoShowPayableAsync(true);

        Assert.Equal([noShow], await InvoiceableIdsAsync(client));
        var invoice = await CreatedAsync(client, noShow);
        Assert.Equal("Submitted", invoice.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Invoiceable_OnSubmittedInvoiceNo_OnRejectedInvoiceYesAgain()
    {
        var (partner, client) = await PartnerAsync();
        var team = await TeamAsync();
        var a = await Data.TutorialAsync(App, partner, October5);
        var b = await Data.TutorialAsync(App, partner, October5.AddDays(1));

        var invoice = await CreatedAsync(client, a);
        Assert.Equal([b], await InvoiceableIdsAsync(client));

        var reject = await team.PostAsJsonAsync($"/api/v1/invoices/{invoice.GetProperty("id").GetInt32()}/reject", new { reason = "Wrong date" });
        Assert.Equal(HttpStatusCode.OK, reject.StatusCode);
        Assert.Equal([a, b], await InvoiceableIdsAsync(client));

        var again = await CreatedAsync(client, a, b);
        Assert.Equal("RT-000002", again.GetProperty("number").GetString());
    }

    [Fact]
    public async Task Post_FeeTakenAtTutorialDate_RateChangeBetweenTutorials()
    {
        var (partner, client) = await PartnerAsync();
        await App.FeeRateAsync(160_00, new DateOnly(2026, 10, 10));
        await App.FeeRateAsync(175_00, new DateOnly(2026, 10, 20), partner);
        var first = await Data.TutorialAsync(App, partner, October5);              // default £150
        var second = await Data.TutorialAsync(App, partner, new DateOnly(2026, 10, 12)); // default £160
        var third = await Data.TutorialAsync(App, partner, new DateOnly(2026, 10, 20));  // partner's £175

        var invoice = await CreatedAsync(client, third, first, second);

        Assert.Equal(["id", "number", "lines", "subtotal", "vat", "total", "status"], invoice.EnumerateObject().Select(p => p.Name));
        Assert.Equal("RT-000001", invoice.GetProperty("number").GetString());
        var lines = invoice.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([first, second, third], lines.Select(l => l.GetProperty("bookingId").GetInt32()));
        Assert.Equal(["150.00", "160.00", "175.00"], lines.Select(l => l.GetProperty("fee").GetRawText()));
        Assert.Equal("485.00", invoice.GetProperty("subtotal").GetRawText());
        Assert.Equal("0.00", invoice.GetProperty("vat").GetRawText());
        Assert.Equal("485.00", invoice.GetProperty("total").GetRawText());
        Assert.Equal("Submitted", invoice.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Post_VatRegistered_AddsTwentyPercentRoundedToThePenny()
    {
        var (partner, client) = await PartnerAsync(defaultFee: 123_45);
        await App.BillingAsync(partner, vatRegistered: true, "GB123456789");
        var a = await Data.TutorialAsync(App, partner, October5);

        var invoice = await CreatedAsync(client, a);

        Assert.Equal("123.45", invoice.GetProperty("subtotal").GetRawText());
        Assert.Equal("24.69", invoice.GetProperty("vat").GetRawText());
        Assert.Equal("148.14", invoice.GetProperty("total").GetRawText());
        var stored = await App.WithDbAsync(db => db.Invoices.SingleAsync());
        Assert.Equal((12345L, 2469L, 14814L, "GB123456789"), (stored.SubtotalPence, stored.VatPence, stored.TotalPence, stored.VatNumber));
    }

    [Fact]
    public async Task Post_NotInvoiceable_Returns422NamingEachBooking()
    {
        var (partner, client) = await PartnerAsync();
        var other = await Data.PartnerAsync("other@test.example");
        var good = await Data.TutorialAsync(App, partner, October5);
        var noFeedback = await Data.TutorialAsync(App, partner, October5.AddDays(1), feedback: false);
        var booked = await Data.TutorialAsync(App, partner, October5.AddDays(2), BookingStatus.Booked);
        var theirs = await Data.TutorialAsync(App, other, October5);

        var problem = await ProblemAsync(await client.PostAsJsonAsync("/api/v1/invoices", new { bookingIds = new[] { good, noFeedback, booked, theirs, 9999 } }),
            HttpStatusCode.UnprocessableEntity);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains($"booking {noFeedback} has no feedback recorded", detail, StringComparison.Ordinal);
        Assert.Contains($"booking {booked} has not been held yet", detail, StringComparison.Ordinal);
        Assert.Contains($"booking {theirs} is not one of your tutorials", detail, StringComparison.Ordinal);
        Assert.Contains("booking 9999 is not one of your tutorials", detail, StringComparison.Ordinal);
        Assert.DoesNotContain($"booking {good} ", detail, StringComparison.Ordinal);
        Assert.Equal([noFeedback, booked, theirs, 9999], problem.GetProperty("bookings").EnumerateArray().Select(b => b.GetProperty("bookingId").GetInt32()).Order());
        Assert.Equal(0, await App.WithDbAsync(db => db.Invoices.CountAsync()));
        // A refusal uses up no number.
        Assert.Equal("RT-000001", (await CreatedAsync(client, good)).GetProperty("number").GetString());
    }

    [Fact]
    public async Task Post_AlreadyInvoiced_Returns422()
    {
        var (partner, client) = await PartnerAsync();
        var a = await Data.TutorialAsync(App, partner, October5);
        await CreatedAsync(client, a);

        var problem = await ProblemAsync(await client.PostAsJsonAsync("/api/v1/invoices", new { bookingIds = new[] { a } }), HttpStatusCode.UnprocessableEntity);

        Assert.Contains($"booking {a} is already on invoice RT-000001", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"bookingIds\":[]}")]
    [InlineData("{\"bookingIds\":\"12\"}")]
    [InlineData("not json")]
    public async Task Post_Malformed_Returns400(string body)
    {
        var (_, client) = await PartnerAsync();

        var response = await client.PostAsync("/api/v1/invoices", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Approve_ThenPaid_ThenNothingElse_Returns409s()
    {
        var (partner, client) = await PartnerAsync();
        var team = await TeamAsync();
        var id = (await CreatedAsync(client, await Data.TutorialAsync(App, partner, October5))).GetProperty("id").GetInt32();

        await ProblemAsync(await team.PostAsJsonAsync($"/api/v1/invoices/{id}/paid", new { paidOn = "2026-11-23", reference = "BACS-1" }), HttpStatusCode.Conflict);
        var approved = await team.PostAsJsonAsync($"/api/v1/invoices/{id}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await ProblemAsync(await team.PostAsJsonAsync($"/api/v1/invoices/{id}/approve", new { }), HttpStatusCode.Conflict);
        await ProblemAsync(await team.PostAsJsonAsync($"/api/v1/invoices/{id}/reject", new { reason = "Too late" }), HttpStatusCode.Conflict);

        var early = await ProblemAsync(await team.PostAsJsonAsync($"/api/v1/invoices/{id}/paid", new { paidOn = "2026-11-22", reference = "BACS-1" }), HttpStatusCode.BadRequest);
        Assert.Contains("cannot be before the invoice's date, 23 November 2026", early.GetRawText(), StringComparison.Ordinal);
        var paid = await team.PostAsJsonAsync($"/api/v1/invoices/{id}/paid", new { paidOn = "2026-11-23", reference = "BACS-1" });
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var body = await paid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Paid", "2026-11-23", "BACS-1"), (body.GetProperty("status").GetString(), body.GetProperty("paidOn").GetString(), body.GetProperty("paymentReference").GetString()));

        await ProblemAsync(await team.PostAsJsonAsync($"/api/v1/invoices/{id}/paid", new { paidOn = "2026-11-23", reference = "BACS-2" }), HttpStatusCode.Conflict);
        await ProblemAsync(await team.PostAsJsonAsync($"/api/v1/invoices/{id}/reject", new { reason = "Oops" }), HttpStatusCode.Conflict);
        await ProblemAsync(await team.PostAsJsonAsync($"/api/v1/invoices/{id}/approve", new { }), HttpStatusCode.Conflict);
        var stored = await App.WithDbAsync(db => db.Invoices.SingleAsync());
        Assert.Equal((new DateOnly(2026, 11, 23), "BACS-1"), (stored.PaidOn!.Value, stored.PaymentReference));
        // The tutorial stays invoiced.
        Assert.Empty(await InvoiceableIdsAsync(client));
    }

    [Fact]
    public async Task Reject_Rejected_Returns409_AndBadInput400()
    {
        var (partner, client) = await PartnerAsync();
        var team = await TeamAsync();
        var id = (await CreatedAsync(client, await Data.TutorialAsync(App, partner, October5))).GetProperty("id").GetInt32();

        await ProblemAsync(await team.PostAsJsonAsync($"/api/v1/invoices/{id}/reject", new { reason = "  " }), HttpStatusCode.BadRequest);
        await ProblemAsync(await team.PostAsJsonAsync($"/api/v1/invoices/{id}/paid", new { paidOn = "20/11/2026", reference = "X" }), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await team.PostAsJsonAsync($"/api/v1/invoices/{id}/reject", new { reason = "Wrong rate" })).StatusCode);
        await ProblemAsync(await team.PostAsJsonAsync($"/api/v1/invoices/{id}/reject", new { reason = "Again" }), HttpStatusCode.Conflict);
        await ProblemAsync(await team.PostAsJsonAsync($"/api/v1/invoices/{id}/approve", new { }), HttpStatusCode.Conflict);
        await ProblemAsync(await team.PostAsJsonAsync("/api/v1/invoices/9999/approve", new { }), HttpStatusCode.NotFound);

        var seen = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}");
        Assert.Equal(("Rejected", "Wrong rate"), (seen.GetProperty("status").GetString(), seen.GetProperty("rejectReason").GetString()));
    }

    [Fact]
    public async Task Roles_OthersAreRefused()
    {
        var (partner, client) = await PartnerAsync();
        var id = (await CreatedAsync(client, await Data.TutorialAsync(App, partner, October5))).GetProperty("id").GetInt32();
        var (_, otherPartner) = await PartnerAsync("other@test.example");
        var cohort = await App.WithDbAsync(db => db.Cohorts.FirstAsync());
        await Data.DelegateAsync(cohort, "delegate@test.example");
        var delegateClient = await SignedInAsync("delegate@test.example");
        await Data.TutorAsync();
        var tutor = await SignedInAsync("tutor@test.example");

        Assert.Equal(HttpStatusCode.NotFound, (await otherPartner.GetAsync($"/api/v1/invoices/{id}")).StatusCode);
        Assert.Empty((await otherPartner.GetFromJsonAsync<JsonElement>("/api/v1/invoices")).EnumerateArray());
        foreach (var someone in new[] { delegateClient, tutor })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await someone.GetAsync("/api/v1/invoices/invoiceable")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await someone.PostAsJsonAsync("/api/v1/invoices", new { bookingIds = OneId })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await someone.GetAsync("/api/v1/invoices")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await someone.GetAsync($"/api/v1/invoices/{id}")).StatusCode);
        }
        foreach (var someone in new[] { client, otherPartner, delegateClient })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await someone.PostAsJsonAsync($"/api/v1/invoices/{id}/approve", new { })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await someone.PostAsJsonAsync($"/api/v1/invoices/{id}/reject", new { reason = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await someone.PostAsJsonAsync($"/api/v1/invoices/{id}/paid", new { paidOn = "2026-11-20", reference = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await someone.GetAsync("/api/v1/invoices/export.csv")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().GetAsync("/api/v1/invoices/invoiceable")).StatusCode);
        var team = await TeamAsync();
        Assert.Equal(HttpStatusCode.OK, (await team.GetAsync($"/api/v1/invoices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.GetAsync("/api/v1/invoices/invoiceable")).StatusCode);
    }

    [Fact]
    public async Task Export_OneRowPerLine_WithFilters()
    {
        var (partner, client) = await PartnerAsync();
        await App.BillingAsync(partner, vatRegistered: true, "GB999999973");
        var first = (await CreatedAsync(client, await Data.TutorialAsync(App, partner, October5, delegateName: "Ben Hall"),
            await Data.TutorialAsync(App, partner, October5.AddDays(7), delegateName: "Cara Dee"))).GetProperty("id").GetInt32();
        // Three days on (signed in afresh, as the cookie's clock moved too).
        App.Clock.Advance(TimeSpan.FromDays(3));
        client = await SignedInAsync("partner@test.example");
        var team = await TeamAsync();
        await CreatedAsync(client, await Data.TutorialAsync(App, partner, October5.AddDays(14), delegateName: "Dan, \"the\" Eve"));
        Assert.Equal(HttpStatusCode.OK, (await team.PostAsJsonAsync($"/api/v1/invoices/{first}/approve", new { })).StatusCode);

        var all = (await team.GetStringAsync("/api/v1/invoices/export.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var approved = (await team.GetStringAsync("/api/v1/invoices/export.csv?status=Approved")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var later = (await team.GetStringAsync("/api/v1/invoices/export.csv?from=2026-11-24&to=2026-11-30")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Invoice number,Invoice date,Status,Partner,Partner email,VAT number,Booking id,Tutorial date,Project,Delegate initials,Fee,Invoice subtotal,Invoice VAT,Invoice total,Paid on,Payment reference", all[0]);
        Assert.Equal(4, all.Length);
        Assert.StartsWith("RT-000001,23/11/2026,Approved,Pip Partner,partner@test.example,GB999999973,", all[1], StringComparison.Ordinal);
        Assert.EndsWith(",05/10/2026,1,BH,150.00,300.00,60.00,360.00,,", all[1], StringComparison.Ordinal);
        Assert.EndsWith(",12/10/2026,1,CD,150.00,300.00,60.00,360.00,,", all[2], StringComparison.Ordinal);
        Assert.StartsWith("RT-000002,26/11/2026,Submitted,", all[3], StringComparison.Ordinal);
        Assert.Equal(3, approved.Length);
        Assert.Equal(2, later.Length);
        Assert.StartsWith("RT-000002,", later[1], StringComparison.Ordinal);
        var response = await team.GetAsync("/api/v1/invoices/export.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        await ProblemAsync(await team.GetAsync("/api/v1/invoices/export.csv?from=2026-13-01"), HttpStatusCode.BadRequest);
        await ProblemAsync(await team.GetAsync("/api/v1/invoices/export.csv?status=Lost"), HttpStatusCode.BadRequest);
        await ProblemAsync(await team.GetAsync("/api/v1/invoices/export.csv?from=2026-12-01&to=2026-11-01"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task EveryChange_IsAudited()
    {
        var (partner, client) = await PartnerAsync();
        var team = await TeamAsync();
        var a = (await CreatedAsync(client, await Data.TutorialAsync(App, partner, October5))).GetProperty("id").GetInt32();
        var b = (await CreatedAsync(client, await Data.TutorialAsync(App, partner, October5.AddDays(1)))).GetProperty("id").GetInt32();
        await team.PostAsJsonAsync($"/api/v1/invoices/{a}/approve", new { });
        await team.PostAsJsonAsync($"/api/v1/invoices/{a}/paid", new { paidOn = "2026-11-23", reference = "REF-9" });
        await team.PostAsJsonAsync($"/api/v1/invoices/{b}/reject", new { reason = "Duplicate" });

        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == "Invoice").OrderBy(e => e.Id).ToListAsync());
        var teamId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == "team@test.example").Select(u => u.Id).SingleAsync());

        Assert.Equal([(a, "Submitted", partner.Id), (b, "Submitted", partner.Id), (a, "Approved", teamId), (a, "Paid", teamId), (b, "Rejected", teamId)],
            audit.Select(e => (e.SubjectId, e.Action, e.UserId!)));
        Assert.All(audit, e => Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, e.At));
        Assert.Equal("Duplicate", audit[^1].Detail);
        Assert.Contains("REF-9", audit[3].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SameTutorialTwiceAtOnce_OneCreatedOneRefused()
    {
        var (partner, client) = await PartnerAsync();
        var second = await SignedInAsync("partner@test.example");
        var a = await Data.TutorialAsync(App, partner, October5);

        var responses = await Task.WhenAll(
            client.PostAsJsonAsync("/api/v1/invoices", new { bookingIds = new[] { a } }),
            second.PostAsJsonAsync("/api/v1/invoices", new { bookingIds = new[] { a } }));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await App.WithDbAsync(db => db.Invoices.CountAsync()));
        Assert.Equal(1, await App.WithDbAsync(db => db.InvoiceLines.CountAsync(l => l.ActiveBookingId == a)));
    }

    [Fact]
    public async Task Post_TenPartnersAtOnce_NumbersUniqueAndGapless()
    {
        var clients = new List<(HttpClient Client, int Booking)>();
        for (var i = 1; i <= 10; i++)
        {
            var (partner, client) = await PartnerAsync($"partner{i}@test.example");
            clients.Add((client, await Data.TutorialAsync(App, partner, October5)));
        }

        var responses = await Task.WhenAll(clients.Select(c => c.Client.PostAsJsonAsync("/api/v1/invoices", new { bookingIds = new[] { c.Booking } })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = new List<string>();
        foreach (var r in responses)
        {
            numbers.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!);
        }
        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"RT-{n:D6}"), numbers.Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, 10).Select(n => (long)n), await App.WithDbAsync(db => db.Invoices.Select(i => i.Sequence).OrderBy(s => s).ToListAsync()));
    }
}
