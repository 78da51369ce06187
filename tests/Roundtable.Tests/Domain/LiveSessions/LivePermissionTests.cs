using Roundtable.Web.Infrastructure;
using Roundtable.Web.LiveSessions;

namespace Roundtable.Tests.Domain.LiveSessions;

public class LivePermissionTests
{
    [Theory]
    [InlineData(LiveAction.Next, true, "me", true)]
    [InlineData(LiveAction.Start, true, null, true)]
    [InlineData(LiveAction.Next, true, "chair", false)]
    [InlineData(LiveAction.Pause, false, null, false)]
    [InlineData(LiveAction.Takeover, true, "chair", true)]
    [InlineData(LiveAction.Takeover, false, "chair", false)]
    public void OnlyTheChairRuns_AndAnyMemberMayTakeOver(LiveAction action, bool isMember, string? chair, bool allowed)
    {
        var failure = LiveRules.MayAct(action, isMember, chair, "me");

        Assert.Equal(allowed, failure is null);
        Assert.True(failure is null || failure.Kind == FailureKind.Forbidden);
    }

    [Fact]
    public void AnActionThatDoesNotFit_IsAConflict()
    {
        var failure = LiveRules.Apply(new LiveSession { SessionId = 1 }, new(LiveAction.Pause), "me", DateTime.UnixEpoch);

        Assert.Equal(FailureKind.Conflict, failure!.Kind);
        Assert.Equal(LiveRules.DoesNotFit, failure.Title);
    }
}
