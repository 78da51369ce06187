using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.Tests.Api;

public class CohortsApiTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task Get_AsProgrammeTeam_ListsCohortsWithProgramme()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync("NPQH Autumn", start: new DateOnly(2026, 9, 7));
        var client = await SignedInAsync("team@test.example");

        var cohorts = await client.GetFromJsonAsync<JsonElement>("/api/v1/cohorts");

        var only = Assert.Single(cohorts.EnumerateArray());
        Assert.Equal(cohort.Id, only.GetProperty("id").GetInt32());
        Assert.Equal("NPQH Autumn", only.GetProperty("name").GetString());
        Assert.Equal("NPQH", only.GetProperty("programme").GetString());
        Assert.Equal("2026-09-07", only.GetProperty("courseStart").GetString());
    }

    [Theory]
    [InlineData(Roles.Delegate)]
    [InlineData(Roles.Tutor)]
    [InlineData(Roles.Partner)]
    [InlineData(Roles.Assessor)]
    public async Task Get_OtherRoles_Returns403ProblemDetails(string role)
    {
        await Data.UserAsync("someone@test.example", roles: [role]);
        var client = await SignedInAsync("someone@test.example");

        var response = await client.GetAsync("/api/v1/cohorts");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_NotSignedIn_Returns401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().GetAsync("/api/v1/cohorts")).StatusCode);
    }
}
