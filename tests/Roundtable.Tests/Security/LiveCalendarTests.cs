using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Communities;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.LiveSessions;
using Roundtable.Web.People;

namespace Roundtable.Tests.Security;

// Issue 12, point 3: live sessions follow the calendar.
public class LiveCalendarTests(AppFactory app) : AppTest(app)
{
    // A group of four; M Member 1 chairs by birthday order, the others are members.
    private async Task<CommunitySession> SessionAsync(TimeSpan fromNow, bool recorded = false)
    {
        var cohort = await Data.CohortAsync();
        var members = new List<AppUser>();
        for (var i = 1; i <= 4; i++)
        {
            members.Add(await Data.DelegateAsync(cohort, $"m{i}@test.example", birthday: new Birthday(i, 1), name: $"M Member {i}"));
        }
        var group = await App.GroupAsync(cohort, members);
        var session = await App.SessionAsync(group, fromNow);
        if (recorded)
        {
            await App.WithDbAsync(async db =>
            {
                var s = await db.CommunitySessions.FindAsync(session.Id);
                (s!.ChairId, s.RecordedAt) = (members[0].Id, s.StartsAt.AddHours(1));
                await db.SaveChangesAsync();
            });
        }
        return session;
    }

    private Task<string?> ChairOfRecordAsync(int sessionId) =>
        App.WithDbAsync(async db => (await db.CommunitySessions.FindAsync(sessionId))!.ChairId);

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string says)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(says, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Takeover_OfASessionHeldTwoWeeksAgo_Is422AndNobodyBecomesChair()
    {
        var session = await SessionAsync(TimeSpan.FromDays(-14));
        var member = await SignedInAsync("m2@test.example");

        var response = await member.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/live/takeover", new { });

        await AssertRefusedAsync(response, "can no longer be started or taken over");
        Assert.Null(await ChairOfRecordAsync(session.Id));
    }

    [Fact]
    public async Task Takeover_OfARecordedSession_Is422AndTheRecordKeepsItsChair()
    {
        var session = await SessionAsync(TimeSpan.FromHours(-1), recorded: true);
        var chairBefore = await ChairOfRecordAsync(session.Id);
        var member = await SignedInAsync("m2@test.example");

        var response = await member.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/live/takeover", new { });

        await AssertRefusedAsync(response, "has been recorded");
        Assert.Equal(chairBefore, await ChairOfRecordAsync(session.Id));
    }

    [Fact]
    public async Task Start_OfARecordedSession_Is422()
    {
        var session = await SessionAsync(TimeSpan.FromHours(-1), recorded: true);
        var chair = await SignedInAsync("m1@test.example");

        await AssertRefusedAsync(await chair.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/live/start", new { }), "has been recorded");
    }

    [Fact]
    public async Task Start_DaysBeforeTheSession_Is422AndItStaysNotStarted()
    {
        var session = await SessionAsync(TimeSpan.FromDays(2));
        var chair = await SignedInAsync("m1@test.example");

        var response = await chair.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/live/start", new { });

        await AssertRefusedAsync(response, "is not due yet");
        var state = await chair.GetFromJsonAsync<JsonElement>($"/api/v1/sessions/{session.Id}/live");
        Assert.Equal("NotStarted", state.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Start_TheDayAfterTheSession_Is422()
    {
        var session = await SessionAsync(TimeSpan.FromDays(-1));
        var chair = await SignedInAsync("m1@test.example");

        await AssertRefusedAsync(await chair.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/live/start", new { }), "can no longer be started");
    }

    [Fact]
    public async Task Start_HalfAnHourBefore_IsAllowed()
    {
        var early = await SessionAsync(CommunitySession.LiveOpensBefore);
        var chair = await SignedInAsync("m1@test.example");

        var started = await chair.PostAsJsonAsync($"/api/v1/sessions/{early.Id}/live/start", new { });

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
    }

    [Fact]
    public async Task Finish_OfAFutureSession_Is422()
    {
        var session = await SessionAsync(TimeSpan.FromDays(3));
        var chair = await SignedInAsync("m1@test.example");

        await AssertRefusedAsync(await chair.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/live/finish", new { }), "has not begun");
    }

    // Issue 14: a cancelled session is not run live, even on its day.
    private async Task<(CommunitySession Session, DateTime CancelledAt)> CancelledSessionAsync()
    {
        var session = await SessionAsync(TimeSpan.FromMinutes(10));
        var cancelledAt = App.Clock.GetUtcNow().UtcDateTime.AddDays(-2);
        await App.WithDbAsync(async db =>
        {
            (await db.CommunitySessions.FindAsync(session.Id))!.CancelledAt = cancelledAt;
            await db.SaveChangesAsync();
        });
        return (session, cancelledAt);
    }

    private static async Task AssertCancelledAsync(HttpResponseMessage response, DateTime cancelledAt)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Session cancelled", problem.GetProperty("title").GetString());
        Assert.StartsWith($"This session was cancelled on {UkFormat.Date(cancelledAt)}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OfACancelledSession_Is409AndItStaysNotStarted()
    {
        var (session, cancelledAt) = await CancelledSessionAsync();
        var chair = await SignedInAsync("m1@test.example");

        await AssertCancelledAsync(await chair.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/live/start", new { }), cancelledAt);

        var state = await chair.GetFromJsonAsync<JsonElement>($"/api/v1/sessions/{session.Id}/live");
        Assert.Equal("NotStarted", state.GetProperty("status").GetString());
        Assert.Equal(0, await App.WithDbAsync(db => Task.FromResult(db.LiveSessions.Count(l => l.SessionId == session.Id))));
    }

    [Fact]
    public async Task Takeover_OfACancelledSession_Is409AndNobodyBecomesChair()
    {
        var (session, cancelledAt) = await CancelledSessionAsync();
        var member = await SignedInAsync("m2@test.example");

        await AssertCancelledAsync(await member.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/live/takeover", new { }), cancelledAt);

        Assert.Null(await ChairOfRecordAsync(session.Id));
    }

    [Fact]
    public async Task LivePage_OfACancelledSession_SaysSoInsteadOfTheControls()
    {
        var (session, cancelledAt) = await CancelledSessionAsync();
        var chair = await SignedInAsync("m1@test.example");

        var page = await chair.GetDocumentAsync($"/Communities/Live/{session.Id}");

        Assert.Equal($"This session was cancelled on {UkFormat.Date(cancelledAt)}.", page.QuerySelector("#live-cancelled")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("#live-controls"));
        Assert.Null(page.QuerySelector("#live-takeover"));
        Assert.Empty(page.QuerySelectorAll("[data-action]"));
    }

    [Fact]
    public void FitsCalendar_RefusesEveryActionOnACancelledSession()
    {
        var now = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
        var session = new CommunitySession { StartsAt = now.AddMinutes(5), CancelledAt = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc) };
        Assert.All(Enum.GetValues<LiveAction>(), action =>
        {
            var refused = LiveRules.FitsCalendar(action, session, now);
            Assert.Equal(FailureKind.Conflict, refused?.Kind);
            Assert.StartsWith("This session was cancelled on 20 November 2026", refused!.Message, StringComparison.Ordinal);
        });
        Assert.Null(LiveRules.FitsCalendar(LiveAction.Start, new CommunitySession { StartsAt = now.AddMinutes(5) }, now));
    }

    // The rule itself, at its edges, in UK time (the clocks change on 29 March 2026).
    [Theory]
    [InlineData("2026-11-23T09:29:59Z", false)]
    [InlineData("2026-11-23T09:30:00Z", true)]
    [InlineData("2026-11-23T23:59:59Z", true)]
    [InlineData("2026-11-24T00:00:00Z", false)]
    public void IsDue_FromHalfAnHourBeforeUntilMidnight_Winter(string now, bool due)
    {
        var session = new CommunitySession { StartsAt = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc) };
        Assert.Equal(due, session.IsDue(DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal)));
    }

    [Theory]
    [InlineData("2026-06-10T22:59:59Z", true)]
    [InlineData("2026-06-10T23:00:00Z", false)]
    public void IsDue_EndsAtMidnightInLondon_Summer(string now, bool due)
    {
        var session = new CommunitySession { StartsAt = new DateTime(2026, 6, 10, 15, 0, 0, DateTimeKind.Utc) };
        Assert.Equal(due, session.IsDue(DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal)));
    }

    [Fact]
    public void FitsCalendar_OtherActionsAreLeftToTheStateMachine()
    {
        var session = new CommunitySession { StartsAt = new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc) };
        Assert.Null(LiveRules.FitsCalendar(LiveAction.Next, session, new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc)));
    }
}
