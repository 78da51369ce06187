using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Dfe;
using Roundtable.Web.People;

namespace Roundtable.Tests.Dfe;

public class DfeApiTests(AppFactory app) : DfeTest(app)
{
    private async Task<HttpClient> TeamAsync()
    {
        await Data.ProgrammeTeamAsync();
        return await SignedInAsync("team@test.example");
    }

    // An NPQH programme linked to npq-headship, with a 2025 cohort.
    private async Task<Cohort> LinkedCohortAsync(string name = "NPQH 2025")
    {
        var cohort = await Data.CohortAsync(name);
        await App.WithDbAsync(async db =>
        {
            var c = await db.Cohorts.Include(x => x.Programme).SingleAsync(x => x.Id == cohort.Id);
            c.Programme.DfeCourseIdentifier = DfeCourses.Headship;
            c.DfeCohortYear = 2025;
            await db.SaveChangesAsync();
            return 0;
        });
        return cohort;
    }

    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Sync_BringsInOurCoursesApplications_AcrossPages_AndOnlyChangesNextTime()
    {
        await LinkedCohortAsync();
        for (var i = 0; i < 5; i++)
        {
            Fake.AddApplication($"Head Applicant {i}", updatedAt: TestClock.Start.AddHours(-i));
        }
        Fake.AddApplication("Senco Applicant", course: "npq-senco");
        var team = await TeamAsync();

        var first = await OkJsonAsync(await team.PostAsync("/api/v1/dfe/sync", null));

        Assert.Equal(5, first.GetProperty("applications").GetInt32());
        Assert.Equal(0, first.GetProperty("participants").GetInt32());
        Assert.Equal(5, await App.WithDbAsync(db => db.DfeApplications.CountAsync()));
        Assert.Contains(Fake.Requests, r => r.PathAndQuery.Contains("filter[cohort]=2025", StringComparison.Ordinal));

        var second = await OkJsonAsync(await team.PostAsync("/api/v1/dfe/sync", null));
        Assert.Contains(Fake.Requests, r => r.PathAndQuery.Contains("filter[updated_since]=2026-11-23T10:00:00Z", StringComparison.Ordinal));
        // Only the newest (whose updated_at is the mark) is read again; nothing is duplicated.
        Assert.Equal(1, second.GetProperty("applications").GetInt32());
        Assert.Equal(5, await App.WithDbAsync(db => db.DfeApplications.CountAsync()));
        AssertNoViolations();
    }

    [Fact]
    public async Task Applications_ListsPending_PagedWithTotal()
    {
        await LinkedCohortAsync();
        foreach (var name in new[] { "Cara", "Abel", "Bea" })
        {
            Fake.AddApplication(name, schoolUrn: "123456");
        }
        var team = await TeamAsync();
        await OkJsonAsync(await team.PostAsync("/api/v1/dfe/sync", null));

        var response = await team.GetAsync("/api/v1/dfe/applications?status=pending&page=1&pageSize=2");
        var rows = await OkJsonAsync(response);

        Assert.Equal("3", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(["Abel", "Bea"], rows.EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        var first = rows[0];
        Assert.Equal(Fake.Applications.Single(a => a.FullName == "Abel").ParticipantId, first.GetProperty("participantId").GetString());
        Assert.Equal("npq-headship", first.GetProperty("courseIdentifier").GetString());
        Assert.Equal("123456", first.GetProperty("schoolUrn").GetString());
        Assert.True(first.GetProperty("id").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await team.GetAsync("/api/v1/dfe/applications?pageSize=501")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await team.GetAsync("/api/v1/dfe/applications?status=maybe")).StatusCode);
    }

    [Fact]
    public async Task Accept_CallsDfe_AndMakesOneDelegate_WithTheParticipantId_AndTheSchoolByUrn()
    {
        var cohort = await LinkedCohortAsync();
        var school = await Data.SchoolAsync(urn: 135790, name: "Linked Academy");
        var fakeApplication = Fake.AddApplication("Ada Lovelace", schoolUrn: "135790");
        var team = await TeamAsync();
        await OkJsonAsync(await team.PostAsync("/api/v1/dfe/sync", null));
        var id = await App.WithDbAsync(db => db.DfeApplications.Select(a => a.Id).SingleAsync());

        var accepted = await OkJsonAsync(await team.PostAsJsonAsync($"/api/v1/dfe/applications/{id}/accept", new { cohortId = cohort.Id }));
        var again = await team.PostAsJsonAsync($"/api/v1/dfe/applications/{id}/accept", new { cohortId = cohort.Id });

        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("accepted", Fake.Applications.Single().Status);
        var place = await App.WithDbAsync(db => db.Participants.Include(p => p.User).SingleAsync());
        Assert.Equal(fakeApplication.ParticipantId, place.DfeParticipantId);
        Assert.Equal(cohort.Id, place.CohortId);
        Assert.Equal(school.Id, place.SchoolId);
        Assert.Equal("Ada Lovelace", place.User.FullName);
        Assert.Equal(accepted.GetProperty("delegateId").GetInt32(), place.Id);
        AssertNoViolations();
    }

    [Fact]
    public async Task Accept_ASecondApplicationOfTheSameParticipant_UpdatesThePlace_NeverDuplicates()
    {
        var cohort = await LinkedCohortAsync();
        var later = await LinkedCohortAsync("NPQH 2025 spring");
        var participantId = Guid.NewGuid().ToString();
        var team = await TeamAsync();
        var first = Fake.AddApplication("Grace Hopper", participantId: participantId);
        await OkJsonAsync(await team.PostAsync("/api/v1/dfe/sync", null));
        var firstId = await App.WithDbAsync(db => db.DfeApplications.Where(a => a.DfeId == first.Id).Select(a => a.Id).SingleAsync());
        await OkJsonAsync(await team.PostAsJsonAsync($"/api/v1/dfe/applications/{firstId}/accept", new { cohortId = cohort.Id }));
        // DfE voids nothing here: the test gives the same participant a new application on another course year.
        var second = Fake.AddApplication("Grace Hopper", participantId: participantId, course: "npq-headship");
        Fake.Applications.Single(a => a.Id == first.Id).Status = "rejected";
        await OkJsonAsync(await team.PostAsync("/api/v1/dfe/sync", null));
        var secondId = await App.WithDbAsync(db => db.DfeApplications.Where(a => a.DfeId == second.Id).Select(a => a.Id).SingleAsync());

        await OkJsonAsync(await team.PostAsJsonAsync($"/api/v1/dfe/applications/{secondId}/accept", new { cohortId = later.Id }));

        var places = await App.WithDbAsync(db => db.Participants.ToListAsync());
        var place = Assert.Single(places);
        Assert.Equal(later.Id, place.CohortId);
        Assert.Equal(participantId, place.DfeParticipantId);
    }

    [Fact]
    public async Task Accept_IntoACohortOfAnotherCourse_IsRefused_WithoutCallingDfe()
    {
        await LinkedCohortAsync();
        var other = await Data.CohortAsync("NPQSL 2025", "NPQSL");
        Fake.AddApplication("Alan Turing");
        var team = await TeamAsync();
        await OkJsonAsync(await team.PostAsync("/api/v1/dfe/sync", null));
        var id = await App.WithDbAsync(db => db.DfeApplications.Select(a => a.Id).SingleAsync());

        var response = await team.PostAsJsonAsync($"/api/v1/dfe/applications/{id}/accept", new { cohortId = other.Id });
        var missing = await team.PostAsJsonAsync($"/api/v1/dfe/applications/{id}/accept", new { });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.DoesNotContain(Fake.Requests, r => r.PathAndQuery.EndsWith("/accept", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reject_CallsDfe_WithTheReasonKeptHere()
    {
        await LinkedCohortAsync();
        Fake.AddApplication("Rosalind Franklin");
        var team = await TeamAsync();
        await OkJsonAsync(await team.PostAsync("/api/v1/dfe/sync", null));
        var id = await App.WithDbAsync(db => db.DfeApplications.Select(a => a.Id).SingleAsync());

        var blank = await team.PostAsJsonAsync($"/api/v1/dfe/applications/{id}/reject", new { reason = " " });
        var rejected = await OkJsonAsync(await team.PostAsJsonAsync($"/api/v1/dfe/applications/{id}/reject", new { reason = "No funded places left" }));

        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("rejected", Fake.Applications.Single().Status);
        var row = await App.WithDbAsync(db => db.DfeApplications.SingleAsync());
        Assert.Equal(DfeApplicationStatus.Rejected, row.Status);
        Assert.Equal("No funded places left", row.ReasonForRejection);
        AssertNoViolations();
    }

    [Fact]
    public async Task Sync_WhenDfeKeepsFailing_Answers502_AndThePageShowsIt()
    {
        await LinkedCohortAsync();
        Fake.ServerErrors = 100;
        var team = await TeamAsync();

        var response = await team.PostAsync("/api/v1/dfe/sync", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var page = await team.GetDocumentAsync("/Programme/Dfe");
        Assert.Contains("could not be read", page.QuerySelector("#last-sync")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Tutor)]
    [InlineData(Roles.Delegate)]
    [InlineData(Roles.Partner)]
    [InlineData(Roles.Assessor)]
    public async Task EveryDfeEndpoint_IsForbidden_ToOtherRoles(string role)
    {
        await Data.UserAsync("other@test.example", "Other Person", [role]);
        var client = await SignedInAsync("other@test.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/dfe/sync", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/dfe/applications?status=pending")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/dfe/applications/1/accept", new { cohortId = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/dfe/applications/1/reject", new { reason = "x" })).StatusCode);
        Assert.Empty(Fake.Requests);
    }

    [Fact]
    public async Task EveryDfeEndpoint_IsUnauthorised_SignedOut()
    {
        var client = App.ClientWithoutApiToken();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/dfe/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/v1/dfe/sync", null)).StatusCode);
    }

    [Fact]
    public async Task TokenSaved_IsNeverShownOrLogged_AndIsStoredProtected()
    {
        var team = await TeamAsync();
        await LinkedCohortAsync();
        Fake.AddApplication("Token Watcher");
        await OkJsonAsync(await team.PostAsync("/api/v1/dfe/sync", null));

        var settings = await team.GetAsync("/Programme/Dfe/Settings");
        var html = await settings.Content.ReadAsStringAsync();
        var stored = await App.WithDbAsync(db => db.DfeSettings.SingleAsync());
        var audit = await App.WithDbAsync(db => db.AuditEntries.Select(e => e.Action + e.Changes + e.Detail).ToListAsync());

        Assert.DoesNotContain(FakeDfeServer.Token, html, StringComparison.Ordinal);
        Assert.Contains("A token ending " + FakeDfeServer.Token[^4..], html, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDfeServer.Token, stored.ProtectedToken, StringComparison.Ordinal);
        Assert.All(audit, a => Assert.DoesNotContain(FakeDfeServer.Token, a, StringComparison.Ordinal));
        Assert.All(Fake.Requests, r => Assert.Equal("Bearer " + FakeDfeServer.Token, r.Authorization));
    }
}
