using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Communities;
using Roundtable.Web.People;

namespace Roundtable.Tests.Api;

// Sessions of seven or more run in breakouts: each with its own chair, agenda, state and stream,
// overseen from the session, which brings everyone back for the shared review.
public class LiveBreakoutApiTests(AppFactory app) : AppTest(app)
{
    private sealed record Setup(List<AppUser> Members, CommunitySession Session, string Url)
    {
        public string EmailOf(string id) => Members.First(m => m.Id == id).Email!;
    }

    // Eight members in pairs from four schools, birthdays through January, so B Member 1 chairs the session.
    private async Task<Setup> EightAsync(string prefix = "b")
    {
        var cohort = await Data.CohortAsync();
        var schools = new List<School>();
        for (var k = 1; k <= 4; k++)
        {
            schools.Add(await Data.SchoolAsync(310000 + k, $"School {k}"));
        }
        var members = new List<AppUser>();
        for (var i = 1; i <= 8; i++)
        {
            members.Add(await Data.DelegateAsync(cohort, $"{prefix}{i}@test.example", schools[(i - 1) / 2], birthday: new Birthday(i, 1), name: $"{prefix.ToUpperInvariant()} Member {i}"));
        }
        var group = await App.GroupAsync(cohort, members);
        var session = await App.SessionAsync(group, TimeSpan.FromMinutes(-1));
        return new Setup(members, session, $"/api/v1/sessions/{session.Id}");
    }

    private static async Task<JsonElement> Json(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        return await r.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> StartAsync(Setup s)
    {
        var chair = await SignedInAsync("b1@test.example");
        return await Json(await chair.PostAsJsonAsync($"{s.Url}/live/start", new { }));
    }

    private static List<JsonElement> Breakouts(JsonElement state) => state.GetProperty("breakouts").EnumerateArray().ToList();

    private static List<string> MemberIds(JsonElement breakout) =>
        breakout.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToList();

    [Fact]
    public async Task EightPresent_StartSplitsIntoTwoBreakouts_ContractShape()
    {
        var s = await EightAsync();
        var chair = await SignedInAsync("b1@test.example");
        var before = await chair.GetFromJsonAsync<JsonElement>($"{s.Url}/live");
        Assert.Equal(2, Breakouts(before).Count);

        var started = await StartAsync(s);

        Assert.Equal("Running", started.GetProperty("status").GetString());
        Assert.Equal("Breakouts", started.GetProperty("step").GetProperty("name").GetString());
        Assert.Equal("Review", started.GetProperty("steps")[1].GetProperty("phase").GetString());
        var breakouts = Breakouts(started);
        Assert.Equal(2, breakouts.Count);
        // The split the chair saw before the start is the one that runs.
        Assert.Equal(Breakouts(before).Select(MemberIds), breakouts.Select(MemberIds));
        foreach (var b in breakouts)
        {
            Assert.True(b.GetProperty("id").GetInt32() > 0);
            Assert.Equal(4, b.GetProperty("members").GetArrayLength());
            Assert.All(b.GetProperty("members").EnumerateArray(), m => Assert.False(string.IsNullOrEmpty(m.GetProperty("name").GetString())));
            Assert.Contains(b.GetProperty("chair").GetProperty("id").GetString(), MemberIds(b));
            Assert.Equal("Running", b.GetProperty("status").GetString());
            Assert.Equal(0, b.GetProperty("stepIndex").GetInt32());
            // Colleagues from one school are in different breakouts.
            var schools = MemberIds(b).Select(id => (s.Members.FindIndex(m => m.Id == id) + 2) / 2).ToList();
            Assert.Equal(4, schools.Distinct().Count());
        }
        Assert.Empty(MemberIds(breakouts[0]).Intersect(MemberIds(breakouts[1])));

        var one = await chair.GetFromJsonAsync<JsonElement>($"{s.Url}/breakouts/{breakouts[0].GetProperty("id").GetInt32()}/live");
        Assert.Equal("Running", one.GetProperty("status").GetString());
        Assert.Equal("Reconnect", one.GetProperty("step").GetProperty("name").GetString());
        // Four turns of four-person timings, without the review the whole session holds together.
        Assert.Equal(4, one.GetProperty("steps").EnumerateArray().Select(x => x.GetProperty("turn")).Where(t => t.ValueKind == JsonValueKind.Number).Select(t => t.GetInt32()).Distinct().Count());
        Assert.DoesNotContain(one.GetProperty("steps").EnumerateArray(), x => x.GetProperty("phase").GetString() == "Review");
        Assert.Equal(breakouts[0].GetProperty("id").GetInt32(), one.GetProperty("breakoutId").GetInt32());
    }

    [Fact]
    public async Task BelowSeven_BreakoutsIsEmpty()
    {
        var cohort = await Data.CohortAsync();
        var members = new List<AppUser>();
        for (var i = 1; i <= 6; i++)
        {
            members.Add(await Data.DelegateAsync(cohort, $"s{i}@test.example", birthday: new Birthday(i, 1)));
        }
        var session = await App.SessionAsync(await App.GroupAsync(cohort, members), TimeSpan.Zero);
        var chair = await SignedInAsync("s1@test.example");
        var started = await Json(await chair.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/live/start", new { }));
        Assert.Equal(0, started.GetProperty("breakouts").GetArrayLength());
        Assert.Equal("Reconnect", started.GetProperty("step").GetProperty("name").GetString());
    }

    [Fact]
    public async Task OnlyTheBreakoutsChairActs_OtherBreakoutGets403_OutsidersGet404_TakeoverWithinTheBreakout()
    {
        var s = await EightAsync();
        var breakouts = Breakouts(await StartAsync(s));
        var (b1, b2) = (breakouts[0], breakouts[1]);
        var b1Url = $"{s.Url}/breakouts/{b1.GetProperty("id").GetInt32()}/live";
        var chair1Id = b1.GetProperty("chair").GetProperty("id").GetString()!;
        var chair1 = await SignedInAsync(s.EmailOf(chair1Id));
        var other1 = await SignedInAsync(s.EmailOf(MemberIds(b1).First(id => id != chair1Id)));
        var fromB2 = await SignedInAsync(s.EmailOf(b2.GetProperty("chair").GetProperty("id").GetString()!));

        Assert.Equal(HttpStatusCode.Forbidden, (await other1.PostAsJsonAsync($"{b1Url}/next", new { fromStep = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fromB2.PostAsJsonAsync($"{b1Url}/next", new { fromStep = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fromB2.PostAsJsonAsync($"{b1Url}/takeover", new { })).StatusCode);
        var moved = await Json(await chair1.PostAsJsonAsync($"{b1Url}/next", new { fromStep = 0 }));
        Assert.Equal(1, moved.GetProperty("stepIndex").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await chair1.PostAsJsonAsync($"{b1Url}/start", new { })).StatusCode);

        var took = await Json(await other1.PostAsJsonAsync($"{b1Url}/takeover", new { }));
        Assert.NotEqual(chair1Id, took.GetProperty("chair").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await chair1.PostAsJsonAsync($"{b1Url}/next", new { fromStep = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other1.PostAsJsonAsync($"{b1Url}/next", new { fromStep = 1 })).StatusCode);
        // The other breakout did not move.
        Assert.Equal(0, (await fromB2.GetFromJsonAsync<JsonElement>($"{s.Url}/breakouts/{b2.GetProperty("id").GetInt32()}/live")).GetProperty("stepIndex").GetInt32());

        await Data.TutorAsync("stranger@test.example");
        var outsider = await SignedInAsync("stranger@test.example");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(b1Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"{b1Url}/takeover", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{b1Url}/events")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chair1.GetAsync($"{s.Url}/breakouts/999999/live")).StatusCode);
    }

    [Fact]
    public async Task TwoBreakoutsNextAtOnce_BothMoveOnce_TwoPressesOnOneBreakout_OneWins()
    {
        var s = await EightAsync();
        var breakouts = Breakouts(await StartAsync(s));
        var urls = breakouts.Select(b => $"{s.Url}/breakouts/{b.GetProperty("id").GetInt32()}/live").ToList();
        var chairs = new List<HttpClient>();
        foreach (var b in breakouts)
        {
            chairs.Add(await SignedInAsync(s.EmailOf(b.GetProperty("chair").GetProperty("id").GetString()!)));
        }

        var both = await Task.WhenAll(chairs.Select((c, i) => c.PostAsJsonAsync($"{urls[i]}/next", new { fromStep = 0 })));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var url in urls)
        {
            Assert.Equal(1, (await chairs[0].GetFromJsonAsync<JsonElement>(url)).GetProperty("stepIndex").GetInt32());
        }

        var laptop = await SignedInAsync(s.EmailOf(breakouts[0].GetProperty("chair").GetProperty("id").GetString()!));
        var presses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? chairs[0] : laptop).PostAsJsonAsync($"{urls[0]}/next", new { fromStep = 1 })));
        Assert.Equal(1, presses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(presses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(2, (await laptop.GetFromJsonAsync<JsonElement>(urls[0])).GetProperty("stepIndex").GetInt32());
    }

    [Fact]
    public async Task AMembersStream_FollowsTheirOwnBreakoutOnly_TheOverviewFollowsAll()
    {
        var s = await EightAsync();
        var breakouts = Breakouts(await StartAsync(s));
        var ids = breakouts.Select(b => b.GetProperty("id").GetInt32()).ToList();
        var chair2 = await SignedInAsync(s.EmailOf(breakouts[1].GetProperty("chair").GetProperty("id").GetString()!));
        var chair1 = await SignedInAsync(s.EmailOf(breakouts[0].GetProperty("chair").GetProperty("id").GetString()!));
        var member1 = await SignedInAsync(s.EmailOf(MemberIds(breakouts[0]).First(id => id != breakouts[0].GetProperty("chair").GetProperty("id").GetString())));
        await Data.ProgrammeTeamAsync();
        var team = await SignedInAsync("team@test.example");

        using var own = await member1.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{s.Url}/breakouts/{ids[0]}/live/events"), HttpCompletionOption.ResponseHeadersRead);
        using var ownReader = new StreamReader(await own.Content.ReadAsStreamAsync());
        using var overview = await team.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{s.Url}/live/events"), HttpCompletionOption.ResponseHeadersRead);
        using var overviewReader = new StreamReader(await overview.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.Equal(ids[0], (await LiveEvents.NextStateAsync(ownReader, timeout.Token)).GetProperty("breakoutId").GetInt32());
        await LiveEvents.NextStateAsync(overviewReader, timeout.Token);

        // Breakout 2 moves first: the member's stream stays quiet; breakout 1 moving is what it shows next.
        await Json(await chair2.PostAsJsonAsync($"/api/v1/sessions/{s.Session.Id}/breakouts/{ids[1]}/live/next", new { fromStep = 0 }));
        var seen = await LiveEvents.NextStateAsync(overviewReader, timeout.Token);
        Assert.Equal(1, Breakouts(seen).Single(b => b.GetProperty("id").GetInt32() == ids[1]).GetProperty("stepIndex").GetInt32());

        await Json(await chair1.PostAsJsonAsync($"/api/v1/sessions/{s.Session.Id}/breakouts/{ids[0]}/live/next", new { fromStep = 0 }));
        var next = await LiveEvents.NextStateAsync(ownReader, timeout.Token);
        Assert.Equal(ids[0], next.GetProperty("breakoutId").GetInt32());
        Assert.Equal(1, next.GetProperty("stepIndex").GetInt32());

        var teamView = await team.GetFromJsonAsync<JsonElement>($"{s.Url}/live");
        Assert.All(Breakouts(teamView), b => Assert.Equal(1, b.GetProperty("stepIndex").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, (await team.PostAsJsonAsync($"{s.Url}/breakouts/{ids[0]}/live/next", new { fromStep = 1 })).StatusCode);
    }

    [Fact]
    public async Task WhenEveryBreakoutFinishes_EveryoneComesBackForTheSharedReview()
    {
        var s = await EightAsync();
        var breakouts = Breakouts(await StartAsync(s));
        var ids = breakouts.Select(b => b.GetProperty("id").GetInt32()).ToList();
        var chairs = new List<HttpClient>();
        foreach (var b in breakouts)
        {
            chairs.Add(await SignedInAsync(s.EmailOf(b.GetProperty("chair").GetProperty("id").GetString()!)));
        }

        var first = await Json(await chairs[0].PostAsJsonAsync($"{s.Url}/breakouts/{ids[0]}/live/finish", new { }));
        Assert.Equal("Finished", first.GetProperty("status").GetString());
        Assert.False(first.GetProperty("calledBack").GetBoolean());
        Assert.Equal(0, (await chairs[0].GetFromJsonAsync<JsonElement>($"{s.Url}/live")).GetProperty("stepIndex").GetInt32());

        await Json(await chairs[1].PostAsJsonAsync($"{s.Url}/breakouts/{ids[1]}/live/finish", new { }));

        var session = await chairs[0].GetFromJsonAsync<JsonElement>($"{s.Url}/live");
        Assert.Equal(1, session.GetProperty("stepIndex").GetInt32());
        Assert.Equal("Review", session.GetProperty("step").GetProperty("phase").GetString());
        Assert.True((await chairs[1].GetFromJsonAsync<JsonElement>($"{s.Url}/breakouts/{ids[0]}/live")).GetProperty("calledBack").GetBoolean());
    }

    // The session record shows each breakout: its members, its chair, and how far it got.
    [Fact]
    public async Task TheRecord_ShowsEachBreakout_ItsMembersChairAndProgress()
    {
        var s = await EightAsync();
        var breakouts = Breakouts(await StartAsync(s));
        var first = breakouts[0];
        var firstChair = await SignedInAsync(s.EmailOf(first.GetProperty("chair").GetProperty("id").GetString()!));
        await Json(await firstChair.PostAsJsonAsync($"{s.Url}/breakouts/{first.GetProperty("id").GetInt32()}/live/finish", new { }));

        var record = await (await SignedInAsync("b1@test.example")).GetDocumentAsync($"/Communities/Record/{s.Session.Id}");

        Assert.Equal(2, record.QuerySelectorAll("[id^=record-breakout-][id$=-title]").Length);
        for (var n = 1; n <= 2; n++)
        {
            var card = record.QuerySelector($"#record-breakout-{n}")!.TextContent;
            var breakout = breakouts[n - 1];
            foreach (var id in MemberIds(breakout))
            {
                var name = s.Members.Single(m => m.Id == id).FullName;
                Assert.Contains(name, card, StringComparison.Ordinal);
            }
            Assert.Contains(breakout.GetProperty("chair").GetProperty("name").GetString()!, card, StringComparison.Ordinal);
        }
        Assert.Contains("Finished its turns", record.QuerySelector("#record-breakout-1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Step 1 of", record.QuerySelector("#record-breakout-2")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSessionsChair_CallsEveryoneBack_ClosingTheBreakouts()
    {
        var s = await EightAsync();
        var breakouts = Breakouts(await StartAsync(s));
        var chair = await SignedInAsync("b1@test.example");
        var member = await SignedInAsync("b2@test.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"{s.Url}/live/next", new { fromStep = 0 })).StatusCode);
        var back = await Json(await chair.PostAsJsonAsync($"{s.Url}/live/next", new { fromStep = 0 }));

        Assert.Equal("Review", back.GetProperty("step").GetProperty("phase").GetString());
        Assert.All(Breakouts(back), b => Assert.Equal("Finished", b.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await chair.PostAsJsonAsync($"{s.Url}/live/back", new { fromStep = 1 })).StatusCode);
        var b1Chair = await SignedInAsync(s.EmailOf(breakouts[0].GetProperty("chair").GetProperty("id").GetString()!));
        Assert.Equal(HttpStatusCode.Conflict, (await b1Chair.PostAsJsonAsync($"{s.Url}/breakouts/{breakouts[0].GetProperty("id").GetInt32()}/live/next", new { fromStep = 0 })).StatusCode);
    }

    [Fact]
    public async Task BeforeTheStart_TheChairMovesAPerson_SizesValidated_OthersRefused()
    {
        var s = await EightAsync();
        var chair = await SignedInAsync("b1@test.example");
        var member = await SignedInAsync("b2@test.example");
        var proposed = Breakouts(await chair.GetFromJsonAsync<JsonElement>($"{s.Url}/live"));
        var mover = MemberIds(proposed[0])[0];

        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"{s.Url}/live/breakouts/move", new { personId = mover, breakout = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await chair.PostAsJsonAsync($"{s.Url}/live/breakouts/move", new { personId = mover, breakout = 3 })).StatusCode);
        var moved = await Json(await chair.PostAsJsonAsync($"{s.Url}/live/breakouts/move", new { personId = mover, breakout = 2 }));
        Assert.Equal([3, 5], Breakouts(moved).Select(b => b.GetProperty("members").GetArrayLength()));
        Assert.Contains(mover, MemberIds(Breakouts(moved)[1]));
        // Three is the smallest breakout: moving another out of it is refused.
        var tooSmall = await chair.PostAsJsonAsync($"{s.Url}/live/breakouts/move", new { personId = MemberIds(Breakouts(moved)[0])[0], breakout = 2 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooSmall.StatusCode);

        var started = await StartAsync(s);
        Assert.Equal([3, 5], Breakouts(started).Select(b => b.GetProperty("members").GetArrayLength()));
        Assert.Contains(mover, MemberIds(Breakouts(started)[1]));
        Assert.Equal(HttpStatusCode.Conflict, (await chair.PostAsJsonAsync($"{s.Url}/live/breakouts/move", new { personId = mover, breakout = 1 })).StatusCode);
    }

    [Fact]
    public async Task TheOwnerIsToldItIsTheirProblem_ByPerson_NotByName()
    {
        var cohort = await Data.CohortAsync();
        var members = new List<AppUser>();
        for (var i = 1; i <= 4; i++)
        {
            // Two members share a name: only the owner by id is told.
            members.Add(await Data.DelegateAsync(cohort, $"o{i}@test.example", birthday: new Birthday(i, 1), name: i <= 2 ? "Sam Same" : $"O Member {i}"));
        }
        var session = await App.SessionAsync(await App.GroupAsync(cohort, members), TimeSpan.Zero);
        var url = $"/api/v1/sessions/{session.Id}/live";
        var chair = await SignedInAsync("o1@test.example");
        await Json(await chair.PostAsJsonAsync($"{url}/start", new { }));
        JsonElement state = default;
        for (var step = 0; step < 4; step++)
        {
            state = await Json(await chair.PostAsJsonAsync($"{url}/next", new { fromStep = step }));
        }
        Assert.True(state.GetProperty("step").GetProperty("ownerSilent").GetBoolean());
        var ownerId = state.GetProperty("step").GetProperty("ownerId").GetString()!;
        var ownerEmail = members.First(m => m.Id == ownerId).Email!;
        var namesake = members.First(m => m.Id != ownerId && m.FullName == "Sam Same").Email!;

        var owner = await (await SignedInAsync(ownerEmail)).GetFromJsonAsync<JsonElement>(url);
        Assert.True(owner.GetProperty("you").GetProperty("isOwner").GetBoolean());
        Assert.Equal("This is your problem: listen and do not speak during this step.", owner.GetProperty("you").GetProperty("prompt").GetString());
        var other = await (await SignedInAsync(namesake)).GetFromJsonAsync<JsonElement>(url);
        Assert.False(other.GetProperty("you").GetProperty("isOwner").GetBoolean());
        Assert.Equal(JsonValueKind.Null, other.GetProperty("you").GetProperty("prompt").ValueKind);
    }

    [Fact]
    public async Task TheChairNamesANoteTaker_WhoMayFillInTheRecord_OthersMayNot()
    {
        var cohort = await Data.CohortAsync();
        var members = new List<AppUser>();
        for (var i = 1; i <= 4; i++)
        {
            members.Add(await Data.DelegateAsync(cohort, $"n{i}@test.example", birthday: new Birthday(i, 1), name: $"N Member {i}"));
        }
        var session = await App.SessionAsync(await App.GroupAsync(cohort, members), TimeSpan.Zero);
        var url = $"/api/v1/sessions/{session.Id}/live";
        var chair = await SignedInAsync("n1@test.example");
        var noteTaker = await SignedInAsync("n2@test.example");
        var other = await SignedInAsync("n3@test.example");
        await Json(await chair.PostAsJsonAsync($"{url}/start", new { }));
        Assert.Equal(HttpStatusCode.NotFound, (await noteTaker.GetAsync($"/Communities/Record/{session.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"{url}/notetaker", new { personId = members[2].Id })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await chair.PostAsJsonAsync($"{url}/notetaker", new { personId = "nobody" })).StatusCode);
        var named = await Json(await chair.PostAsJsonAsync($"{url}/notetaker", new { personId = members[1].Id }));
        Assert.Equal("N Member 2", named.GetProperty("noteTaker").GetProperty("name").GetString());

        var saved = await noteTaker.PostFormAsync($"/Communities/Record/{session.Id}", new()
            {
                ["Successes"] = "Noted by the note-taker.", ["NextChairId"] = members[1].Id,
                ["Turns[0].OwnerId"] = members[0].Id, ["Turns[0].Position"] = "1", ["Turns[1].OwnerId"] = members[1].Id, ["Turns[1].Position"] = "2",
                ["Turns[2].OwnerId"] = members[2].Id, ["Turns[2].Position"] = "3", ["Turns[3].OwnerId"] = members[3].Id, ["Turns[3].Position"] = "4",
            },
            extra: members.Select(m => new KeyValuePair<string, string>("Present", m.Id)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Noted by the note-taker.", await App.WithDbAsync(db => Task.FromResult(db.CommunitySessions.Single(x => x.Id == session.Id).Successes)));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Communities/Record/{session.Id}")).StatusCode);

        // Once the live run is over, the record is the chair's again.
        await Json(await chair.PostAsJsonAsync($"{url}/finish", new { }));
        Assert.Equal(HttpStatusCode.NotFound, (await noteTaker.GetAsync($"/Communities/Record/{session.Id}")).StatusCode);
    }

    [Fact]
    public async Task ABreakoutsChairNamesANoteTaker_WhoKeepsTheRecordWhileTheSessionRuns_OtherMembersMayNot()
    {
        var s = await EightAsync("k");
        var sessionChair = await SignedInAsync("k1@test.example");
        var started = await Json(await sessionChair.PostAsJsonAsync($"{s.Url}/live/start", new { }));
        var breakout = Breakouts(started)[1];
        var chairId = breakout.GetProperty("chair").GetProperty("id").GetString()!;
        var others = MemberIds(breakout).Where(id => id != chairId && id != s.Members[0].Id).ToList();
        var chair = await SignedInAsync(s.EmailOf(chairId));
        var noteTaker = await SignedInAsync(s.EmailOf(others[0]));
        var member = await SignedInAsync(s.EmailOf(others[1]));
        var record = $"/Communities/Record/{s.Session.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await noteTaker.GetAsync(record)).StatusCode);

        var url = $"{s.Url}/breakouts/{breakout.GetProperty("id").GetInt32()}/live";
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"{url}/notetaker", new { personId = others[1] })).StatusCode);
        var named = await Json(await chair.PostAsJsonAsync($"{url}/notetaker", new { personId = others[0] }));
        Assert.Equal(others[0], named.GetProperty("noteTaker").GetProperty("id").GetString());

        // The note-taker's breakout screen links to the record; another member's does not.
        var mine = await noteTaker.GetDocumentAsync($"/Communities/Live/{s.Session.Id}");
        Assert.NotNull(mine.QuerySelector("#live")!.GetAttribute("data-breakout"));
        Assert.False(mine.QuerySelector("#live-notetaker-record")!.HasAttribute("hidden"));
        Assert.NotNull(mine.QuerySelector($"#live-notetaker-record a[href='{record}']"));
        var theirs = await member.GetDocumentAsync($"/Communities/Live/{s.Session.Id}");
        Assert.True(theirs.QuerySelector("#live-notetaker-record")!.HasAttribute("hidden"));

        Assert.Equal(HttpStatusCode.OK, (await noteTaker.GetAsync(record)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(record)).StatusCode);

        // Once the session is over, the record is the session chair's again.
        await Json(await sessionChair.PostAsJsonAsync($"{s.Url}/live/finish", new { }));
        Assert.Equal(HttpStatusCode.NotFound, (await noteTaker.GetAsync(record)).StatusCode);
    }
}
