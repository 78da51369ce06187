using Roundtable.Web.Communities;
using Roundtable.Web.Infrastructure;

namespace Roundtable.Tests.Domain.Communities;

public class SessionRecordTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 17, 0, 0, DateTimeKind.Utc);

    private static readonly MemberView[] Members = [new("a", "Ada", "a@x.example"), new("b", "Bo", "b@x.example"), new("c", "Cy", "c@x.example")];

    private static SessionRecordInput Input(params (string Owner, string Position)[] turns) => new()
    {
        Present = ["a", "b"],
        Successes = "  Three successes ",
        NextChairId = "c",
        Turns = turns.Select(t => new TurnRecordInput { OwnerId = t.Owner, Position = t.Position }).ToList(),
    };

    [Fact]
    public void Check_TurnsNumberedOneToN_GivesTheRecordWithTextsTrimmed()
    {
        var input = Input(("a", "2"), ("b", "1"), ("c", "3"));
        input.Turns[0].ChosenAction = " Five-minute starters ";
        input.Reflections = "   ";

        var record = SessionRecord.Check(input, Members);

        Assert.True(record.Succeeded);
        Assert.Equal("Three successes", record.Value.Successes);
        Assert.Null(record.Value.Reflections);
        Assert.Equal([2, 1, 3], record.Value.Turns.Select(t => t.Position));
        Assert.Equal("Five-minute starters", record.Value.Turns[0].ChosenAction);
    }

    [Fact]
    public void Check_ADuplicateAndAnOutOfRangeNumber_AreErrorsOnThoseTurns()
    {
        var record = SessionRecord.Check(Input(("a", "1"), ("b", "1"), ("c", "9")), Members);

        Assert.False(record.Succeeded);
        Assert.Equal(FailureKind.Invalid, record.Failure.Kind);
        Assert.Contains(record.Failure.Errors, e => e.Field == "Turns[1].Position" && e.Message.StartsWith("Turn 1 is given to two people", StringComparison.Ordinal));
        Assert.Contains(record.Failure.Errors, e => e.Field == "Turns[2].Position" && e.Message == "Give Cy's turn a number from 1 to 3");
    }

    [Fact]
    public void Check_ANextChairOrSomeoneHereFromOutsideTheGroup_IsRefused()
    {
        var input = Input(("a", "1"));
        input.NextChairId = "stranger";
        input.Present.Add("stranger");

        var record = SessionRecord.Check(input, Members);

        Assert.Equal(["Present", "NextChairId"], record.Failure!.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Check_TextsLongerThanTheLimit_AreRefused()
    {
        var input = Input(("a", "1"));
        input.QuestionsForTeam = new string('q', CommunitySession.TextMaxLength + 1);
        input.Turns[0].ActionSteps = new string('s', CommunitySession.TextMaxLength + 1);

        var record = SessionRecord.Check(input, Members);

        Assert.Equal(["QuestionsForTeam", "Turns[0].Position"], record.Failure!.Errors.Select(e => e.Field));
        Assert.Equal("Write at most 4,000 characters for Ada's turn", record.Failure.Errors[1].Message);
    }

    [Fact]
    public void ForMembers_DropsTurnsOfPeopleOutsideTheGroup_SoNumbersRunOverTheGroupOnly()
    {
        var input = Input(("a", "1"), ("stranger", "2"), ("b", "2")).ForMembers(["a", "b", "c"]);

        Assert.Equal(["a", "b"], input.Turns.Select(t => t.OwnerId));
        Assert.True(SessionRecord.Check(input, Members).Succeeded);
    }

    [Theory]
    [InlineData(true, false, null, true)]
    [InlineData(false, true, "me", true)]
    [InlineData(false, true, "other", false)]
    [InlineData(false, false, "me", false)]
    public void MayKeep_TheTeamOrTheChairWhileAMember(bool team, bool member, string? chair, bool may) =>
        Assert.Equal(may, SessionRecord.MayKeep(team, member, chair, "me"));

    [Fact]
    public void Record_TakesAttendanceForEveryMember_AndKeepsTurnsOnlyForThoseHereOrWithNotes()
    {
        var session = new CommunitySession { Id = 7, Turns = [new SessionTurn { OwnerId = "c", Position = 3, ChosenAction = "old" }] };
        var record = SessionRecord.Check(Input(("a", "2"), ("b", "1"), ("c", "3")), Members).Value!;

        session.Record(record, ["a", "b", "c"], chairId: "a", Now);

        Assert.Equal(["a", "b"], session.Attendance.Where(x => x.Present).Select(x => x.UserId));
        Assert.Equal(3, session.Attendance.Count);
        // c was away and has nothing noted, but already had a turn: it is kept, with its notes cleared.
        Assert.Equal(["c", "a", "b"], session.Turns.Select(t => t.OwnerId));
        Assert.Null(session.Turns[0].ChosenAction);
        Assert.Equal("a", session.ChairId);
        Assert.Equal(Now, session.RecordedAt);
        Assert.Equal("c", session.NextChairId);
    }

    [Fact]
    public void Record_KeepsWhoeverAlreadyChaired()
    {
        var session = new CommunitySession { ChairId = "b" };

        session.Record(SessionRecord.Check(Input(), Members).Value!, ["a", "b", "c"], chairId: "a", Now);

        Assert.Equal("b", session.ChairId);
    }
}
