using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Infrastructure.Api;

namespace Roundtable.Tests.Security;

// Issue 12, point 2: rows returned by a list are bounded. Every API list takes ?page= and
// ?pageSize= (at most 500), says how many rows match in X-Total-Count, and names the limit when
// asked for more.
public class ListPagingTests(AppFactory app) : AppTest(app)
{
    // Every GET in /api/v1 whose answer is an array that grows with the data, with who may call it.
    public static TheoryData<string, string> Lists => new()
    {
        { "/api/v1/cohorts", "team@test.example" },
        { "/api/v1/invoices", "team@test.example" },
        { "/api/v1/invoices/invoiceable", "partner@test.example" },
        { "/api/v1/bookings/mine", "partner@test.example" },
        { "/api/v1/partners/{partner}/slots", "team@test.example" },
        { "/api/v1/partners?project=1", "m1@test.example" },
        { "/api/v1/groups/mine", "m1@test.example" },
        { "/api/v1/referrals/mine", "tutor@test.example" },
        { "/api/v1/audit", "team@test.example" },
        { "/api/v1/audit?recordType=Cohort", "team@test.example" },
        { "/api/v1/protocols", "m1@test.example" },
        { "/api/v1/self-billing/agreements", "team@test.example" },
    };

    // The lists that the scenario below fills with at least two rows for the caller.
    public static TheoryData<string, string> FilledLists => new()
    {
        { "/api/v1/cohorts", "team@test.example" },
        { "/api/v1/invoices/invoiceable", "partner@test.example" },
        { "/api/v1/bookings/mine", "partner@test.example" },
        { "/api/v1/partners/{partner}/slots", "team@test.example" },
        { "/api/v1/audit?recordType=Cohort", "team@test.example" },
        { "/api/v1/protocols", "m1@test.example" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task PageSizeOverTheLimit_Is422NamingTheLimit(string path, string email)
    {
        var url = await ScenarioAsync(path);
        var client = await SignedInAsync(email);

        var response = await client.GetAsync(With(url, $"pageSize={PageRequest.MaxSize + 1}"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"pageSize must be between 1 and {PageRequest.MaxSize}.", problem.GetProperty("detail").GetString());
        Assert.Equal("pageSize", problem.GetProperty("field").GetString());
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task PageBelowOneOrPageSizeZero_Is422(string path, string email)
    {
        var url = await ScenarioAsync(path);
        var client = await SignedInAsync(email);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.GetAsync(With(url, "page=0"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.GetAsync(With(url, "pageSize=0"))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(FilledLists))]
    public async Task SecondPageOfOne_IsOneRow_WithTheTotalInTheHeader(string path, string email)
    {
        var url = await ScenarioAsync(path);
        var client = await SignedInAsync(email);
        var all = await client.GetAsync(url);
        var everyRow = (await all.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(r => r.GetRawText()).ToList();
        Assert.True(everyRow.Count >= 2, $"{path} needs two rows for this test; it has {everyRow.Count}.");

        var response = await client.GetAsync(With(url, "page=2&pageSize=1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(r => r.GetRawText()).ToList();
        Assert.Equal([everyRow[1]], page);
        Assert.Equal(everyRow.Count.ToString(CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues(PageRequest.TotalCountHeader)));
        Assert.Equal(everyRow.Count.ToString(CultureInfo.InvariantCulture), Assert.Single(all.Headers.GetValues(PageRequest.TotalCountHeader)));
    }

    [Fact]
    public async Task APageBeyondTheEnd_IsEmpty_WithTheTotal()
    {
        await ScenarioAsync("/api/v1/cohorts");
        var client = await SignedInAsync("team@test.example");

        var response = await client.GetAsync($"/api/v1/cohorts?page={int.MaxValue}&pageSize={PageRequest.MaxSize}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.NotEqual("0", Assert.Single(response.Headers.GetValues(PageRequest.TotalCountHeader)));
    }

    private static string With(string url, string query) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    // Two or more rows for each filled list's caller: two cohorts (and the group's), two held
    // tutorials with a fee (invoiceable, and the partner's bookings), two free slots; a delegate in a group (one per cohort, so only the 422 is asked of groups/mine).
    private async Task<string> ScenarioAsync(string path)
    {
        await Data.ProgrammeTeamAsync();
        await Data.TutorAsync();
        await Data.CohortAsync("NPQH Spring", start: new DateOnly(2026, 1, 12));
        await Data.CohortAsync("NPQH Autumn", start: new DateOnly(2026, 9, 7));
        var partner = await Data.PartnerAsync();
        var profile = await App.PartnerProfileAsync(partner);
        await App.FeeRateAsync(15000, new DateOnly(2020, 1, 1));
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
        await Data.TutorialAsync(App, partner, today.AddDays(-20));
        await Data.TutorialAsync(App, partner, today.AddDays(-10));
        await App.SlotAsync(profile, TimeSpan.FromDays(3));
        await App.SlotAsync(profile, TimeSpan.FromDays(4));
        await Data.GroupWithMembersAsync(App, size: 3);
        return path.Replace("{partner}", partner.Id, StringComparison.Ordinal);
    }
}
