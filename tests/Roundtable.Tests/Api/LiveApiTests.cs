using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Communities;
using Roundtable.Web.People;

namespace Roundtable.Tests.Api;

public class LiveApiTests(AppFactory app) : AppTest(app)
{
    // A group of four with birthdays in January, so M Member 1 chairs the first session.
    private async Task<(List<AppUser> Members, CommunitySession Session)> SessionAsync()
    {
        var cohort = await Data.CohortAsync();
        var members = new List<AppUser>();
        for (var i = 1; i <= 4; i++)
        {
            members.Add(await Data.DelegateAsync(cohort, $"m{i}@test.example", birthday: new Birthday(i, 1), name: $"M Member {i}"));
        }
        var group = await App.GroupAsync(cohort, members);
        return (members, await App.SessionAsync(group, TimeSpan.FromMinutes(-1)));
    }

    private static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Chair_StartsAndMovesOn_StateAndClockFollow()
    {
        var (_, session) = await SessionAsync();
        var chair = await SignedInAsync("m1@test.example");
        var url = $"/api/v1/sessions/{session.Id}/live";

        var before = await chair.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal("NotStarted", before.GetProperty("status").GetString());
        Assert.Equal("M Member 1", before.GetProperty("chair").GetProperty("name").GetString());

        var started = await Json(await chair.PostAsJsonAsync($"{url}/start", new { }));
        Assert.Equal("Running", started.GetProperty("status").GetString());
        Assert.Equal("Reconnect", started.GetProperty("step").GetProperty("name").GetString());
        Assert.Equal(300, started.GetProperty("remainingSeconds").GetInt32());
        Assert.Equal("Introduce the problem", started.GetProperty("next").GetProperty("name").GetString());

        App.Clock.Advance(TimeSpan.FromSeconds(90));
        var later = await chair.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(210, later.GetProperty("remainingSeconds").GetInt32());
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, later.GetProperty("serverTime").GetDateTime());

        var next = await Json(await chair.PostAsJsonAsync($"{url}/next", new { fromStep = 0 }));
        Assert.Equal(1, next.GetProperty("stepIndex").GetInt32());
        Assert.Equal(1, next.GetProperty("step").GetProperty("turn").GetInt32());
        Assert.Equal(120, next.GetProperty("remainingSeconds").GetInt32());
        var lookDeeper = await Json(await chair.PostAsJsonAsync($"{url}/next", new { fromStep = 1 }));
        await chair.PostAsJsonAsync($"{url}/next", new { fromStep = 2 });
        var silent = await Json(await chair.PostAsJsonAsync($"{url}/next", new { fromStep = 3 }));
        Assert.True(silent.GetProperty("step").GetProperty("ownerSilent").GetBoolean());
        Assert.Equal("Clarify", lookDeeper.GetProperty("step").GetProperty("name").GetString());
    }

    [Fact]
    public async Task StaleFromStep_Is409_AndChangesNothing()
    {
        var (_, session) = await SessionAsync();
        var chair = await SignedInAsync("m1@test.example");
        var url = $"/api/v1/sessions/{session.Id}/live";
        await chair.PostAsJsonAsync($"{url}/start", new { });
        await chair.PostAsJsonAsync($"{url}/next", new { fromStep = 0 });

        var stale = await chair.PostAsJsonAsync($"{url}/next", new { fromStep = 0 });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, (await chair.GetFromJsonAsync<JsonElement>(url)).GetProperty("stepIndex").GetInt32());
    }

    [Fact]
    public async Task TwoNextPressesAtTheSameMoment_AdvanceOneStep()
    {
        var (_, session) = await SessionAsync();
        var phone = await SignedInAsync("m1@test.example");
        var laptop = await SignedInAsync("m1@test.example");
        var url = $"/api/v1/sessions/{session.Id}/live";
        await phone.PostAsJsonAsync($"{url}/start", new { });

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            (i % 2 == 0 ? phone : laptop).PostAsJsonAsync($"{url}/next", new { fromStep = 0 })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, (await phone.GetFromJsonAsync<JsonElement>(url)).GetProperty("stepIndex").GetInt32());
    }

    [Fact]
    public async Task NotTheChair_Is403_UntilTheyTakeOver()
    {
        var (members, session) = await SessionAsync();
        var chair = await SignedInAsync("m1@test.example");
        var member = await SignedInAsync("m2@test.example");
        var url = $"/api/v1/sessions/{session.Id}/live";

        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"{url}/start", new { })).StatusCode);
        await chair.PostAsJsonAsync($"{url}/start", new { });
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"{url}/next", new { fromStep = 0 })).StatusCode);

        var takeover = await Json(await member.PostAsJsonAsync($"{url}/takeover", new { }));
        Assert.Equal(members[1].Id, takeover.GetProperty("chair").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await member.PostAsJsonAsync($"{url}/next", new { fromStep = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.PostAsJsonAsync($"{url}/next", new { fromStep = 1 })).StatusCode);
        Assert.Equal(members[1].Id, await App.WithDbAsync(db => Task.FromResult(db.CommunitySessions.Single(s => s.Id == session.Id).ChairId)));
    }

    [Fact]
    public async Task Outsiders_Get404_TutorsMayWatchButNotAct()
    {
        var tutor = await Data.TutorAsync();
        var cohort = await Data.CohortAsync();
        var members = new List<AppUser>();
        for (var i = 1; i <= 3; i++)
        {
            members.Add(await Data.DelegateAsync(cohort, $"t{i}@test.example", tutor: tutor));
        }
        var group = await App.GroupAsync(cohort, members);
        var session = await App.SessionAsync(group, TimeSpan.Zero);
        var stranger = await Data.DelegateAsync(cohort, "stranger@test.example");
        await App.GroupAsync(cohort, [stranger], name: "Other");
        var url = $"/api/v1/sessions/{session.Id}/live";

        var outsider = await SignedInAsync("stranger@test.example");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"{url}/takeover", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{url}/events")).StatusCode);

        var tutorClient = await SignedInAsync("tutor@test.example");
        Assert.Equal(HttpStatusCode.OK, (await tutorClient.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tutorClient.PostAsJsonAsync($"{url}/takeover", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task ProgrammeTeam_SeesWhichSessionsAreLive()
    {
        var (_, session) = await SessionAsync();
        await Data.ProgrammeTeamAsync();
        var team = await SignedInAsync("team@test.example");
        Assert.Contains("No community session is running", (await team.GetDocumentAsync("/Programme/Communities")).Text(), StringComparison.Ordinal);

        await (await SignedInAsync("m1@test.example")).PostAsJsonAsync($"/api/v1/sessions/{session.Id}/live/start", new { });

        var page = await team.GetDocumentAsync("/Programme/Communities");
        Assert.NotNull(page.QuerySelector($"a[href='/Communities/Live/{session.Id}']"));
    }

    [Theory]
    [InlineData("jump", HttpStatusCode.BadRequest)]
    [InlineData("resume", HttpStatusCode.Conflict)]
    [InlineData("extend", HttpStatusCode.Conflict)]
    public async Task UnknownOrUnfittingActions_AreRefused(string action, HttpStatusCode expected)
    {
        var (_, session) = await SessionAsync();
        var chair = await SignedInAsync("m1@test.example");
        await chair.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/live/start", new { });

        var response = await chair.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/live/{action}", new { minutes = 5 });

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task EventStream_SendsTheStateOnConnect_AndAfterEveryChange()
    {
        var (_, session) = await SessionAsync();
        var chair = await SignedInAsync("m1@test.example");
        var member = await SignedInAsync("m2@test.example");
        var url = $"/api/v1/sessions/{session.Id}/live";

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{url}/events");
        using var response = await member.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var first = await LiveEvents.NextStateAsync(reader, timeout.Token);
        Assert.Equal("NotStarted", first.GetProperty("status").GetString());

        await chair.PostAsJsonAsync($"{url}/start", new { });
        var second = await LiveEvents.NextStateAsync(reader, timeout.Token);
        Assert.Equal("Running", second.GetProperty("status").GetString());

        await chair.PostAsJsonAsync($"{url}/next", new { fromStep = 0 });
        var third = await LiveEvents.NextStateAsync(reader, timeout.Token);
        Assert.Equal(1, third.GetProperty("stepIndex").GetInt32());
    }
}

public static class LiveEvents
{
    // Reads Server-Sent Events until the next "state" event and returns its data.
    public static async Task<JsonElement> NextStateAsync(StreamReader reader, CancellationToken ct)
    {
        string? eventName = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "state")
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
            }
        }
        throw new EndOfStreamException("The event stream ended.");
    }
}

// Two app servers on one PostgreSQL database: a chair's action on one reaches a screen
// connected to the other, through LISTEN/NOTIFY.
public class LiveAcrossServersTests(AppFactory app) : AppTest(app)
{
    [PostgresFact]
    public async Task ActionOnOneServer_ReachesAnEventStreamOnAnother()
    {
        var cohort = await Data.CohortAsync();
        var members = new List<AppUser>();
        for (var i = 1; i <= 4; i++)
        {
            members.Add(await Data.DelegateAsync(cohort, $"x{i}@test.example", birthday: new Birthday(i, 1)));
        }
        var group = await App.GroupAsync(cohort, members);
        var session = await App.SessionAsync(group, TimeSpan.Zero);
        await using var second = AppFactory.SecondServer(App.Database);
        await ((IAsyncLifetime)second).InitializeAsync();
        var url = $"/api/v1/sessions/{session.Id}/live";

        var watcher = second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await watcher.SignInAsync("x2@test.example", TestData.Password);
        using var response = await watcher.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{url}/events"), HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.Equal("NotStarted", (await LiveEvents.NextStateAsync(reader, timeout.Token)).GetProperty("status").GetString());

        var chair = await SignedInAsync("x1@test.example");
        Assert.Equal(HttpStatusCode.OK, (await chair.PostAsJsonAsync($"{url}/start", new { })).StatusCode);

        var pushed = await LiveEvents.NextStateAsync(reader, timeout.Token);
        Assert.Equal("Running", pushed.GetProperty("status").GetString());
        Assert.Equal("Reconnect", pushed.GetProperty("step").GetProperty("name").GetString());
    }
}
