using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Data;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Demo;

// The demo data a newcomer sees loads on both databases and shows each feature at once.
public class DemoDataTests(AppFactory app) : AppTest(app)
{
    private async Task SeedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync();
    }

    private Task<HttpClient> DemoAsync(string who) => SignedInAsync($"{who}@{DemoData.Domain}", DemoData.Password);

    [Fact]
    public async Task Demo_Tutorials_ShowEveryStateAtOnce()
    {
        await SeedAsync();

        var partner1 = await (await DemoAsync("partner1")).GetFromJsonAsync<JsonElement>("/api/v1/bookings/mine");
        var delegate2 = await DemoAsync("delegate2");
        var ranked = await delegate2.GetFromJsonAsync<JsonElement>("/api/v1/partners?project=2");
        var flags = await App.WithDbAsync(db => db.Bookings.AsNoTracking().Select(b => new { b.Status, b.OutsideWindow, HasFeedback = b.Feedback != null }).ToListAsync());

        Assert.True(partner1.EnumerateArray().Count(b => b.GetProperty("status").GetString() == "Held") >= 7);
        Assert.Equal(6, ranked.GetArrayLength());
        Assert.Contains("Same phase (primary)", ranked[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Single(flags, f => f.Status == BookingStatus.LateCancelled);
        Assert.Single(flags, f => f.Status == BookingStatus.NoShow);
        Assert.Contains(flags, f => f.Status == BookingStatus.Booked);
        Assert.InRange(flags.Count(f => f.OutsideWindow), 1, 4);
        Assert.All(flags.Where(f => f.Status is BookingStatus.Held or BookingStatus.NoShow), f => Assert.True(f.HasFeedback));
        Assert.Equal(2, await App.WithDbAsync(db => db.Referrals.CountAsync(r => r.DealtWithAt == null)));
    }

    [Theory]
    [InlineData("partner1")]
    [InlineData("partner2")]
    public async Task Demo_Invoicing_HasAnInvoiceInEachStatus_AndAtLeastThreeToInvoice(string partner)
    {
        await SeedAsync();
        var client = await DemoAsync(partner);

        var invoices = await client.GetFromJsonAsync<JsonElement>("/api/v1/invoices");
        var invoiceable = await client.GetFromJsonAsync<JsonElement>("/api/v1/invoices/invoiceable");

        Assert.Equal(["Approved", "Paid", "Rejected", "Submitted"],
            invoices.EnumerateArray().Where(i => !i.GetProperty("selfBilled").GetBoolean()).Select(i => i.GetProperty("status").GetString()).Order());
        Assert.True(invoiceable.GetArrayLength() >= 3);
    }

    [Fact]
    public async Task Demo_SelfBilling_Partner1HasAnAgreementInForceAndOneSelfBilledInvoice_NumberedNext()
    {
        await SeedAsync();
        var client = await DemoAsync("partner1");

        var agreements = await client.GetFromJsonAsync<JsonElement>("/api/v1/self-billing/agreements");
        var invoices = await client.GetFromJsonAsync<JsonElement>("/api/v1/invoices");
        var partner2 = await (await DemoAsync("partner2")).GetFromJsonAsync<JsonElement>("/api/v1/self-billing/agreements");

        Assert.Equal("In force", Assert.Single(agreements.EnumerateArray()).GetProperty("status").GetString());
        var selfBilled = Assert.Single(invoices.EnumerateArray(), i => i.GetProperty("selfBilled").GetBoolean());
        Assert.Equal("RT-000009", selfBilled.GetProperty("number").GetString());
        Assert.Equal("GB000000001", selfBilled.GetProperty("vatNumber").GetString());
        Assert.Equal(0, partner2.GetArrayLength());
        Assert.Equal(9, await App.WithDbAsync(db => db.InvoiceCounters.Select(c => c.Last).SingleAsync()));
    }

    [Fact]
    public async Task Demo_EveryReminderKindIsDueAtStart()
    {
        await SeedAsync();

        await using var scope = App.Services.CreateAsyncScope();
        var due = await scope.ServiceProvider.GetRequiredService<Roundtable.Web.Reminders.ReminderService>().DueAsync();

        Assert.Equal(Roundtable.Web.Reminders.ReminderKind.All.Select(k => k.Code).Order().ToList(), due.Select(d => d.Kind.Code).Distinct().Order().ToList());
    }

    [Fact]
    public async Task Demo_AGroupOfEight_StartsInTwoBreakoutsAtOnce()
    {
        await SeedAsync();
        var sessionId = await App.WithDbAsync(db => db.CommunitySessions.Where(s => s.Group.Name == "Senior leaders' circle" && s.RecordedAt == null)
            .Select(s => s.Id).SingleAsync());
        var chair = await DemoAsync("breakout1");
        var url = $"/api/v1/sessions/{sessionId}/live";

        var proposed = await chair.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal([4, 4], proposed.GetProperty("breakouts").EnumerateArray().Select(b => b.GetProperty("members").GetArrayLength()));
        var started = await chair.PostAsJsonAsync($"{url}/start", new { });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        Assert.All((await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("breakouts").EnumerateArray(),
            b => Assert.Equal("Running", b.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Demo_ProgrammeHome_HasAnImportWithErrorsToLookAt()
    {
        await SeedAsync();
        var team = await DemoAsync("programme");

        var list = await team.GetDocumentAsync("/Programme/Imports");

        var row = Assert.Single(list.QuerySelectorAll("#imports tbody tr"));
        Assert.Contains("1 row has errors", row.TextContent, StringComparison.Ordinal);
        var preview = await team.GetDocumentAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Contains("rhys.tanner-at-example", preview.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_CaseStudy_OpenNow_OneIneligible_OneExtended()
    {
        await SeedAsync();

        var rows = new Dictionary<string, JsonElement>();
        foreach (var who in new[] { "npqsl1", "npqsl3", "npqsl4" })
        {
            rows[who] = Assert.Single((await (await DemoAsync(who)).GetFromJsonAsync<JsonElement>("/api/v1/assessments/mine")).EnumerateArray());
        }

        Assert.Equal(("case-study", true, "draft"), (rows["npqsl1"].GetProperty("regime").GetString(), rows["npqsl1"].GetProperty("eligible").GetBoolean(), rows["npqsl1"].GetProperty("status").GetString()));
        Assert.False(rows["npqsl3"].GetProperty("eligible").GetBoolean());
        Assert.True(rows["npqsl4"].GetProperty("eligible").GetBoolean());
        Assert.True(rows["npqsl4"].GetProperty("closesAt").GetDateTimeOffset() > rows["npqsl1"].GetProperty("closesAt").GetDateTimeOffset());
        Assert.True(rows["npqsl1"].GetProperty("opensAt").GetDateTimeOffset() <= App.Clock.GetUtcNow());
    }
}
