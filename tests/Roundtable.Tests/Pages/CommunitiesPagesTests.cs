using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Communities;
using Roundtable.Web.People;

namespace Roundtable.Tests.Pages;

public class CommunitiesPagesTests(AppFactory app) : AppTest(app)
{
    private static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    private async Task<ProblemCard> CardAsync(CommunitySession session, AppUser owner, bool withArtefact = false) =>
        await App.WithDbAsync(async db =>
        {
            var card = new ProblemCard
            {
                SessionId = session.Id, OwnerId = owner.Id, Problem = "Secret problem text", Evidence = "e", Context = "c", Why = "w",
                FrameworkArea = "behaviour", Specific = SuitabilityAnswer.Yes, Solvable = SuitabilityAnswer.Yes, Controllable = SuitabilityAnswer.Yes,
            };
            if (withArtefact)
            {
                card.Artefact = new Roundtable.Web.Infrastructure.Files.StoredFile
                {
                    Id = Guid.NewGuid(), FileName = "plan.txt", ContentType = "text/plain", Content = Encoding.UTF8.GetBytes("the plan"), Size = 8, UploadedById = owner.Id,
                };
            }
            db.ProblemCards.Add(card);
            await db.SaveChangesAsync();
            return card;
        });

    [Fact]
    public async Task Session_MembersSeeEachOthersCards_OtherGroupsGet404()
    {
        var (cohort, members, group) = await Data.GroupWithMembersAsync(App);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(2));
        var card = await CardAsync(session, members[1], withArtefact: true);
        var (_, others, _) = await Data.GroupWithMembersAsync(App, prefix: "o", cohort: cohort, groupName: "Group B", urnBase: 210000);

        var member = await SignedInAsync(members[0].Email!);
        var page = await member.GetDocumentAsync($"/Communities/Session/{session.Id}");
        Assert.Contains("Secret problem text", page.Text(), StringComparison.Ordinal);
        Assert.Contains("Turn 4: Our reflections", page.Text(), StringComparison.Ordinal);
        // Who listens sits beside who speaks: the owner while peers look deeper.
        var lookDeeper = page.QuerySelectorAll("tr").First(r => r.QuerySelector("th")?.TextContent.Trim().StartsWith("Turn 1: Look deeper", StringComparison.Ordinal) == true);
        Assert.Equal(["Peers", "Problem owner"], lookDeeper.QuerySelectorAll("td").Skip(2).Take(2).Select(c => c.TextContent.Trim().Split('\n')[0].Trim()));
        Assert.Equal("the plan", await member.GetStringAsync($"/Communities/Artefact/{card.Id}"));

        var outsider = await SignedInAsync(others[0].Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Communities/Session/{session.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Communities/Artefact/{card.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Communities/Problem/{session.Id}")).StatusCode);
    }

    [Fact]
    public async Task Tutor_FollowsTheirDelegatesGroupSession_ButNotOthers()
    {
        var tutor = await Data.TutorAsync();
        var cohort = await Data.CohortAsync();
        var mine = await Data.DelegateAsync(cohort, "mine@test.example", tutor: tutor, name: "Mina Mine");
        var group = await App.GroupAsync(cohort, [mine]);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(3));
        var other = await Data.DelegateAsync(cohort, "other@test.example");
        var otherGroup = await App.GroupAsync(cohort, [other], name: "Group B");
        var otherSession = await App.SessionAsync(otherGroup, TimeSpan.FromDays(3));
        var client = await SignedInAsync("tutor@test.example");

        var home = await client.GetDocumentAsync("/Tutor");
        var link = home.QuerySelector($"a[href='/Communities/Session/{session.Id}']");

        Assert.NotNull(link);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Communities/Session/{session.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Communities/Session/{otherSession.Id}")).StatusCode);
    }

    [Fact]
    public async Task Session_DraftGroupsAreInvisibleToTheirMembers()
    {
        var cohort = await Data.CohortAsync();
        var member = await Data.DelegateAsync(cohort, "draft@test.example");
        var group = await App.GroupAsync(cohort, [member], published: false);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(2));

        var client = await SignedInAsync("draft@test.example");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Communities/Session/{session.Id}")).StatusCode);
        Assert.Contains("not been placed in a community group", (await client.GetDocumentAsync("/Communities")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProblemCard_Unsuitable_IsSavedAsDraftAndSaysWhy()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(2));
        var client = await SignedInAsync(members[0].Email!);
        var url = $"/Communities/Problem/{session.Id}";

        var response = await client.PostFormAsync(url, new()
        {
            ["Input.Problem"] = "Education doesn't get enough funding", ["Input.Evidence"] = "Budgets", ["Input.Context"] = "National",
            ["Input.Why"] = "Everything", ["Input.FrameworkArea"] = "organisational management",
            ["Input.Specific"] = "no", ["Input.Solvable"] = "unsure", ["Input.Controllable"] = "no",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync(url);
        Assert.Contains("Suitable problem? No", page.Text(), StringComparison.Ordinal);
        Assert.Contains(ProblemSuitability.ControllableAdvice, page.Text(), StringComparison.Ordinal);
        Assert.Contains(ProblemSuitability.SolvableAdvice, page.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProblemCard_MissingFieldsAndBadUpload_AreExplainedAndNothingSaved()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(2));
        var client = await SignedInAsync(members[0].Email!);
        var page = await client.GetDocumentAsync($"/Communities/Problem/{session.Id}");

        using var content = new MultipartFormDataContent
        {
            { new StringContent(Html.Token(page)), "__RequestVerificationToken" },
            { new StringContent("A problem"), "Input.Problem" },
            { new ByteArrayContent([1, 2, 3]), "Artefact", "virus.exe" },
        };
        var response = await client.PostAsync($"/Communities/Problem/{session.Id}", content);

        var errors = Html.Errors(await Html.ParseAsync(response));
        Assert.Contains("Enter the evidence", errors);
        Assert.Contains("Choose the NPQ framework area the problem links to", errors);
        Assert.Contains(errors, e => e.StartsWith("The selected file must be a PDF", StringComparison.Ordinal));
        Assert.Equal(0, await App.WithDbAsync(db => db.ProblemCards.CountAsync()));
    }

    [Fact]
    public async Task ProblemCard_AfterTheSessionStarted_CannotBeChanged()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App);
        var session = await App.SessionAsync(group, TimeSpan.FromHours(-1));

        var response = await (await SignedInAsync(members[0].Email!)).GetAsync($"/Communities/Problem/{session.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ProblemCard_TwoFirstSavesAtOnce_LeaveOneCard()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App);
        await App.SessionAsync(group, TimeSpan.FromDays(2));
        var client = await SignedInAsync(members[0].Email!);
        var body = new { problem = "p", evidence = "e", context = "c", why = "w", frameworkArea = "behaviour", specific = "yes", solvable = "yes", controllable = "yes" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsync("/api/v1/problems", System.Net.Http.Json.JsonContent.Create(body))));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)r.StatusCode}"));
        Assert.Equal(1, await App.WithDbAsync(db => db.ProblemCards.CountAsync()));
    }

    [Fact]
    public async Task Record_OnlyTheChairOpensIt_AndTheirRecordDrivesTheNextChairAndFollowUp()
    {
        var cohort = await Data.CohortAsync();
        var a = await Data.DelegateAsync(cohort, "a@test.example", birthday: new Birthday(1, 1), name: "Ada");
        var b = await Data.DelegateAsync(cohort, "b@test.example", birthday: new Birthday(1, 2), name: "Bo");
        var c = await Data.DelegateAsync(cohort, "c@test.example", birthday: new Birthday(1, 3), name: "Cy");
        var group = await App.GroupAsync(cohort, [a, b, c]);
        var first = await App.SessionAsync(group, TimeSpan.FromHours(-2));
        var second = await App.SessionAsync(group, TimeSpan.FromDays(14));
        await CardAsync(first, a);

        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("b@test.example")).GetAsync($"/Communities/Record/{first.Id}")).StatusCode);

        var chair = await SignedInAsync("a@test.example");
        var response = await chair.PostFormAsync($"/Communities/Record/{first.Id}", new()
            {
                ["Successes"] = "Three successes", ["Reflections"] = "We learnt", ["QuestionsForTeam"] = "Where is the reading list?", ["NextChairId"] = c.Id,
                ["Turns[0].OwnerId"] = a.Id, ["Turns[0].Position"] = "2", ["Turns[0].ActionSteps"] = "Try retrieval", ["Turns[0].ChosenAction"] = "Five-minute starters",
                ["Turns[1].OwnerId"] = b.Id, ["Turns[1].Position"] = "1",
                ["Turns[2].OwnerId"] = c.Id, ["Turns[2].Position"] = "3",
            },
            extra: [new("Present", a.Id), new("Present", b.Id)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await App.WithDbAsync(db => db.CommunitySessions.Include(s => s.Attendance).SingleAsync(s => s.Id == first.Id));
        Assert.Equal(a.Id, saved.ChairId);
        Assert.Equal(2, saved.Attendance.Count(x => x.Present));
        var chairs = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(chair, $"/api/v1/groups/{group.Id}/chairs");
        Assert.Equal(c.Id, chairs.GetProperty("next").GetProperty("id").GetString());

        // At the next session Ada sees her chosen action and records what happened.
        var next = await chair.GetDocumentAsync($"/Communities/Session/{second.Id}");
        Assert.Contains("Five-minute starters", next.Text(), StringComparison.Ordinal);
        var followUp = await chair.SubmitAsync(next, new() { ["FollowUpText"] = "Scores went up" }, "form[action*='handler=FollowUp']");
        Assert.Equal(HttpStatusCode.Redirect, followUp.StatusCode);
        Assert.Equal("Scores went up", await App.WithDbAsync(db => db.SessionTurns.Where(t => t.OwnerId == a.Id).Select(t => t.FollowUp).SingleAsync()));

        // The question reaches the programme team, who can mark it dealt with.
        await Data.ProgrammeTeamAsync();
        var team = await SignedInAsync("team@test.example");
        var dashboard = await team.GetDocumentAsync("/Programme/Communities");
        Assert.Contains("Where is the reading list?", dashboard.Text(), StringComparison.Ordinal);
        await team.SubmitAsync(dashboard, [], "form[action*='handler=Resolve']");
        Assert.DoesNotContain("Where is the reading list?", (await team.GetDocumentAsync("/Programme/Communities")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_DuplicateTurnNumbers_AreRefused()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App, size: 3);
        var session = await App.SessionAsync(group, TimeSpan.FromHours(-1));
        await Data.ProgrammeTeamAsync();
        var team = await SignedInAsync("team@test.example");

        var response = await team.PostFormAsync($"/Communities/Record/{session.Id}", new()
        {
            ["NextChairId"] = members[1].Id,
            ["Turns[0].OwnerId"] = members[0].Id, ["Turns[0].Position"] = "1",
            ["Turns[1].OwnerId"] = members[1].Id, ["Turns[1].Position"] = "1",
            ["Turns[2].OwnerId"] = members[2].Id, ["Turns[2].Position"] = "9",
        });

        var errors = Html.Errors(await Html.ParseAsync(response));
        Assert.Contains(errors, e => e.StartsWith("Turn 1 is given to two people", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("a number from 1 to 3", StringComparison.Ordinal));
        Assert.Null(await App.WithDbAsync(db => db.CommunitySessions.Where(s => s.Id == session.Id).Select(s => s.RecordedAt).SingleAsync()));
    }

    [Fact]
    public async Task Buddy_NotesArePrivateToThePair()
    {
        var cohort = await Data.CohortAsync();
        var people = new List<AppUser>();
        for (var i = 0; i < 4; i++)
        {
            people.Add(await Data.DelegateAsync(cohort, $"b{i}@test.example"));
        }
        await Data.ProgrammeTeamAsync();
        var team = await SignedInAsync("team@test.example");
        await team.PostFormAsync($"/Programme/Communities/Cohort/{cohort.Id}", new() { ["Round"] = "Spring 2027" }, "form[action*='handler=Pair']");
        var pairs = await App.WithDbAsync(db => db.BuddyPairs.Select(p => p.Members.Select(m => m.UserId).ToList()).ToListAsync());
        Assert.Equal(2, pairs.Count);
        var mine = pairs.Single(p => p.Contains(people[0].Id));
        var buddy = people.Single(p => p.Id == mine.Single(id => id != people[0].Id));
        var stranger = people.First(p => !mine.Contains(p.Id));

        var author = await SignedInAsync(people[0].Email!);
        var logged = await author.PostFormAsync("/Communities/Buddy", new() { ["Date.Day"] = "20", ["Date.Month"] = "11", ["Date.Year"] = "2026", ["Note"] = "Private words" });
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);

        Assert.Contains("Private words", (await (await SignedInAsync(buddy.Email!)).GetDocumentAsync("/Communities/Buddy")).Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Private words", (await (await SignedInAsync(stranger.Email!)).GetDocumentAsync("/Communities/Buddy")).Text(), StringComparison.Ordinal);
        var teamView = await team.GetDocumentAsync($"/Programme/Communities/Cohort/{cohort.Id}");
        Assert.DoesNotContain("Private words", teamView.Text(), StringComparison.Ordinal);
        Assert.Contains("20 November 2026", teamView.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buddy_FutureDateAndEmptyNote_AreRefused()
    {
        var cohort = await Data.CohortAsync();
        var a = await Data.DelegateAsync(cohort, "a@test.example");
        var b = await Data.DelegateAsync(cohort, "b@test.example");
        await App.WithDbAsync(async db =>
        {
            db.BuddyPairs.Add(new BuddyPair { CohortId = cohort.Id, Round = "R", Members = [new() { UserId = a.Id }, new() { UserId = b.Id }] });
            await db.SaveChangesAsync();
        });

        var response = await (await SignedInAsync("a@test.example")).PostFormAsync("/Communities/Buddy",
            new() { ["Date.Day"] = "1", ["Date.Month"] = "1", ["Date.Year"] = "2027", ["Note"] = " " });

        var errors = Html.Errors(await Html.ParseAsync(response));
        Assert.Contains("The date of the check-in must be today or in the past", errors);
        Assert.Contains("Enter a short note", errors);
    }

    [Fact]
    public async Task BuddyPairing_ASecondRound_AvoidsEarlierBuddies()
    {
        var cohort = await Data.CohortAsync();
        for (var i = 0; i < 6; i++)
        {
            await Data.DelegateAsync(cohort, $"p{i}@test.example");
        }
        await Data.ProgrammeTeamAsync();
        var team = await SignedInAsync("team@test.example");

        await team.PostFormAsync($"/Programme/Communities/Cohort/{cohort.Id}", new() { ["Round"] = "Autumn" }, "form[action*='handler=Pair']");
        await team.PostFormAsync($"/Programme/Communities/Cohort/{cohort.Id}", new() { ["Round"] = "Spring" }, "form[action*='handler=Pair']");
        var duplicate = await team.PostFormAsync($"/Programme/Communities/Cohort/{cohort.Id}", new() { ["Round"] = "spring" }, "form[action*='handler=Pair']");

        var rounds = await App.WithDbAsync(db => db.BuddyPairs.Select(p => new { p.Round, Members = p.Members.Select(m => m.UserId).OrderBy(x => x).ToList() }).ToListAsync());
        var autumn = rounds.Where(r => r.Round == "Autumn").Select(r => string.Join(",", r.Members)).ToHashSet();
        Assert.Equal(3, autumn.Count);
        Assert.All(rounds.Where(r => r.Round == "Spring"), r => Assert.DoesNotContain(string.Join(",", r.Members), autumn));
        Assert.Contains("There is already a round with that name", Html.Errors(await Html.ParseAsync(duplicate)));
    }

    [Fact]
    public async Task Formation_DraftsAreHiddenUntilPublished_AndMovesAreKept()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync();
        var people = new List<AppUser>();
        for (var i = 0; i < 9; i++)
        {
            var school = await Data.SchoolAsync(400000 + i, $"School {i}");
            people.Add(await Data.DelegateAsync(cohort, $"f{i}@test.example", school));
        }
        var team = await SignedInAsync("team@test.example");
        var url = $"/Programme/Communities/Cohort/{cohort.Id}";

        await team.PostFormAsync(url, new() { ["PhaseWeight"] = "2", ["RegionWeight"] = "1" }, "form[action*='handler=Form']");
        var groups = await App.WithDbAsync(db => db.CommunityGroups.Include(g => g.Members).OrderBy(g => g.Name).ToListAsync());
        Assert.Equal(2, groups.Count);
        Assert.All(groups, g => Assert.False(g.Published));
        var delegateClient = await SignedInAsync(people[0].Email!);
        Assert.Equal("[]", await delegateClient.GetStringAsync("/api/v1/groups/mine"));

        // Move one person from the larger group to the smaller: sizes 5/4 become 4/5.
        var from = groups.OrderByDescending(g => g.Members.Count).First();
        var to = groups.First(g => g.Id != from.Id);
        var moving = from.Members[0].UserId;
        var page = await team.GetDocumentAsync(url);
        await team.SubmitAsync(page, new() { [$"Moves[{moving}]"] = S(to.Id) }, "form[action*='handler=Move']");
        Assert.Equal(to.Id, await App.WithDbAsync(db => db.CommunityMembers.Where(m => m.UserId == moving).Select(m => m.GroupId).SingleAsync()));

        var published = await team.PostFormAsync(url, [], "form[action*='handler=Publish']");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains(people[0].Email!, await delegateClient.GetStringAsync("/api/v1/groups/mine"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Formation_PublishingAGroupThatBreaksTheRules_NeedsConfirmation()
    {
        await Data.ProgrammeTeamAsync();
        var cohort = await Data.CohortAsync();
        var school = await Data.SchoolAsync();
        var a = await Data.DelegateAsync(cohort, "a@test.example", school);
        var b = await Data.DelegateAsync(cohort, "b@test.example", school);
        await App.GroupAsync(cohort, [a, b], published: false);
        var team = await SignedInAsync("team@test.example");
        var url = $"/Programme/Communities/Cohort/{cohort.Id}";

        var page = await team.GetDocumentAsync(url);
        Assert.Contains("2 delegates from Test Primary", page.Text(), StringComparison.Ordinal);
        var refused = await team.SubmitAsync(page, [], "form[action*='handler=Publish']");
        Assert.Contains(Html.Errors(await Html.ParseAsync(refused)), e => e.StartsWith("Some groups are marked 'Check'", StringComparison.Ordinal));
        Assert.False(await App.WithDbAsync(db => db.CommunityGroups.AnyAsync(g => g.Published)));

        await team.SubmitAsync(page, new() { ["AcceptWarnings"] = "true" }, "form[action*='handler=Publish']");
        Assert.True(await App.WithDbAsync(db => db.CommunityGroups.AnyAsync(g => g.Published)));
    }

    [Fact]
    public async Task Schedule_ValidatesTimeAndLink_ThenSavesInUkTime()
    {
        await Data.ProgrammeTeamAsync();
        var (_, _, group) = await Data.GroupWithMembersAsync(App);
        var team = await SignedInAsync("team@test.example");
        var url = $"/Programme/Communities/Group/{group.Id}";

        var bad = await team.PostFormAsync(url, new()
        {
            ["Input.Date.Day"] = "14", ["Input.Date.Month"] = "6", ["Input.Date.Year"] = "2027", ["Input.Time"] = "25:00", ["Input.Mode"] = "Online", ["Input.Where"] = "javascript:alert(1)",
        });
        var errors = Html.Errors(await Html.ParseAsync(bad));
        Assert.Contains("Enter the start time as hours and minutes, like 16:00", errors);
        Assert.Contains("Enter the meeting link starting https://", errors);

        var good = await team.PostFormAsync(url, new()
        {
            ["Input.Date.Day"] = "14", ["Input.Date.Month"] = "6", ["Input.Date.Year"] = "2027", ["Input.Time"] = "16:00", ["Input.Mode"] = "InPerson", ["Input.Where"] = "Room 4",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        // 16:00 in June is British Summer Time: 15:00 UTC.
        Assert.Equal(new DateTime(2027, 6, 14, 15, 0, 0, DateTimeKind.Utc), await App.WithDbAsync(db => db.CommunitySessions.Select(s => s.StartsAt).SingleAsync()));
    }

    [Fact]
    public async Task ChangeSession_MovesItInUkTime_RaisesTheSequence_AndCancelMarksItCancelled()
    {
        await Data.ProgrammeTeamAsync();
        var (_, members, group) = await Data.GroupWithMembersAsync(App);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(3));
        var team = await SignedInAsync("team@test.example");
        var url = $"/Programme/Communities/Session/{session.Id}";
        Assert.NotNull((await team.GetDocumentAsync($"/Programme/Communities/Group/{group.Id}")).QuerySelector($"a[href='{url}']"));

        var moved = await team.PostFormAsync(url, new()
        {
            ["Input.Date.Day"] = "1", ["Input.Date.Month"] = "12", ["Input.Date.Year"] = "2026", ["Input.Time"] = "17:30", ["Input.Mode"] = "InPerson", ["Input.Where"] = "Room 9",
        }, "form#change-session");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var changed = await App.WithDbAsync(db => db.CommunitySessions.AsNoTracking().SingleAsync(s => s.Id == session.Id));
        Assert.Equal((new DateTime(2026, 12, 1, 17, 30, 0, DateTimeKind.Utc), "Room 9", 1), (changed.StartsAt, changed.Where, changed.Sequence));

        Assert.Equal(HttpStatusCode.Redirect, (await team.PostFormAsync(url, new(), "form#cancel-session")).StatusCode);
        var cancelled = await App.WithDbAsync(db => db.CommunitySessions.AsNoTracking().SingleAsync(s => s.Id == session.Id));
        Assert.Equal((true, 2), (cancelled.IsCancelled, cancelled.Sequence));
        var memberPage = await (await SignedInAsync(members[0].Email!)).GetDocumentAsync($"/Communities/Session/{session.Id}");
        Assert.Contains("This session was cancelled", memberPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(memberPage.QuerySelector($"a[href='/api/v1/sessions/{session.Id}/calendar.ics']"));
    }

    [Fact]
    public async Task ChangeSession_IsForTheProgrammeTeamOnly()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(3));
        var member = await SignedInAsync(members[0].Email!);

        var response = await member.GetAsync($"/Programme/Communities/Session/{session.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeSession_IntoThePast_IsExplained()
    {
        await Data.ProgrammeTeamAsync();
        var (_, _, group) = await Data.GroupWithMembersAsync(App);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(3));
        var team = await SignedInAsync("team@test.example");

        var response = await team.PostFormAsync($"/Programme/Communities/Session/{session.Id}", new()
        {
            ["Input.Date.Day"] = "1", ["Input.Date.Month"] = "11", ["Input.Date.Year"] = "2026", ["Input.Time"] = "16:00", ["Input.Mode"] = "Online", ["Input.Where"] = "https://meet.example.org/x",
        }, "form#change-session");

        Assert.Contains("Choose a time that has not passed yet", Html.Errors(await Html.ParseAsync(response)));
        Assert.Equal(0, await App.WithDbAsync(db => db.CommunitySessions.Where(s => s.Id == session.Id).Select(s => s.Sequence).SingleAsync()));
    }

    [Fact]
    public async Task ProtocolTimings_InvalidIsRefused_ValidChangesAgendas()
    {
        await Data.ProgrammeTeamAsync();
        var team = await SignedInAsync("team@test.example");

        var bad = await team.PostFormAsync("/Programme/Communities/Protocol", new() { ["Minutes[4003]"] = "-1" });
        Assert.NotEmpty(Html.Errors(await Html.ParseAsync(bad)));

        var good = await team.PostFormAsync("/Programme/Communities/Protocol", new() { ["Minutes[4003]"] = "6" });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var agenda = await team.GetStringAsync("/api/v1/protocol/agenda?participants=4&start=2026-11-23T16:00");
        Assert.Contains("\"totalMinutes\":70", agenda, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Programme/Communities")]
    [InlineData("/Programme/Communities/Protocol")]
    public async Task ProgrammePages_AreForTheTeamOnly(string path)
    {
        var (_, members, _) = await Data.GroupWithMembersAsync(App);

        var response = await (await SignedInAsync(members[0].Email!)).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task DelegatePages_AreForDelegates()
    {
        await Data.TutorAsync();
        var tutor = await SignedInAsync("tutor@test.example");

        Assert.Equal(HttpStatusCode.Redirect, (await tutor.GetAsync("/Communities")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await tutor.GetAsync("/Communities/Buddy")).StatusCode);
    }
}
