using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.Tests.Api;

public class ProjectsApiTests(AppFactory app) : AppTest(app)
{
    private async Task<HttpClient> SomeoneAsync(string role = Roles.Partner)
    {
        await Data.UserAsync("someone@test.example", roles: [role]);
        return await SignedInAsync("someone@test.example");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task WorkingDays_AcrossChristmas_ExcludesWeekendsAndHolidaysWithSubstituteDay()
    {
        var client = await SomeoneAsync();

        var result = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/working-days?from=2026-12-21&to=2027-01-04");

        // 11 weekdays less Christmas Day (Fri), the Boxing Day substitute (Mon 28th) and New Year's Day (Fri).
        Assert.Equal(8, result.GetProperty("workingDays").GetInt32());
        var excluded = result.GetProperty("excluded").EnumerateArray()
            .Select(e => (e.GetProperty("date").GetString(), e.GetProperty("reason").GetString())).ToList();
        Assert.Equal(
        [
            ("2026-12-25", "Christmas Day"), ("2026-12-26", "Weekend"), ("2026-12-27", "Weekend"), ("2026-12-28", "Boxing Day"),
            ("2027-01-01", "New Year’s Day"), ("2027-01-02", "Weekend"), ("2027-01-03", "Weekend"),
        ], excluded);
        Assert.Equal(["workingDays", "excluded"], result.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task WorkingDays_OneDay_IsInclusive()
    {
        var client = await SomeoneAsync(Roles.Delegate);

        var easterMonday = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/working-days?from=2027-03-29&to=2027-03-29");
        var tuesday = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/working-days?from=2027-03-30&to=2027-03-30");

        Assert.Equal(0, easterMonday.GetProperty("workingDays").GetInt32());
        Assert.Equal("Easter Monday", easterMonday.GetProperty("excluded")[0].GetProperty("reason").GetString());
        Assert.Equal(1, tuesday.GetProperty("workingDays").GetInt32());
        Assert.Empty(tuesday.GetProperty("excluded").EnumerateArray());
    }

    [Theory]
    [InlineData("from=2026-02-30&to=2026-03-02")]
    [InlineData("from=2026-03-01&to=03/04/2026")]
    [InlineData("from=2026-03-01")]
    [InlineData("")]
    [InlineData("from=2026-03-10&to=2026-03-01")]
    [InlineData("from=2000-01-01&to=2099-12-31")]
    public async Task WorkingDays_BadDates_Are400ProblemDetails(string query)
    {
        var client = await SomeoneAsync();

        await AssertProblemAsync(await client.GetAsync("/api/v1/calendar/working-days?" + query), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task WorkingDays_NotSignedIn_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().GetAsync("/api/v1/calendar/working-days?from=2026-03-01&to=2026-03-02")).StatusCode);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("Don't stop: the well-being plan costs £2,500 — in 2026/27.", 9)]
    [InlineData("Heading\n\nFirst line.\r\nSecond line", 5)]
    [InlineData("Über naïve café, Ελληνικά!", 4)]
    public async Task WordCount_CountsLikeAWordProcessor(string text, int expected)
    {
        var client = await SomeoneAsync();

        var response = await client.PostAsJsonAsync("/api/v1/text/word-count", new { text });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected, body.GetProperty("words").GetInt32());
        Assert.Equal(["words"], body.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"text\": null}")]
    [InlineData("{\"text\": ")]
    public async Task WordCount_NoText_Is400ProblemDetails(string json)
    {
        var client = await SomeoneAsync();

        var response = await client.PostAsync("/api/v1/text/word-count", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Requirements_Delegate_ReadsTheirOwn()
    {
        var cohort = await Data.CohortAsync();
        var me = await Data.DelegateAsync(cohort, "me@test.example");
        await Data.Project2Async(me, TestData.NinePlacementDays.Take(8).Append(new DateOnly(2026, 8, 31)));
        var client = await SignedInAsync("me@test.example");

        var project2 = await client.GetFromJsonAsync<JsonElement>("/api/v1/projects/2/requirements");
        var project1 = await client.GetFromJsonAsync<JsonElement>("/api/v1/projects/1/requirements");

        var rows = project2.EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(["requirement", "met", "detail"], r.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("Placement of at least 9 working days", rows[0].GetProperty("requirement").GetString());
        Assert.False(rows[0].GetProperty("met").GetBoolean());
        Assert.Contains("8 working days logged; 9 needed", rows[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Monday 31 August 2026 (Summer bank holiday)", rows[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(rows[1].GetProperty("met").GetBoolean());
        Assert.Equal(["Lasts at least two school terms", "Plan presented to the governing board, and feedback gathered, before implementation", "Written account within 4,000 words"],
            project1.EnumerateArray().Select(r => r.GetProperty("requirement").GetString()));
        Assert.All(project1.EnumerateArray(), r => Assert.False(r.GetProperty("met").GetBoolean()));
    }

    [Fact]
    public async Task Requirements_DelegateAskingForAnother_Is403()
    {
        var cohort = await Data.CohortAsync();
        await Data.DelegateAsync(cohort, "me@test.example");
        var other = await Data.DelegateAsync(cohort, "other@test.example");
        var client = await SignedInAsync("me@test.example");

        await AssertProblemAsync(await client.GetAsync($"/api/v1/projects/1/requirements?delegateId={other.Id}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Requirements_ProgrammeTeam_ReadsAnyDelegate_AndMustSayWhich()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync();
        var someone = await Data.DelegateAsync(cohort, "d@test.example");
        await Data.Project1Async(someone);
        var client = await SignedInAsync("team@test.example");

        var rows = await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/1/requirements?delegateId={someone.Id}");

        Assert.Equal([true, true, false], rows.EnumerateArray().Select(r => r.GetProperty("met").GetBoolean()));
        await AssertProblemAsync(await client.GetAsync("/api/v1/projects/1/requirements"), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await client.GetAsync("/api/v1/projects/1/requirements?delegateId=nobody"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.GetAsync($"/api/v1/projects/3/requirements?delegateId={someone.Id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Requirements_Tutor_ReadsOnlyTheirOwnDelegates()
    {
        var tutor = await Data.TutorAsync();
        var cohort = await Data.CohortAsync();
        var mine = await Data.DelegateAsync(cohort, "mine@test.example", tutor: tutor);
        var notMine = await Data.DelegateAsync(cohort, "not-mine@test.example");
        var client = await SignedInAsync("tutor@test.example");

        var response = await client.GetAsync($"/api/v1/projects/2/requirements?delegateId={mine.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertProblemAsync(await client.GetAsync($"/api/v1/projects/2/requirements?delegateId={notMine.Id}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Partner)]
    [InlineData(Roles.Assessor)]
    public async Task Requirements_OtherRoles_Are403(string role)
    {
        var cohort = await Data.CohortAsync();
        var someone = await Data.DelegateAsync(cohort, "d@test.example");
        var client = await SomeoneAsync(role);

        await AssertProblemAsync(await client.GetAsync($"/api/v1/projects/1/requirements?delegateId={someone.Id}"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await client.GetAsync("/api/v1/projects/1/requirements"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Requirements_DelegateNotOnNpqh_Is404()
    {
        var cohort = await Data.CohortAsync("NPQSL Test", "NPQSL");
        await Data.DelegateAsync(cohort, "sl@test.example");
        var client = await SignedInAsync("sl@test.example");

        await AssertProblemAsync(await client.GetAsync("/api/v1/projects/1/requirements"), HttpStatusCode.NotFound);
    }
}
