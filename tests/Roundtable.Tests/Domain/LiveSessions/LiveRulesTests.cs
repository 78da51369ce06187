using Roundtable.Web.LiveSessions;

namespace Roundtable.Tests.Domain.LiveSessions;

public class LiveRulesTests
{
    private static readonly DateTime T0 = new(2026, 11, 23, 16, 0, 0, DateTimeKind.Utc);

    private static readonly LiveStep[] Agenda =
    [
        new("Reconnect", "Reconnect", null, null, "All", false, 5, [], null),
        new("Introduce the problem", "Turn", 1, "Ann", "Problem owner", false, 2, [], null),
        new("Look deeper", "Turn", 1, "Ann", "Peers", true, 4, [], null),
        new("Introduce the problem", "Turn", 2, "Bob", "Problem owner", false, 2, [], null),
        new("Look deeper", "Turn", 2, "Bob", "Peers", true, 4, [], null),
        new("Review", "Review", null, null, "All", false, 5, [], null),
    ];

    private static LiveSession Started()
    {
        var s = new LiveSession { SessionId = 1 };
        Assert.True(LiveRules.Apply(s, new(LiveAction.Start), "chair", T0, Agenda) is null);
        return s;
    }

    private static LiveSession InState(LiveStatus status)
    {
        if (status == LiveStatus.NotStarted)
        {
            return new LiveSession { SessionId = 1 };
        }
        var s = Started();
        if (status == LiveStatus.Paused) { LiveRules.Apply(s, new(LiveAction.Pause), "chair", T0.AddSeconds(30)); }
        if (status == LiveStatus.Finished) { LiveRules.Apply(s, new(LiveAction.Finish), "chair", T0.AddSeconds(30)); }
        return s;
    }

    // Every action in every state: which fit, and what state they lead to.
    [Theory]
    [InlineData(LiveStatus.NotStarted, LiveAction.Start, true, LiveStatus.Running)]
    [InlineData(LiveStatus.NotStarted, LiveAction.Next, false, null)]
    [InlineData(LiveStatus.NotStarted, LiveAction.Back, false, null)]
    [InlineData(LiveStatus.NotStarted, LiveAction.Pause, false, null)]
    [InlineData(LiveStatus.NotStarted, LiveAction.Resume, false, null)]
    [InlineData(LiveStatus.NotStarted, LiveAction.Extend, false, null)]
    [InlineData(LiveStatus.NotStarted, LiveAction.Finish, false, null)]
    [InlineData(LiveStatus.NotStarted, LiveAction.Takeover, true, LiveStatus.NotStarted)]
    [InlineData(LiveStatus.Running, LiveAction.Start, false, null)]
    [InlineData(LiveStatus.Running, LiveAction.Next, true, LiveStatus.Running)]
    [InlineData(LiveStatus.Running, LiveAction.Back, false, null)]
    [InlineData(LiveStatus.Running, LiveAction.Pause, true, LiveStatus.Paused)]
    [InlineData(LiveStatus.Running, LiveAction.Resume, false, null)]
    [InlineData(LiveStatus.Running, LiveAction.Extend, true, LiveStatus.Running)]
    [InlineData(LiveStatus.Running, LiveAction.Finish, true, LiveStatus.Finished)]
    [InlineData(LiveStatus.Running, LiveAction.Takeover, true, LiveStatus.Running)]
    [InlineData(LiveStatus.Paused, LiveAction.Start, false, null)]
    [InlineData(LiveStatus.Paused, LiveAction.Next, true, LiveStatus.Running)]
    [InlineData(LiveStatus.Paused, LiveAction.Pause, false, null)]
    [InlineData(LiveStatus.Paused, LiveAction.Resume, true, LiveStatus.Running)]
    [InlineData(LiveStatus.Paused, LiveAction.Extend, true, LiveStatus.Paused)]
    [InlineData(LiveStatus.Paused, LiveAction.Finish, true, LiveStatus.Finished)]
    [InlineData(LiveStatus.Paused, LiveAction.Takeover, true, LiveStatus.Paused)]
    [InlineData(LiveStatus.Finished, LiveAction.Start, false, null)]
    [InlineData(LiveStatus.Finished, LiveAction.Next, false, null)]
    [InlineData(LiveStatus.Finished, LiveAction.Back, false, null)]
    [InlineData(LiveStatus.Finished, LiveAction.Pause, false, null)]
    [InlineData(LiveStatus.Finished, LiveAction.Resume, false, null)]
    [InlineData(LiveStatus.Finished, LiveAction.Extend, false, null)]
    [InlineData(LiveStatus.Finished, LiveAction.Finish, false, null)]
    [InlineData(LiveStatus.Finished, LiveAction.Takeover, false, null)]
    public void Action_InState(LiveStatus from, LiveAction action, bool fits, LiveStatus? to)
    {
        var s = InState(from);
        var before = s.Status;

        var outcome = LiveRules.Apply(s, new(action, FromStep: s.StepIndex, Minutes: 1), "someone-else", T0.AddMinutes(1), Agenda);

        Assert.Equal(fits, outcome is null);
        Assert.Equal(fits ? to : before, s.Status);
        if (!fits)
        {
            Assert.False(string.IsNullOrEmpty(outcome?.Message));
        }
    }

    [Fact]
    public void Next_WithAStaleStep_ChangesNothing()
    {
        var s = Started();
        Assert.True(LiveRules.Apply(s, new(LiveAction.Next, FromStep: 0), "chair", T0.AddMinutes(5)) is null);

        // A second device pressed "next" on step 0 as well: it must not skip step 1.
        var stale = LiveRules.Apply(s, new(LiveAction.Next, FromStep: 0), "chair", T0.AddMinutes(5));

        Assert.False(stale is null);
        Assert.Equal(1, s.StepIndex);
    }

    [Fact]
    public void NextAndBack_NeedFromStep_AndStopAtTheEnds()
    {
        var s = Started();
        Assert.False(LiveRules.Apply(s, new(LiveAction.Next), "chair", T0) is null);
        Assert.False(LiveRules.Apply(s, new(LiveAction.Back, FromStep: 0), "chair", T0) is null);
        for (var i = 0; i < Agenda.Length - 1; i++)
        {
            Assert.True(LiveRules.Apply(s, new(LiveAction.Next, FromStep: i), "chair", T0) is null);
        }
        Assert.False(LiveRules.Apply(s, new(LiveAction.Next, FromStep: Agenda.Length - 1), "chair", T0) is null);
        Assert.True(LiveRules.Apply(s, new(LiveAction.Back, FromStep: Agenda.Length - 1), "chair", T0) is null);
        Assert.Equal(Agenda.Length - 2, s.StepIndex);
    }

    [Fact]
    public void Clock_CountsDownFromTheStoredStart()
    {
        var s = Started();

        var clock = LiveRules.Clock(s, T0.AddSeconds(100));

        Assert.Equal(T0.AddMinutes(5), clock.StepEndsAt);
        Assert.Equal(200, clock.RemainingSeconds);
    }

    [Fact]
    public void Clock_StopsWhilePaused_AndPausedTimeIsGivenBack()
    {
        var s = Started();
        LiveRules.Apply(s, new(LiveAction.Pause), "chair", T0.AddSeconds(60));

        Assert.Equal(240, LiveRules.Clock(s, T0.AddSeconds(500)).RemainingSeconds);
        Assert.Null(LiveRules.Clock(s, T0.AddSeconds(500)).StepEndsAt);

        LiveRules.Apply(s, new(LiveAction.Resume), "chair", T0.AddSeconds(600));
        var clock = LiveRules.Clock(s, T0.AddSeconds(610));
        Assert.Equal(230, clock.RemainingSeconds);
        Assert.Equal(T0.AddSeconds(840), clock.StepEndsAt);
    }

    [Fact]
    public void Clock_ExtendAndShorten_MoveTheEnd_ButNotBelowOneMinute()
    {
        var s = Started();
        Assert.True(LiveRules.Apply(s, new(LiveAction.Extend, Minutes: 1), "chair", T0) is null);
        Assert.Equal(360, LiveRules.Clock(s, T0).RemainingSeconds);
        Assert.False(LiveRules.Apply(s, new(LiveAction.Extend, Minutes: 2), "chair", T0) is null);

        for (var i = 0; i < 5; i++)
        {
            Assert.True(LiveRules.Apply(s, new(LiveAction.Extend, Minutes: -1), "chair", T0) is null);
        }
        Assert.Equal(60, LiveRules.Clock(s, T0).RemainingSeconds);
        Assert.False(LiveRules.Apply(s, new(LiveAction.Extend, Minutes: -1), "chair", T0) is null);
    }

    [Fact]
    public void Clock_GoesNegativeWhenTheStepOverruns_WithoutMovingOn()
    {
        var s = Started();

        var clock = LiveRules.Clock(s, T0.AddMinutes(7));

        Assert.Equal(-120, clock.RemainingSeconds);
        Assert.Equal(0, s.StepIndex);
    }

    [Fact]
    public void Clock_SurvivesARestart_BecauseItIsOnlyTheStoredFields()
    {
        var s = Started();
        LiveRules.Apply(s, new(LiveAction.Pause), "chair", T0.AddSeconds(10));
        LiveRules.Apply(s, new(LiveAction.Resume), "chair", T0.AddSeconds(70));
        LiveRules.Apply(s, new(LiveAction.Extend, Minutes: 1), "chair", T0.AddSeconds(80));

        // What another server (or this one after a restart) reads back from the database.
        var reloaded = new LiveSession
        {
            SessionId = s.SessionId, Status = s.Status, StepIndex = s.StepIndex, StepStartedAt = s.StepStartedAt, PausedAt = s.PausedAt,
            PausedSeconds = s.PausedSeconds, AdjustSeconds = s.AdjustSeconds, AgendaJson = s.AgendaJson, ChairId = s.ChairId,
        };

        Assert.Equal(LiveRules.Clock(s, T0.AddSeconds(200)), LiveRules.Clock(reloaded, T0.AddSeconds(200)));
        // Five minutes, one more added, one paused: the step ends at 16:07, 220 seconds after 16:03:20.
        Assert.Equal(220, LiveRules.Clock(reloaded, T0.AddSeconds(200)).RemainingSeconds);
    }

    [Fact]
    public void Takeover_MakesTheCallerChair()
    {
        var s = Started();

        Assert.True(LiveRules.Apply(s, new(LiveAction.Takeover), "member", T0) is null);
        Assert.Equal("member", s.ChairId);
        Assert.False(LiveRules.Apply(s, new(LiveAction.Takeover), "member", T0) is null);
    }

    [Fact]
    public void Drop_RemovesALaterTurn_AndTheAgendaMovesUp()
    {
        var s = Started();

        Assert.True(LiveRules.Apply(s, new(LiveAction.Drop, Turn: 2), "chair", T0) is null);

        Assert.Equal(["Reconnect", "Introduce the problem", "Look deeper", "Review"], s.Steps.Select(x => x.Name));
        LiveRules.Apply(s, new(LiveAction.Next, FromStep: 0), "chair", T0);
        Assert.False(LiveRules.Apply(s, new(LiveAction.Drop, Turn: 1), "chair", T0) is null);
        Assert.False(LiveRules.Apply(s, new(LiveAction.Drop, Turn: 9), "chair", T0) is null);
    }

    [Fact]
    public void Start_WithNoAgenda_IsRefused()
    {
        var s = new LiveSession { SessionId = 1 };

        Assert.False(LiveRules.Apply(s, new(LiveAction.Start), "chair", T0, []) is null);
        Assert.Equal(LiveStatus.NotStarted, s.Status);
    }

    [Fact]
    public void ARunStartedBeforeListeners_StillLoads_AndSaysWhoListensFromItsSpeakers()
    {
        // Agenda JSON stored by runs started before steps had listeners.
        var old = new LiveSession
        {
            AgendaJson = """[{"name":"Look deeper","phase":"Turn","turn":1,"owner":"Ann","speakers":"Peers","ownerSilent":true,"minutes":4,"prompts":[],"note":null}]""",
        };
        var fresh = new LiveSession { Steps = [Agenda[2] with { Listeners = "All" }] };

        Assert.Null(Assert.Single(old.Steps).Listeners);
        Assert.Equal("Problem owner", old.Steps[0].WhoListens);
        Assert.Equal("All", Assert.Single(fresh.Steps).WhoListens);
        Assert.DoesNotContain("whoListens", fresh.AgendaJson, StringComparison.Ordinal);
    }
}
