using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Dfe;
using Roundtable.Web.People;

namespace Roundtable.Tests.Dfe;

// Dfe:UseFake=true: the app's own fake DfE, for a newcomer in Development; refused elsewhere.
public class DevelopmentFakeDfeTests
{
    private static readonly Dictionary<string, string?> UseFake = new() { ["Dfe:UseFake"] = "true" };

    [Fact]
    public async Task UseFake_InDevelopment_SyncBringsInTheFakesApplications_AnAcceptAndADeclarationGoThrough()
    {
        var app = await ConfiguredApp.StartAsync("Development", UseFake);
        try
        {
            var data = new TestData(app);
            var cohort = await data.CohortAsync("NPQH demo");
            var year = DevelopmentFakeDfe.CohortYear(app.Clock.GetUtcNow());
            await app.WithDbAsync(async db =>
            {
                var c = await db.Cohorts.Include(x => x.Programme).SingleAsync(x => x.Id == cohort.Id);
                c.Programme.DfeCourseIdentifier = DfeCourses.Headship;
                c.DfeCohortYear = year;
                await db.SaveChangesAsync();
            });
            await data.SchoolAsync(190003, "St Aldhelm's CE Primary");
            await data.ProgrammeTeamAsync();
            var team = app.BrowserClient();
            await team.SignInAsync("team@test.example", TestData.Password);

            var sync = await team.PostAsync("/api/v1/dfe/sync", null);
            Assert.True(sync.StatusCode == HttpStatusCode.OK, await sync.Content.ReadAsStringAsync());
            var counts = await sync.Content.ReadFromJsonAsync<JsonElement>();
            // The four pending applications and the demo delegates' accepted ones.
            Assert.Equal(DevelopmentFakeDfe.PendingApplications.Count + Roundtable.Web.Data.DemoData.DelegateCount, counts.GetProperty("applications").GetInt32());

            var pending = await (await team.GetAsync("/api/v1/dfe/applications?status=pending")).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(DevelopmentFakeDfe.PendingApplications.Select(a => a.Name).Order(), pending.EnumerateArray().Select(a => a.GetProperty("name").GetString()!).Order());
            var harriet = pending.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Harriet Penhallow");
            Assert.Equal("190003", harriet.GetProperty("schoolUrn").GetString());

            var accept = await team.PostAsJsonAsync($"/api/v1/dfe/applications/{harriet.GetProperty("id").GetInt32()}/accept", new { cohortId = cohort.Id });
            Assert.True(accept.StatusCode == HttpStatusCode.OK, await accept.Content.ReadAsStringAsync());

            var place = await app.WithDbAsync(db => db.Participants.Include(p => p.School).SingleAsync(p => p.DfeParticipantId == harriet.GetProperty("participantId").GetString()));
            Assert.Equal(cohort.Id, place.CohortId);
            Assert.Equal(190003, place.School!.Urn);
            var fake = app.Services.GetRequiredService<DevelopmentFakeDfe>();
            Assert.DoesNotContain("dfe0a001-0000-4000-8000-000000000001", fake.PendingIds());
            // A demo delegate (the fake knows their DfE participant id) with a session behind them: their
            // started declaration is taken.
            var demoDelegate = await data.DelegateAsync(cohort, "delegate1@test.example", name: "Amara Okafor");
            await app.WithDbAsync(async db =>
            {
                var p = await db.Participants.SingleAsync(x => x.UserId == demoDelegate.Id);
                p.DfeParticipantId = "d0e5a000-0000-4000-8000-000000000001";
                await db.SaveChangesAsync();
            });
            await app.AttendAsync(cohort, demoDelegate, 1, "Demo group");
            var submit = await team.PostAsJsonAsync("/api/v1/dfe/declarations/submit", new { });
            Assert.True(submit.StatusCode == HttpStatusCode.OK, await submit.Content.ReadAsStringAsync());
            var sent = Assert.Single((await submit.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
            Assert.Equal(("started", "submitted"), (sent.GetProperty("declarationType").GetString(), sent.GetProperty("status").GetString()));

            // Nothing left the process: every call went to the app's own address with the demo token.
            var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DfeOptions>>().Value;
            Assert.Equal("http://localhost/", options.BaseUrl);
            Assert.Equal(DevelopmentFakeDfe.Token, options.Token);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task UseFake_InDevelopment_TheAppServesTheFakeAtItsOwnAddress_WithItsToken()
    {
        var app = await ConfiguredApp.StartAsync("Development", UseFake);
        try
        {
            var client = app.Anonymous();
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v3/npq-applications")).StatusCode);

            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v3/npq-applications?page[page]=1&page[per_page]=100");
            request.Headers.Authorization = new("Bearer", DevelopmentFakeDfe.Token);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(body.GetProperty("data").EnumerateArray(), a => a.GetProperty("attributes").GetProperty("full_name").GetString() == "Idris Mabry");
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task UseFake_OutsideDevelopment_RefusesToStart_SayingWhy(string environment)
    {
        var app = new ConfiguredApp(environment, UseFake);
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());
            Assert.Contains("Dfe:UseFake=true", error.Message, StringComparison.Ordinal);
            Assert.Contains("Development only", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task WithoutUseFake_InDevelopment_NoFakeIsServed()
    {
        var app = await ConfiguredApp.StartAsync("Development", new Dictionary<string, string?>());
        try
        {
            Assert.Null(app.Services.GetService<DevelopmentFakeDfe>());
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v3/npq-applications");
            request.Headers.Authorization = new("Bearer", DevelopmentFakeDfe.Token);
            Assert.NotEqual(HttpStatusCode.OK, (await app.Anonymous().SendAsync(request)).StatusCode);
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
