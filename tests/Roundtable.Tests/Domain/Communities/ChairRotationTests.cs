using Roundtable.Web.Communities;
using Roundtable.Web.People;
using Xunit;

namespace Roundtable.Tests.Domain.Communities;

public class ChairRotationTests
{
    private static readonly ChairCandidate Asha = new("m-asha", "Asha Patel", new Birthday(14, 3));
    private static readonly ChairCandidate Ben = new("m-ben", "Ben Okoro", new Birthday(20, 1));
    private static readonly ChairCandidate Cara = new("m-cara", "Cara Jones", new Birthday(2, 11));
    private static readonly ChairCandidate Dev = new("m-dev", "Dev Singh", new Birthday(9, 7));
    private static readonly ChairCandidate Ellen = new("m-ellen", "Ellen Marsh", new Birthday(30, 7));

    // Birthday order: Ben (20 Jan), Asha (14 Mar), Dev (9 Jul), Ellen (30 Jul), Cara (2 Nov).
    private static readonly ChairCandidate[] Group = [Asha, Ben, Cara, Dev, Ellen];

    [Fact]
    public void Earliest_birthday_in_the_year_comes_first()
    {
        var order = ChairRotation.BirthdayOrder(Group);

        Assert.Equal(["m-ben", "m-asha", "m-dev", "m-ellen", "m-cara"], order.Select(m => m.Id));
        Assert.Equal(Ben, ChairRotation.FirstChair(Group));
    }

    [Fact]
    public void Shared_birthdays_are_ordered_by_name_ignoring_case_then_exactly()
    {
        var members = new[]
        {
            new ChairCandidate("1", "zoe", new Birthday(5, 5)),
            new ChairCandidate("2", "alex", new Birthday(5, 5)),
            new ChairCandidate("3", "Alex", new Birthday(5, 5)),
            new ChairCandidate("4", "Bea", new Birthday(5, 5)),
            new ChairCandidate("5", "Yusuf", new Birthday(4, 5)),
        };

        var order = ChairRotation.BirthdayOrder(members);

        Assert.Equal(["5", "3", "2", "4", "1"], order.Select(m => m.Id));
    }

    [Fact]
    public void Members_without_a_birthday_come_last_by_name_and_are_marked()
    {
        var noBirthdayZed = new ChairCandidate("m-z", "Zed Ahmed", null);
        var noBirthdayAmy = new ChairCandidate("m-a", "Amy Burns", null);

        var result = ChairRotation.ProposeNext([noBirthdayZed, Cara, noBirthdayAmy, Ben], []);

        Assert.Equal(["m-ben", "m-cara", "m-a", "m-z"], result.Order.Select(e => e.MemberId));
        Assert.Equal([false, false, true, true], result.Order.Select(e => e.NoBirthdayRecorded));
        Assert.Equal([1, 2, 3, 4], result.Order.Select(e => e.Position));
        Assert.Equal("m-ben", result.ProposedNextChairId);
        Assert.Equal("No birthday recorded — placed last", ChairRotation.NoBirthdayRecordedNote);
    }

    [Fact]
    public void With_no_history_the_first_in_birthday_order_is_proposed()
    {
        var result = ChairRotation.ProposeNext(Group, []);

        Assert.Equal("m-ben", result.ProposedNextChairId);
        Assert.All(result.Order, e => Assert.Equal(0, e.TimesChaired));
    }

    [Fact]
    public void Everyone_chairs_once_before_anyone_chairs_twice()
    {
        var history = new List<string>();
        for (var session = 0; session < 12; session++)
        {
            var result = ChairRotation.ProposeNext(Group, history);
            history.Add(result.ProposedNextChairId!);

            var counts = Group.Select(m => history.Count(h => h == m.Id)).ToArray();
            Assert.True(counts.Max() - counts.Min() <= 1);
        }

        string[] cycle = ["m-ben", "m-asha", "m-dev", "m-ellen", "m-cara"];
        Assert.Equal([.. cycle, .. cycle, "m-ben", "m-asha"], history);
    }

    [Fact]
    public void After_an_out_of_order_appointment_the_rotation_continues_from_the_appointee()
    {
        // Ben chaired first; the group then appointed Ellen instead of the proposed Asha.
        var history = new List<string> { "m-ben", "m-ellen" };

        var next = ChairRotation.ProposeNext(Group, history);
        Assert.Equal("m-cara", next.ProposedNextChairId);
        Assert.Equal(1, next.Order.Single(e => e.MemberId == "m-ellen").TimesChaired);

        history.Add("m-cara");
        Assert.Equal("m-asha", ChairRotation.ProposeNext(Group, history).ProposedNextChairId);
        history.Add("m-asha");
        Assert.Equal("m-dev", ChairRotation.ProposeNext(Group, history).ProposedNextChairId);
        history.Add("m-dev");

        // Everyone has chaired once: the second round carries on after Dev.
        Assert.Equal("m-ellen", ChairRotation.ProposeNext(Group, history).ProposedNextChairId);
    }

    [Fact]
    public void Someone_appointed_a_second_time_early_does_not_skip_those_yet_to_chair()
    {
        var result = ChairRotation.ProposeNext(Group, ["m-ben", "m-asha", "m-ben"]);

        Assert.Equal("m-dev", result.ProposedNextChairId);
        Assert.Equal(2, result.Order.Single(e => e.MemberId == "m-ben").TimesChaired);
    }

    [Fact]
    public void Chairs_who_have_left_are_reported_and_the_rotation_anchors_on_the_latest_current_chair()
    {
        var result = ChairRotation.ProposeNext(Group, ["m-ben", "m-asha", "m-gone"]);

        Assert.Equal(["m-gone"], result.ChairsNoLongerInGroup);
        Assert.Equal("m-dev", result.ProposedNextChairId);
    }

    [Fact]
    public void A_new_member_is_proposed_before_anyone_chairs_twice()
    {
        var newcomer = new ChairCandidate("m-new", "Nia Owens", new Birthday(1, 2));
        ChairCandidate[] group = [.. Group, newcomer];

        var result = ChairRotation.ProposeNext(group, ["m-ben", "m-asha", "m-dev", "m-ellen", "m-cara"]);

        Assert.Equal("m-new", result.ProposedNextChairId);
    }

    [Fact]
    public void An_empty_group_has_no_proposal()
    {
        var result = ChairRotation.ProposeNext([], ["m-ben"]);

        Assert.Empty(result.Order);
        Assert.Null(result.ProposedNextChairId);
        Assert.Null(ChairRotation.FirstChair([]));
    }

    [Fact]
    public void Birthdays_hold_only_valid_days_and_months()
    {
        Assert.True(Birthday.IsValid(29, 2));
        Assert.False(Birthday.IsValid(30, 2));
        Assert.False(Birthday.IsValid(1, 13));
        Assert.False(Birthday.IsValid(31, 4));
        Assert.False(Birthday.IsValid(0, 1));
    }

    [Fact]
    public void Duplicate_members_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ChairRotation.ProposeNext([Asha, Asha], []));
    }
}
