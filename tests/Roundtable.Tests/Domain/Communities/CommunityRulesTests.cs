using Roundtable.Web.Communities;
using Roundtable.Web.Infrastructure;

namespace Roundtable.Tests.Domain.Communities;

// The smaller rules of communities: making, moving and publishing groups, buddy rounds and
// check-ins, scheduling sessions, follow-ups and formation weights.
public class CommunityRulesTests
{
    private static readonly HashSet<string> Unplaced = ["d1", "d2", "d3"];

    [Fact]
    public void Draft_NameAndUnplacedMembers_MakesTheGroup()
    {
        var group = CommunityGroup.Draft(4, new NewGroupInput { Name = " Group 9 ", Members = ["d1", "d2", "d1"] }, ["Group 1"], Unplaced);

        Assert.True(group.Succeeded);
        Assert.Equal("Group 9", group.Value.Name);
        Assert.False(group.Value.Published);
        Assert.Equal(["d1", "d2"], group.Value.Members.Select(m => m.UserId));
        Assert.All(group.Value.Members, m => Assert.Equal(4, m.CohortId));
    }

    [Theory]
    [InlineData("", "Enter a name for the group")]
    [InlineData("group 1", "This cohort already has a group with that name")]
    public void Draft_AMissingOrTakenName_IsAnErrorOnTheName(string name, string message)
    {
        var group = CommunityGroup.Draft(4, new NewGroupInput { Name = name, Members = ["d1"] }, ["Group 1"], Unplaced);

        Assert.Equal([new FieldError(nameof(NewGroupInput.Name), message)], group.Failure!.Errors);
    }

    [Fact]
    public void Draft_NoMembersOrSomeoneAlreadyPlaced_IsAnErrorOnTheMembers()
    {
        Assert.Equal("Choose the delegates for the group",
            CommunityGroup.Draft(4, new NewGroupInput { Name = "G" }, [], Unplaced).Failure!.Errors.Single().Message);
        Assert.Equal("Choose delegates who are not in a group yet",
            CommunityGroup.Draft(4, new NewGroupInput { Name = "G", Members = ["d1", "placed"] }, [], Unplaced).Failure!.Errors.Single().Message);
    }

    [Fact]
    public void CheckPublish_GroupsMarkedCheck_NeedTheTeamToSaySo()
    {
        Assert.Equal(nameof(PublishInput.AcceptWarnings), CommunityGroup.CheckPublish(anyDraftNeedsChecking: true, acceptWarnings: false)!.Field);
        Assert.Null(CommunityGroup.CheckPublish(anyDraftNeedsChecking: true, acceptWarnings: true));
        Assert.Null(CommunityGroup.CheckPublish(anyDraftNeedsChecking: false, acceptWarnings: false));
    }

    [Fact]
    public void MoveTo_SaysWhetherTheMemberMoved()
    {
        var member = new CommunityMember { GroupId = 1 };

        Assert.False(member.MoveTo(1));
        Assert.True(member.MoveTo(2));
        Assert.Equal(2, member.GroupId);
    }

    [Theory]
    [InlineData(" Spring 2027 ", true, "Spring 2027")]
    [InlineData("autumn", false, "There is already a round with that name")]
    [InlineData("  ", false, "Enter a name for this round, like Spring 2027")]
    public void CheckRound_NeedsANewName(string round, bool ok, string expected)
    {
        var checkedRound = BuddyPair.CheckRound(new BuddyRoundInput { Round = round }, ["Autumn"]);

        Assert.Equal(ok, checkedRound.Succeeded);
        Assert.Equal(expected, ok ? checkedRound.Value : checkedRound.Failure!.Message);
    }

    [Fact]
    public void CheckIn_InTheFutureOrWithoutANote_IsRefused()
    {
        var today = new DateOnly(2026, 11, 23);

        var failure = new BuddyCheckInInput(today.AddDays(1), " ").Check(today);

        Assert.Equal(["Date", "Note"], failure!.Errors.Select(e => e.Field));
        Assert.Null(new BuddyCheckInInput(today, "We met").Check(today));
        // A date the form could not read is reported by the form; the note is still checked.
        Assert.Equal(["Note"], new BuddyCheckInInput(null, new string('n', BuddyCheckIn.NoteMaxLength + 1)).Check(today)!.Errors.Select(e => e.Field));
    }

    [Fact]
    public void ScheduleOn_AUkTime_StartsAtTheRightInstant()
    {
        var session = new SessionScheduleInput("16.00", SessionMode.InPerson, " Room 4 ").ScheduleOn(new DateOnly(2027, 6, 14), groupId: 3);

        Assert.True(session.Succeeded);
        Assert.Equal(new DateTime(2027, 6, 14, 15, 0, 0, DateTimeKind.Utc), session.Value.StartsAt);
        Assert.Equal("Room 4", session.Value.Where);
        Assert.Equal(3, session.Value.GroupId);
    }

    [Fact]
    public void ScheduleOn_ATimeTheClocksSkip_IsAnErrorOnTheTime()
    {
        var session = new SessionScheduleInput("01:30", SessionMode.Online, "https://meet.example.org/x").ScheduleOn(new DateOnly(2027, 3, 28), groupId: 3);

        Assert.Equal(nameof(SessionScheduleInput.Time), session.Failure!.Field);
    }

    [Fact]
    public void Check_AnOnlineSessionNeedsAnHttpsLink_AndEveryErrorShowsAtOnce()
    {
        var failure = new SessionScheduleInput("25:00", null, "javascript:alert(1)").Check();

        Assert.Equal(["Time", "Mode"], failure!.Errors.Select(e => e.Field));
        Assert.Equal("Enter the meeting link starting https://",
            new SessionScheduleInput("16:00", SessionMode.Online, "http://meet.example.org").Check()!.Errors.Single().Message);
    }

    [Fact]
    public void FollowUp_IsRequiredAndTrimmed()
    {
        Assert.Equal("Scores went up", new FollowUpInput { FollowUpText = " Scores went up " }.Check().Value);
        Assert.Equal("Enter what happened", new FollowUpInput { FollowUpText = "" }.Check().Failure!.Message);
    }

    [Theory]
    [InlineData(2, 1, null)]
    [InlineData(11, 1, "PhaseWeight")]
    [InlineData(0, -1, "RegionWeight")]
    public void FormationWeights_RunFromZeroToTen(double phase, double region, string? field) =>
        Assert.Equal(field, new FormationWeights { PhaseWeight = phase, RegionWeight = region }.Check()?.Field);
}
