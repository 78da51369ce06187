using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Communities;
using Roundtable.Web.People;

namespace Roundtable.Tests.Api;

public class CommunitiesApiTests(AppFactory app) : AppTest(app)
{
    private async Task<HttpClient> AnyoneAsync()
    {
        await Data.PartnerAsync();
        return await SignedInAsync("partner@test.example");
    }

    [Fact]
    public async Task Agenda_FourPeople_Takes62MinutesWithClockTimes()
    {
        var client = await AnyoneAsync();

        var agenda = await client.GetFromJsonAsync<JsonElement>("/api/v1/protocol/agenda?participants=4&start=2026-11-23T16:00");

        Assert.Equal(4, agenda.GetProperty("participants").GetInt32());
        Assert.Equal(62, agenda.GetProperty("totalMinutes").GetInt32());
        Assert.Equal("2026-11-23T17:02:00", agenda.GetProperty("plannedEnd").GetString());
        Assert.Equal(2, agenda.GetProperty("overrunMinutes").GetInt32());
        var steps = Assert.Single(agenda.GetProperty("groups").EnumerateArray()).GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(2 + (4 * 6), steps.Count);
        Assert.Equal(("Reconnect", "2026-11-23T16:00:00", "2026-11-23T16:05:00"), (steps[0].GetProperty("phase").GetString(), steps[0].GetProperty("start").GetString(), steps[0].GetProperty("end").GetString()));
        Assert.Equal(("Turn", 1, "Introduce the problem", "2026-11-23T16:05:00"), (steps[1].GetProperty("phase").GetString(), steps[1].GetProperty("turn").GetInt32(), steps[1].GetProperty("name").GetString(), steps[1].GetProperty("start").GetString()));
        var lookDeeper = steps[3];
        Assert.Equal("Look deeper", lookDeeper.GetProperty("name").GetString());
        Assert.True(lookDeeper.GetProperty("ownerSilent").GetBoolean());
        Assert.Equal("Peers", lookDeeper.GetProperty("speakers").GetString());
        Assert.Equal(("Review", "2026-11-23T16:57:00"), (steps[^1].GetProperty("phase").GetString(), steps[^1].GetProperty("start").GetString()));
        Assert.Equal(JsonValueKind.Null, steps[^1].GetProperty("turn").ValueKind);
    }

    [Fact]
    public async Task Agenda_SevenPeople_SplitsIntoBreakouts()
    {
        var client = await AnyoneAsync();

        var agenda = await client.GetFromJsonAsync<JsonElement>("/api/v1/protocol/agenda?participants=7&start=2026-11-23T16:00");

        Assert.Equal([4, 3], agenda.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("size").GetInt32()));
    }

    [Fact]
    public async Task Agenda_FewerThanThree_Is422WithTheReason()
    {
        var client = await AnyoneAsync();

        var response = await client.GetAsync("/api/v1/protocol/agenda?participants=2&start=2026-11-23T16:00");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("3", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("participants=4&start=tomorrow")]
    [InlineData("start=2026-11-23T16:00")]
    [InlineData("participants=four&start=2026-11-23T16:00")]
    public async Task Agenda_Malformed_Is400(string query)
    {
        var client = await AnyoneAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/protocol/agenda?" + query)).StatusCode);
    }

    [Fact]
    public async Task Agenda_NotSignedIn_Is401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().GetAsync("/api/v1/protocol/agenda?participants=4&start=2026-11-23T16:00")).StatusCode);

    [Fact]
    public async Task Agenda_FollowsTheProgrammeTeamsTimings()
    {
        var client = await AnyoneAsync();
        await App.WithDbAsync(async db =>
        {
            db.ProtocolSteps.Add(new ProtocolStepSetting { GroupSize = 4, Position = 3, Minutes = 6 });
            await db.SaveChangesAsync();
        });

        var agenda = await client.GetFromJsonAsync<JsonElement>("/api/v1/protocol/agenda?participants=4&start=2026-11-23T16:00");

        Assert.Equal(70, agenda.GetProperty("totalMinutes").GetInt32());
    }

    [Fact]
    public async Task Problems_Post_SavesTheCardWithItsSuitability()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(3));
        var client = await SignedInAsync(members[0].Email!);

        var response = await client.PostAsJsonAsync("/api/v1/problems", new
        {
            problem = "Pupils forget", evidence = "Quizzes", context = "New staff", why = "Learning builds",
            frameworkArea = "Curriculum and assessment", specific = "yes", solvable = "unsure", controllable = "no",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var card = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(card.GetProperty("suitable").GetBoolean());
        Assert.Equal(["solvable", "controllable"], card.GetProperty("failedTests").EnumerateArray().Select(t => t.GetString()!));
        Assert.Equal(session.Id, card.GetProperty("sessionId").GetInt32());

        var again = await client.PostAsJsonAsync("/api/v1/problems", new
        {
            problem = "Pupils forget", evidence = "Quizzes", context = "New staff", why = "Learning builds",
            frameworkArea = "curriculum and assessment", specific = "YES", solvable = "yes", controllable = "yes",
        });
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("suitable").GetBoolean());
        Assert.Equal(1, await App.WithDbAsync(db => Task.FromResult(db.ProblemCards.Count())));
    }

    [Fact]
    public async Task Problems_Post_MissingOrTooLongText_Is400WithFieldErrors()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App);
        await App.SessionAsync(group, TimeSpan.FromDays(3));
        var client = await SignedInAsync(members[0].Email!);

        var response = await client.PostAsJsonAsync("/api/v1/problems", new
        {
            problem = new string('x', 2001), evidence = "", context = "c", why = "w",
            frameworkArea = "astrology", specific = "maybe", solvable = "yes", controllable = "yes",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("problem", out _));
        Assert.True(errors.TryGetProperty("evidence", out _));
        Assert.True(errors.TryGetProperty("frameworkArea", out _));
        Assert.True(errors.TryGetProperty("specific", out _));
        Assert.False(errors.TryGetProperty("context", out _));
        Assert.Equal(0, await App.WithDbAsync(db => Task.FromResult(db.ProblemCards.Count())));
    }

    [Fact]
    public async Task Problems_Post_WithNoUpcomingSession_Is422()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App);
        await App.SessionAsync(group, TimeSpan.FromDays(-3));
        var client = await SignedInAsync(members[0].Email!);

        var response = await client.PostAsJsonAsync("/api/v1/problems", new
        {
            problem = "p", evidence = "e", context = "c", why = "w", frameworkArea = "behaviour", specific = "yes", solvable = "yes", controllable = "yes",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Problems_Post_NotADelegate_Is403()
    {
        var client = await AnyoneAsync();

        var response = await client.PostAsJsonAsync("/api/v1/problems", new { problem = "p" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GroupsMine_ListsOnlyPublishedGroupsWithMembersAndLocalSessionTimes()
    {
        var (cohort, members, group) = await Data.GroupWithMembersAsync(App);
        await App.SessionAsync(group, TimeSpan.FromDays(2));
        var other = await Data.DelegateAsync(cohort, "draft@test.example");
        await App.GroupAsync(cohort, [other], published: false, name: "Draft");

        var mine = await (await SignedInAsync(members[0].Email!)).GetFromJsonAsync<JsonElement>("/api/v1/groups/mine");
        var drafted = await (await SignedInAsync("draft@test.example")).GetFromJsonAsync<JsonElement>("/api/v1/groups/mine");

        var only = Assert.Single(mine.EnumerateArray());
        Assert.Equal(group.Id, only.GetProperty("id").GetInt32());
        Assert.Equal(4, only.GetProperty("members").GetArrayLength());
        Assert.Contains(only.GetProperty("members").EnumerateArray(), m => m.GetProperty("email").GetString() == members[1].Email);
        var session = Assert.Single(only.GetProperty("sessions").EnumerateArray());
        // 2026-11-25 10:00 UTC is 10:00 in London in November (GMT).
        Assert.Equal("2026-11-25T10:00:00", session.GetProperty("start").GetString());
        Assert.Equal("Online", session.GetProperty("mode").GetString());
        Assert.Empty(drafted.EnumerateArray());
    }

    [Fact]
    public async Task Chairs_OrderByBirthday_TiesByName_MissingBirthdaysLast()
    {
        var cohort = await Data.CohortAsync();
        var zed = await Data.DelegateAsync(cohort, "zed@test.example", birthday: new Birthday(2, 3), name: "Zed");
        var amy = await Data.DelegateAsync(cohort, "amy@test.example", birthday: new Birthday(2, 3), name: "Amy");
        var none = await Data.DelegateAsync(cohort, "none@test.example", name: "Nobody Birthday");
        var jan = await Data.DelegateAsync(cohort, "jan@test.example", birthday: new Birthday(30, 1), name: "Jan");
        var group = await App.GroupAsync(cohort, [zed, amy, none, jan]);

        var chairs = await (await SignedInAsync("amy@test.example")).GetFromJsonAsync<JsonElement>($"/api/v1/groups/{group.Id}/chairs");

        Assert.Equal(["Jan", "Amy", "Zed", "Nobody Birthday"], chairs.GetProperty("order").EnumerateArray().Select(o => o.GetProperty("name").GetString()!));
        Assert.All(chairs.GetProperty("order").EnumerateArray(), o => Assert.Equal(0, o.GetProperty("chaired").GetInt32()));
        Assert.Equal(jan.Id, chairs.GetProperty("next").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Chairs_AfterAnAppointmentOutOfOrder_TheRotationContinuesFromThere()
    {
        var cohort = await Data.CohortAsync();
        var a = await Data.DelegateAsync(cohort, "a@test.example", birthday: new Birthday(1, 1), name: "A");
        var b = await Data.DelegateAsync(cohort, "b@test.example", birthday: new Birthday(1, 2), name: "B");
        var c = await Data.DelegateAsync(cohort, "c@test.example", birthday: new Birthday(1, 3), name: "C");
        var d = await Data.DelegateAsync(cohort, "d@test.example", birthday: new Birthday(1, 4), name: "D");
        var group = await App.GroupAsync(cohort, [a, b, c, d]);
        var first = await App.SessionAsync(group, TimeSpan.FromDays(-14));
        // A chaired the first session and the group appointed C (not B) for the next.
        await App.WithDbAsync(async db =>
        {
            var s = db.CommunitySessions.Single(x => x.Id == first.Id);
            (s.ChairId, s.NextChairId, s.RecordedAt) = (a.Id, c.Id, s.StartsAt.AddHours(1));
            await db.SaveChangesAsync();
        });
        var client = await SignedInAsync("b@test.example");

        var appointed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{group.Id}/chairs");
        Assert.Equal(c.Id, appointed.GetProperty("next").GetProperty("id").GetString());

        var second = await App.SessionAsync(group, TimeSpan.FromDays(-7));
        await App.WithDbAsync(async db =>
        {
            var s = db.CommunitySessions.Single(x => x.Id == second.Id);
            (s.ChairId, s.RecordedAt) = (c.Id, s.StartsAt.AddHours(1));
            await db.SaveChangesAsync();
        });
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{group.Id}/chairs");

        // From C the rotation goes on to D, who has not chaired; B comes round after.
        Assert.Equal(d.Id, after.GetProperty("next").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Chairs_AreHiddenFromOutsiders_AndShownToTutorsAndTheTeam()
    {
        var tutor = await Data.TutorAsync();
        var cohort = await Data.CohortAsync();
        var member = await Data.DelegateAsync(cohort, "member@test.example", tutor: tutor);
        var group = await App.GroupAsync(cohort, [member]);
        var outsider = await Data.DelegateAsync(cohort, "outsider@test.example");
        await App.GroupAsync(cohort, [outsider], name: "Group B");
        await Data.UserAsync("othertutor@test.example", roles: [Roles.Tutor]);
        await Data.ProgrammeTeamAsync();
        var url = $"/api/v1/groups/{group.Id}/chairs";

        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("outsider@test.example")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("othertutor@test.example")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await SignedInAsync("tutor@test.example")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await SignedInAsync("team@test.example")).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Proposal_FormsGroupsWithReasons_WithoutSaving()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync();
        var schools = new List<School>();
        for (var s = 0; s < 5; s++)
        {
            schools.Add(await Data.SchoolAsync(300000 + s, $"School {s}", s % 2 == 0 ? SchoolPhase.Primary : SchoolPhase.Secondary));
        }
        // Thirteen delegates, up to three from one school: the hard rule still separates them.
        for (var i = 0; i < 13; i++)
        {
            await Data.DelegateAsync(cohort, $"d{i}@test.example", schools[i % 5]);
        }
        var client = await SignedInAsync("team@test.example");

        var response = await client.PostAsJsonAsync($"/api/v1/cohorts/{cohort.Id}/groups/proposal", new { phaseWeight = 2, regionWeight = 1, seed = 1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var proposal = await response.Content.ReadFromJsonAsync<JsonElement>();
        var groups = proposal.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(13, groups.Sum(g => g.GetProperty("members").GetArrayLength()));
        Assert.All(groups, g =>
        {
            Assert.InRange(g.GetProperty("members").GetArrayLength(), 4, 6);
            Assert.NotEmpty(g.GetProperty("reasons").EnumerateArray());
            var schools = g.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("school").GetString()).ToList();
            Assert.Equal(schools.Count, schools.Distinct().Count());
        });
        Assert.Equal(0, await App.WithDbAsync(db => Task.FromResult(db.CommunityGroups.Count())));
    }

    [Fact]
    public async Task Proposal_IsForTheProgrammeTeamOnly()
    {
        var (cohort, members, _) = await Data.GroupWithMembersAsync(App);

        var response = await (await SignedInAsync(members[0].Email!)).PostAsJsonAsync($"/api/v1/cohorts/{cohort.Id}/groups/proposal", new { });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
