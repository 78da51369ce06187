using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Data;
using Roundtable.Web.Dfe;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Tests.Dfe;

// Declarations out, through the API, against the fake DfE (which checks every body against the
// OpenAPI document): proposals, submission, idempotency, duplicates, crashes and voids.
public class DeclarationsApiTests(AppFactory app) : DfeTest(app)
{
    private async Task<HttpClient> TeamAsync()
    {
        await Data.ProgrammeTeamAsync();
        return await SignedInAsync("team@test.example");
    }

    private async Task<T> WithSubmissionsAsync<T>(Func<DeclarationSubmissions, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DeclarationSubmissions>());
    }

    private Task<QueueRun> SendQueuedAsync() => WithSubmissionsAsync(s => s.SendQueuedAsync(CancellationToken.None));

    private int DeclarationPosts => Fake.Requests.Count(r => r.Method == "POST" && r.PathAndQuery.StartsWith("/api/v3/participant-declarations", StringComparison.Ordinal));

    [Fact]
    public async Task GetReady_DelegateAttendedFirstSession_ListsStartedWithEvidenceAndDate()
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, participantId, dfeId) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 1);
        await Data.DelegateAsync(cohort, "nodfe@test.example");
        var client = await TeamAsync();

        var response = await client.GetAsync("/api/v1/dfe/declarations?state=ready");
        var ready = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var only = Assert.Single(ready.EnumerateArray());
        Assert.Equal(["declarationDate", "declarationType", "delegateId", "evidence", "participantId"], only.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(participantId, only.GetProperty("delegateId").GetInt32());
        Assert.Equal(dfeId, only.GetProperty("participantId").GetString());
        Assert.Equal("started", only.GetProperty("declarationType").GetString());
        Assert.Equal("2026-11-16T10:00:00Z", only.GetProperty("declarationDate").GetString());
        Assert.Contains("1 community session attended (16 November 2026)", only.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Equal("1", response.Headers.GetValues("X-Total-Count").Single());
    }

    [Fact]
    public async Task GetDeclarations_UnknownState_Returns400()
    {
        var client = await TeamAsync();

        var response = await client.GetAsync("/api/v1/dfe/declarations?state=paid");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Submit_All_SendsToDfe_AndRecordsTheAnswer()
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, ada, adaDfe) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 1);
        var (_, ben, _) = await Data.DfeDelegateAsync(App, cohort, Fake, "ben@test.example", sessionsAttended: 2);
        var client = await TeamAsync();

        var response = await client.PostAsJsonAsync("/api/v1/dfe/declarations/submit", new { });
        var results = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, results.GetArrayLength());
        var first = results.EnumerateArray().Single(r => r.GetProperty("delegateId").GetInt32() == ada);
        Assert.Equal(["declarationType", "delegateId", "dfeId", "error", "status"], first.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("submitted", first.GetProperty("status").GetString());
        Assert.Equal("started", first.GetProperty("declarationType").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("error").ValueKind);
        var atDfe = Fake.Declarations.Single(d => d.ParticipantId == adaDfe);
        Assert.Equal(atDfe.Id, first.GetProperty("dfeId").GetString());
        Assert.Equal("started", atDfe.DeclarationType);
        Assert.Equal(DeclarationBuilders.Course, atDfe.CourseIdentifier);
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.Zero), atDfe.DeclarationDate);
        Assert.Equal(2, Fake.Declarations.Count);
        AssertNoViolations();

        var rows = await App.WithDbAsync(db => db.Declarations.AsNoTracking().OrderBy(d => d.ParticipantId).ToListAsync());
        Assert.All(rows, r => Assert.Equal(DeclarationState.Submitted, r.State));
        Assert.Equal(atDfe.Id, rows.Single(r => r.ParticipantId == ada).DfeId);
        Assert.Equal(atDfe.State, rows.Single(r => r.ParticipantId == ada).DfeState);
        Assert.Contains(ben, rows.Select(r => r.ParticipantId));
        // Nothing more is ready until the next milestone's evidence exists.
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/v1/dfe/declarations?state=ready")).GetArrayLength());
        var submitted = await client.GetFromJsonAsync<JsonElement>("/api/v1/dfe/declarations?state=submitted");
        Assert.Equal(2, submitted.GetArrayLength());
        Assert.Contains(atDfe.Id, submitted.EnumerateArray().Select(s => s.GetProperty("dfeId").GetString()));
    }

    [Fact]
    public async Task Submit_SomeDelegates_SendsOnlyTheirs()
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, ada, _) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 1);
        await Data.DfeDelegateAsync(App, cohort, Fake, "ben@test.example", sessionsAttended: 1);
        var client = await TeamAsync();

        var results = await (await client.PostAsJsonAsync("/api/v1/dfe/declarations/submit", new { delegateIds = new[] { ada } })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(ada, Assert.Single(results.EnumerateArray()).GetProperty("delegateId").GetInt32());
        Assert.Single(Fake.Declarations);
        Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/v1/dfe/declarations?state=ready")).EnumerateArray());
    }

    [Fact]
    public async Task Submit_EmptyList_Returns400()
    {
        var client = await TeamAsync();

        var response = await client.PostAsJsonAsync("/api/v1/dfe/declarations/submit", new { delegateIds = Array.Empty<int>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Submit_Twice_DeclaresOnce()
    {
        var cohort = await Data.DfeCohortAsync(App);
        await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 1);
        var client = await TeamAsync();

        await client.PostAsJsonAsync("/api/v1/dfe/declarations/submit", new { });
        var again = await (await client.PostAsJsonAsync("/api/v1/dfe/declarations/submit", new { })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(0, again.GetArrayLength());
        Assert.Single(Fake.Declarations);
        Assert.Equal(1, DeclarationPosts);
    }

    // Whatever is clicked, at once, by several people: one declaration at DfE and one row here.
    [Fact]
    public async Task Submit_ManyAtOnce_DeclaresEachMilestoneOnce()
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, ada, _) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 1);
        var client = await TeamAsync();
        await Data.UserAsync("team2@test.example", roles: [Roles.ProgrammeTeam]);
        var other = await SignedInAsync("team2@test.example");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? client : other).PostAsJsonAsync("/api/v1/dfe/declarations/submit", i % 3 == 0 ? new { delegateIds = new[] { ada } } : (object)new { })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(Fake.Declarations);
        Assert.Equal(1, DeclarationPosts);
        Assert.Equal(1, await App.WithDbAsync(db => db.Declarations.CountAsync()));
        AssertNoViolations();
    }

    // The database itself refuses a second standing declaration of a milestone; a voided one does not count.
    [Fact]
    public async Task UniqueIndex_OneStandingDeclarationPerMilestone()
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, ada, _) = await Data.DfeDelegateAsync(App, cohort, null, "ada@test.example", sessionsAttended: 0);
        await App.DeclarationRowAsync(ada, DeclarationType.Started, DeclarationState.Voided, dfeId: "old");
        await App.DeclarationRowAsync(ada, DeclarationType.Started, DeclarationState.Refused);

        var second = await Assert.ThrowsAsync<DbUpdateException>(() => App.DeclarationRowAsync(ada, DeclarationType.Started, DeclarationState.Ready));

        Assert.True(UniqueSave.IsUniqueViolation(second));
        await App.DeclarationRowAsync(ada, DeclarationType.Retained1, DeclarationState.Ready);
    }

    [Fact]
    public async Task Submit_DuplicateAtDfe_ShownAsRefused_AndNotRetried()
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, ada, adaDfe) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 1);
        // Declared at DfE by some other means.
        var outside = await App.WithDfeAsync(c => c.SubmitDeclarationAsync(
            DfeDeclarationRequest.Create(adaDfe, "started", DeclarationBuilders.Course, App.Clock.GetUtcNow().UtcDateTime.AddDays(-3))));
        Assert.True(outside.Succeeded);
        var client = await TeamAsync();

        var result = Assert.Single((await (await client.PostAsJsonAsync("/api/v1/dfe/declarations/submit", new { })).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        await SendQueuedAsync();
        await client.PostAsJsonAsync("/api/v1/dfe/declarations/submit", new { });

        Assert.Equal("refused", result.GetProperty("status").GetString());
        Assert.Contains(FakeDfeServer.DuplicateDeclarationError, result.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Single(Fake.Declarations);
        Assert.Equal(2, DeclarationPosts);
        var row = await App.WithDbAsync(db => db.Declarations.AsNoTracking().SingleAsync(d => d.ParticipantId == ada));
        Assert.Equal(DeclarationState.Refused, row.State);
        var page = await client.GetDocumentAsync("/Programme/Dfe/Declarations");
        Assert.Contains(FakeDfeServer.DuplicateDeclarationError, page.QuerySelector("#sent")!.TextContent, StringComparison.Ordinal);
        AssertNoViolations();
    }

    // A server claimed and committed the row, then died before calling DfE: the next run sends it.
    [Fact]
    public async Task Crash_BetweenCommitAndCall_NextRunSendsItOnce()
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, ada, adaDfe) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 1);
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var row = await App.DeclarationRowAsync(ada, DeclarationType.Started, DeclarationState.Submitting, claimedAt: now, attempts: 1);

        var early = await SendQueuedAsync();
        App.Clock.Advance(Declaration.ClaimTimeout + TimeSpan.FromMinutes(1));
        var run = await SendQueuedAsync();
        await SendQueuedAsync();

        Assert.Equal(0, early.Sent);
        Assert.Equal(1, run.Submitted);
        var atDfe = Assert.Single(Fake.Declarations);
        Assert.Equal(adaDfe, atDfe.ParticipantId);
        Assert.Equal(1, DeclarationPosts);
        // Read back first, as it had been claimed before.
        Assert.Contains(Fake.Requests, r => r.Method == "GET" && r.PathAndQuery.Contains("filter[participant_id]=" + adaDfe, StringComparison.Ordinal));
        var stored = await App.WithDbAsync(db => db.Declarations.AsNoTracking().SingleAsync(d => d.Id == row.Id));
        Assert.Equal((DeclarationState.Submitted, atDfe.Id), (stored.State, stored.DfeId));
        AssertNoViolations();
    }

    // The call reached DfE and DfE recorded it, but the answer was lost: the next run finds it at DfE
    // and records it instead of sending it again.
    [Fact]
    public async Task Crash_AfterDfeRecordedIt_ReadBackRecordsIt_NoDoubleDeclaration()
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, ada, _) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 1);
        var client = await TeamAsync();
        Fake.LoseNextDeclarationResponse = true;

        var first = Assert.Single((await (await client.PostAsJsonAsync("/api/v1/dfe/declarations/submit", new { })).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        var again = Assert.Single((await (await client.PostAsJsonAsync("/api/v1/dfe/declarations/submit", new { delegateIds = new[] { ada } })).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());

        Assert.Equal("failed", first.GetProperty("status").GetString());
        Assert.Equal("submitted", again.GetProperty("status").GetString());
        var atDfe = Assert.Single(Fake.Declarations);
        Assert.Equal(atDfe.Id, again.GetProperty("dfeId").GetString());
        Assert.Equal(1, DeclarationPosts);
        AssertNoViolations();
    }

    [Fact]
    public async Task Job_SendsQueuedDeclarations()
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, ada, _) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 0);
        await App.DeclarationRowAsync(ada, DeclarationType.Started, DeclarationState.Ready);

        var run = await SendQueuedAsync();

        Assert.Equal(new QueueRun(1, 1, 0, 0), run);
        Assert.Single(Fake.Declarations);
        AssertNoViolations();
    }

    [Fact]
    public async Task Submit_Completed_CarriesHasPassed()
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, ada, adaDfe) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 0);
        foreach (var type in new[] { DeclarationType.Started, DeclarationType.Retained1, DeclarationType.Retained2 })
        {
            await App.DeclarationRowAsync(ada, type, DeclarationState.Submitted, dfeId: Guid.NewGuid().ToString());
        }
        var now = App.Clock.GetUtcNow().UtcDateTime;
        await App.ReleaseOutcomeAsync(ada, 1, AssessmentOutcome.Passed, now.AddDays(-20));
        await App.ReleaseOutcomeAsync(ada, 2, AssessmentOutcome.NotPassed, now.AddDays(-2));
        var client = await TeamAsync();

        var ready = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/v1/dfe/declarations?state=ready")).EnumerateArray());
        var result = Assert.Single((await (await client.PostAsJsonAsync("/api/v1/dfe/declarations/submit", new { })).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());

        Assert.Equal("completed", ready.GetProperty("declarationType").GetString());
        Assert.Contains("NPQH not passed", ready.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Equal("submitted", result.GetProperty("status").GetString());
        var atDfe = Assert.Single(Fake.Declarations);
        Assert.Equal(("completed", false, adaDfe), (atDfe.DeclarationType, atDfe.HasPassed, atDfe.ParticipantId));
        AssertNoViolations();
    }

    // The reformed NPQs: a passed case-study response makes the delegate's completed declaration
    // ready, and it reaches DfE with has_passed; a not-passed resubmission later is declared as such.
    [Fact]
    public async Task CaseStudyProgramme_PassedResponse_MakesCompletedReady_AndSubmitsHasPassed()
    {
        var cohort = await Data.DfeCaseStudyCohortAsync(App);
        var user = await Data.DelegateAsync(cohort, "ada@test.example", name: "Ada Lovelace");
        var ada = await Data.ParticipantIdAsync(user);
        var adaDfe = Fake.AddParticipant("npq-senior-leadership", fullName: user.FullName).Id;
        var (_, bea, _) = await Data.DfeDelegateAsync(App, cohort, fake: null, "bea@test.example", sessionsAttended: 0);
        await App.WithDbAsync(async db =>
        {
            (await db.Participants.SingleAsync(p => p.Id == ada)).DfeParticipantId = adaDfe;
            await db.SaveChangesAsync();
        });
        foreach (var participant in new[] { ada, bea })
        {
            foreach (var type in new[] { DeclarationType.Started, DeclarationType.Retained1, DeclarationType.Retained2 })
            {
                await App.DeclarationRowAsync(participant, type, DeclarationState.Submitted, dfeId: Guid.NewGuid().ToString());
            }
        }
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var client = await TeamAsync();
        // Nothing released yet: no completed declaration for anyone.
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/v1/dfe/declarations?state=ready")).EnumerateArray());

        await App.ReleaseCaseStudyOutcomeAsync(cohort, ada, AssessmentOutcome.Passed, now.AddDays(-2));
        var ready = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/v1/dfe/declarations?state=ready")).EnumerateArray());
        Assert.Equal((ada, "completed"), (ready.GetProperty("delegateId").GetInt32(), ready.GetProperty("declarationType").GetString()));
        Assert.Contains("Case-study response passed", ready.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Contains("NPQSL passed", ready.GetProperty("evidence").GetString(), StringComparison.Ordinal);

        var result = Assert.Single((await (await client.PostAsJsonAsync("/api/v1/dfe/declarations/submit", new { })).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());

        Assert.Equal("submitted", result.GetProperty("status").GetString());
        var atDfe = Assert.Single(Fake.Declarations);
        Assert.Equal(("completed", true, adaDfe, "npq-senior-leadership"), (atDfe.DeclarationType, atDfe.HasPassed, atDfe.ParticipantId, atDfe.CourseIdentifier));
        AssertNoViolations();

        // Bea's response was not passed: completed is proposed as not passed. Once she is responding again in a
        // later window, the resubmission's outcome is awaited and nothing is proposed.
        await App.ReleaseCaseStudyOutcomeAsync(cohort, bea, AssessmentOutcome.NotPassed, now.AddDays(-60));
        var notPassed = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/v1/dfe/declarations?state=ready")).EnumerateArray());
        Assert.Equal((bea, "completed"), (notPassed.GetProperty("delegateId").GetInt32(), notPassed.GetProperty("declarationType").GetString()));
        Assert.Contains("Case-study response not passed", notPassed.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        var later = await App.PublishCaseStudyAsync(cohort, now.AddDays(28));
        await App.WithDbAsync(async db =>
        {
            var again = Submission.Start(bea, ProjectNumbers.CaseStudy, 2, now.AddDays(-1));
            again.CaseStudyId = later;
            db.Submissions.Add(again);
            await db.SaveChangesAsync();
        });
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/v1/dfe/declarations?state=ready")).EnumerateArray());
    }

    [Fact]
    public async Task Submit_ProgrammeWithoutDfeCourse_FailsInPlainWords()
    {
        var cohort = await Data.CohortAsync();
        var (_, _, _) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 1);
        var client = await TeamAsync();

        var result = Assert.Single((await (await client.PostAsJsonAsync("/api/v1/dfe/declarations/submit", new { })).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());

        Assert.Equal("failed", result.GetProperty("status").GetString());
        Assert.Contains("no DfE course identifier", result.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(Fake.Declarations);
    }

    [Fact]
    public async Task Void_SubmittedDeclaration_VoidsAtDfe_AndTheMilestoneIsProposedAgain()
    {
        var cohort = await Data.DfeCohortAsync(App);
        await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 1);
        var client = await TeamAsync();
        await client.PostAsJsonAsync("/api/v1/dfe/declarations/submit", new { });
        var id = await App.WithDbAsync(db => db.Declarations.Select(d => d.Id).SingleAsync());

        var response = await client.PostAsync($"/api/v1/dfe/declarations/{id}/void", null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var twice = await client.PostAsync($"/api/v1/dfe/declarations/{id}/void", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("voided", body.GetProperty("state").GetString());
        Assert.Equal("voided", body.GetProperty("dfeState").GetString());
        Assert.Equal("voided", Assert.Single(Fake.Declarations).State);
        Assert.Contains(Fake.Requests, r => r.Method == "PUT" && r.PathAndQuery.EndsWith("/void", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var ready = await client.GetFromJsonAsync<JsonElement>("/api/v1/dfe/declarations?state=ready");
        Assert.Equal("started", Assert.Single(ready.EnumerateArray()).GetProperty("declarationType").GetString());
        AssertNoViolations();
    }

    [Fact]
    public async Task Void_UnknownOrNotSubmitted_Returns404Or409()
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, ada, _) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 0);
        var refused = await App.DeclarationRowAsync(ada, DeclarationType.Started, DeclarationState.Refused);
        var client = await TeamAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/dfe/declarations/9999/void", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/dfe/declarations/{refused.Id}/void", null)).StatusCode);
        Assert.DoesNotContain(Fake.Requests, r => r.Method == "PUT");
    }

    public static readonly TheoryData<string> NotTeam = new() { Roles.Delegate, Roles.Tutor, Roles.Partner, Roles.Assessor };

    [Theory]
    [MemberData(nameof(NotTeam))]
    public async Task Declarations_OtherRoles_Get403(string role)
    {
        var cohort = await Data.DfeCohortAsync(App);
        var (_, ada, _) = await Data.DfeDelegateAsync(App, cohort, Fake, "ada@test.example", sessionsAttended: 1);
        var submitted = await App.DeclarationRowAsync(ada, DeclarationType.Retained1, DeclarationState.Submitted, dfeId: Guid.NewGuid().ToString());
        if (role == Roles.Delegate)
        {
            await Data.DelegateAsync(cohort, "someone@test.example");
        }
        else
        {
            await Data.UserAsync("someone@test.example", roles: [role]);
        }
        var client = await SignedInAsync("someone@test.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/dfe/declarations?state=ready")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/dfe/declarations/submit", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/dfe/declarations/{submitted.Id}/void", null)).StatusCode);
        Assert.Empty(Fake.Declarations);
        Assert.DoesNotContain(Fake.Requests, r => r.Method is "POST" or "PUT");
    }

    [Fact]
    public async Task Declarations_Anonymous_Get401()
    {
        var client = Anonymous();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/dfe/declarations?state=ready")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/dfe/declarations/submit", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/v1/dfe/declarations/1/void", null)).StatusCode);
    }
}
