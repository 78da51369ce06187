using System.Globalization;
using Roundtable.Web.Communities;
using Xunit;

namespace Roundtable.Tests.Domain.Communities;

public class AgendaBuilderTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static Agenda BuildAgenda(int participants, DateTime localStart)
    {
        var result = AgendaBuilder.Build(participants, localStart, London);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Value!;
    }

    private static string Clock(DateTimeOffset time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(3, new[] { 3 }, 49, 0)]
    [InlineData(4, new[] { 4 }, 62, 2)]
    [InlineData(5, new[] { 5 }, 60, 0)]
    [InlineData(6, new[] { 6 }, 58, 0)]
    [InlineData(7, new[] { 4, 3 }, 62, 2)]
    [InlineData(8, new[] { 4, 4 }, 62, 2)]
    [InlineData(9, new[] { 5, 4 }, 62, 2)]
    [InlineData(10, new[] { 5, 5 }, 60, 0)]
    [InlineData(11, new[] { 6, 5 }, 60, 0)]
    [InlineData(12, new[] { 6, 6 }, 58, 0)]
    public void Sizes_3_to_12_give_expected_groups_turns_and_totals(int participants, int[] groupSizes, int totalMinutes, int overrun)
    {
        var start = new DateTime(2026, 3, 10, 16, 0, 0);
        var agenda = BuildAgenda(participants, start);

        Assert.Equal(participants, agenda.Participants);
        Assert.Equal(groupSizes, agenda.Groups.Select(g => g.Size));
        Assert.Equal(groupSizes.Length > 1, agenda.IsBreakout);
        Assert.Equal(totalMinutes, agenda.TotalMinutes);
        Assert.Equal(overrun, agenda.OverrunMinutes);
        Assert.Equal(start.AddMinutes(totalMinutes), agenda.PlannedEnd.DateTime);

        foreach (var group in agenda.Groups)
        {
            var template = ProtocolTemplate.DefaultFor(AgendaBuilder.TemplateSizeFor(group.Size));
            Assert.Equal(2 + (group.Size * template.TurnSteps.Count), group.Steps.Count);
            Assert.Equal(Enumerable.Range(1, group.Size), group.Steps.Where(s => s.Phase == AgendaPhase.Turn).Select(s => s.Turn!.Value).Distinct());
            Assert.Equal(5 + (group.Size * template.TurnMinutes) + 5, group.TotalMinutes);
            Assert.Equal(group.TotalMinutes, group.Steps.Sum(s => s.Minutes));
            Assert.Equal(Math.Max(0, group.TotalMinutes - 60), group.OverrunMinutes);
        }
    }

    [Fact]
    public void Three_present_use_four_person_timings_and_end_early()
    {
        var agenda = BuildAgenda(3, new DateTime(2026, 3, 10, 16, 0, 0));

        var group = Assert.Single(agenda.Groups);
        Assert.Equal(4, group.TemplateSize);
        Assert.Equal(3, group.Turns);
        Assert.Equal(49, agenda.TotalMinutes);
        Assert.Equal("16:49", Clock(agenda.PlannedEnd));
        Assert.Contains(agenda.Notes, n => n.Contains("ends early", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Fewer_than_three_are_refused_with_a_reason(int participants)
    {
        var result = AgendaBuilder.Build(participants, new DateTime(2026, 3, 10, 16, 0, 0), London);

        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        Assert.Contains("at least 3", result.Failure?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Four_people_from_16_00_have_exact_clock_times()
    {
        var agenda = BuildAgenda(4, new DateTime(2026, 3, 10, 16, 0, 0));
        var steps = Assert.Single(agenda.Groups).Steps;

        var expected = new List<(AgendaPhase, int?, string, string, string)>
        {
            (AgendaPhase.Reconnect, null, "Reconnect", "16:00", "16:05"),
        };
        var turnStart = new DateTime(2026, 3, 10, 16, 5, 0);
        var turnSteps = new[] { ("Introduce the problem", 2), ("Clarify", 2), ("Look deeper", 4), ("Action step", 2), ("Response", 2), ("Our reflections", 1) };
        for (var turn = 1; turn <= 4; turn++)
        {
            foreach (var (name, minutes) in turnSteps)
            {
                expected.Add((AgendaPhase.Turn, turn, name, turnStart.ToString("HH:mm", CultureInfo.InvariantCulture), turnStart.AddMinutes(minutes).ToString("HH:mm", CultureInfo.InvariantCulture)));
                turnStart = turnStart.AddMinutes(minutes);
            }
        }

        expected.Add((AgendaPhase.Review, null, "Review", "16:57", "17:02"));

        Assert.Equal(expected, steps.Select(s => (s.Phase, s.Turn, s.Name, Clock(s.Start), Clock(s.End))));
        Assert.Equal(("16:05", "16:07"), (Clock(steps[1].Start), Clock(steps[1].End)));
        Assert.Equal("Introduce the problem", steps[1].Name);
        Assert.Equal(("16:18", "16:20"), (Clock(steps[7].Start), Clock(steps[7].End)));
        Assert.Equal(2, steps[7].Turn);
        Assert.Equal("17:02", Clock(agenda.PlannedEnd));
        Assert.Equal(62, agenda.TotalMinutes);
        Assert.Equal(2, agenda.OverrunMinutes);
        Assert.Contains(agenda.Notes, n => n.Contains("62 minutes", StringComparison.Ordinal));
    }

    [Fact]
    public void Steps_follow_each_other_without_gaps_and_offsets_add_up()
    {
        var agenda = BuildAgenda(6, new DateTime(2026, 7, 1, 9, 30, 0));
        var steps = agenda.Groups[0].Steps;

        for (var i = 1; i < steps.Count; i++)
        {
            Assert.Equal(steps[i - 1].End, steps[i].Start);
            Assert.Equal(steps[i - 1].OffsetMinutes + steps[i - 1].Minutes, steps[i].OffsetMinutes);
        }

        Assert.Equal(0, steps[0].OffsetMinutes);
        Assert.Equal(AgendaPhase.Reconnect, steps[0].Phase);
        Assert.Null(steps[0].Turn);
        Assert.Equal(AgendaPhase.Review, steps[^1].Phase);
        Assert.Null(steps[^1].Turn);
        Assert.Equal(TimeSpan.FromHours(1), steps[0].Start.Offset);
    }

    [Fact]
    public void Look_deeper_and_action_step_are_peers_with_the_owner_silent()
    {
        foreach (var size in ProtocolTemplate.SupportedGroupSizes)
        {
            var steps = BuildAgenda(size, new DateTime(2026, 3, 10, 16, 0, 0)).Groups[0].Steps;
            var firstTurn = steps.Where(s => s.Turn == 1).ToDictionary(s => s.Name);

            foreach (var name in new[] { "Look deeper", "Action step" })
            {
                Assert.Equal(ProtocolSpeakers.Peers, firstTurn[name].Speakers);
                Assert.True(firstTurn[name].OwnerSilent);
                Assert.NotEmpty(firstTurn[name].Prompts);
            }

            Assert.Equal(ProtocolSpeakers.ProblemOwner, firstTurn["Response"].Speakers);
            Assert.False(firstTurn["Response"].OwnerSilent);
            Assert.Contains("If this were my school, I would…", firstTurn["Action step"].Prompts);
            Assert.All(steps.Where(s => s.Phase != AgendaPhase.Turn), s => Assert.Equal(ProtocolSpeakers.All, s.Speakers));
        }
    }

    [Fact]
    public void Four_person_turn_starts_with_the_owner_introducing()
    {
        var step = BuildAgenda(4, new DateTime(2026, 3, 10, 16, 0, 0)).Groups[0].Steps[1];

        Assert.Equal("Introduce the problem", step.Name);
        Assert.Equal(ProtocolSpeakers.ProblemOwner, step.Speakers);
        Assert.Equal(2, step.Minutes);
        Assert.False(step.OwnerSilent);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Five_and_six_open_with_introduce_and_clarify_and_say_why(int size)
    {
        var steps = BuildAgenda(size, new DateTime(2026, 3, 10, 16, 0, 0)).Groups[0].Steps;
        var first = steps[1];

        Assert.Equal("Introduce and clarify", first.Name);
        Assert.Equal(1, first.Minutes);
        Assert.Contains("introduces the problem at the start", first.Note, StringComparison.Ordinal);
        Assert.DoesNotContain(steps, s => s.Name == "Introduce the problem");
        Assert.Equal("Observations", steps.Last(s => s.Phase == AgendaPhase.Turn).Name);
    }

    [Fact]
    public void Default_templates_match_the_seed()
    {
        Assert.Equal(
            [("Introduce the problem", 2), ("Clarify", 2), ("Look deeper", 4), ("Action step", 2), ("Response", 2), ("Our reflections", 1)],
            ProtocolTemplate.Defaults[4].TurnSteps.Select(s => (s.Name, s.Minutes)));
        Assert.Equal(
            [("Introduce and clarify", 1), ("Look deeper", 4), ("Action step", 2), ("Response", 2), ("Observations", 1)],
            ProtocolTemplate.Defaults[5].TurnSteps.Select(s => (s.Name, s.Minutes)));
        Assert.Equal(
            [("Introduce and clarify", 1), ("Look deeper", 3), ("Action step", 2), ("Response", 1), ("Observations", 1)],
            ProtocolTemplate.Defaults[6].TurnSteps.Select(s => (s.Name, s.Minutes)));
        Assert.Equal([13, 10, 8], ProtocolTemplate.SupportedGroupSizes.Select(s => ProtocolTemplate.Defaults[s].TurnMinutes));

        foreach (var template in ProtocolTemplate.Defaults.Values)
        {
            Assert.Equal(("Reconnect", 5, ProtocolSpeakers.All), (template.Reconnect.Name, template.Reconnect.Minutes, template.Reconnect.Speakers));
            Assert.Contains(template.Reconnect.Prompts, p => p.Contains("one success from the last week", StringComparison.Ordinal));
            Assert.Contains(template.Reconnect.Prompts, p => p.Contains("assign a chair", StringComparison.Ordinal));
            Assert.Equal(("Review", 5, ProtocolSpeakers.All), (template.Review.Name, template.Review.Minutes, template.Review.Speakers));
            Assert.Contains(template.Review.Prompts, p => p.Contains("requests for help", StringComparison.Ordinal));
            Assert.Contains(template.Review.Prompts, p => p.Contains("chair for the next meeting", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Edited_templates_built_from_data_drive_the_timings()
    {
        var four = ProtocolTemplate.Defaults[4];
        var edited = new ProtocolTemplate(4,
            four.TurnSteps.Select(s => s.Name == "Look deeper"
                ? new ProtocolStepDefinition(s.Name, 3, s.Speakers, s.OwnerSilent, s.Prompts, s.Note)
                : s),
            four.Reconnect,
            four.Review);
        var askedFor = new List<int>();

        var result = AgendaBuilder.Build(7, new DateTime(2026, 3, 10, 16, 0, 0), London, size =>
        {
            askedFor.Add(size);
            return size == 4 ? edited : ProtocolTemplate.DefaultFor(size);
        });

        Assert.True(result.Succeeded);
        Assert.Equal(12, edited.TurnMinutes);
        Assert.Equal([4, 4], askedFor);
        Assert.Equal([58, 46], result.Value!.Groups.Select(g => g.TotalMinutes));
        Assert.Equal(58, result.Value.TotalMinutes);
        Assert.Equal(0, result.Value.OverrunMinutes);
    }

    [Fact]
    public void Templates_reject_bad_data()
    {
        var four = ProtocolTemplate.Defaults[4];

        Assert.Throws<ArgumentOutOfRangeException>(() => new ProtocolTemplate(7, four.TurnSteps, four.Reconnect, four.Review));
        Assert.Throws<ArgumentException>(() => new ProtocolTemplate(4, [], four.Reconnect, four.Review));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProtocolStepDefinition("Clarify", -1, ProtocolSpeakers.Peers, false, []));
        Assert.Throws<ArgumentException>(() => new ProtocolStepDefinition(" ", 1, ProtocolSpeakers.Peers, false, []));
    }

    [Fact]
    public void Breakout_sizes_for_7_to_20_are_the_fewest_groups_of_at_most_six_as_even_as_possible()
    {
        var expected = new Dictionary<int, int[]>
        {
            [7] = [4, 3],
            [8] = [4, 4],
            [9] = [5, 4],
            [10] = [5, 5],
            [11] = [6, 5],
            [12] = [6, 6],
            [13] = [5, 4, 4],
            [14] = [5, 5, 4],
            [15] = [5, 5, 5],
            [16] = [6, 5, 5],
            [17] = [6, 6, 5],
            [18] = [6, 6, 6],
            [19] = [5, 5, 5, 4],
            [20] = [5, 5, 5, 5],
        };

        for (var n = 7; n <= 20; n++)
        {
            var sizes = AgendaBuilder.BreakoutGroupSizes(n);

            Assert.Equal(expected[n], sizes);
            Assert.Equal(n, sizes.Sum());
            Assert.Equal((n + 5) / 6, sizes.Count);
            Assert.True(sizes.Max() - sizes.Min() <= 1);
            Assert.All(sizes, s => Assert.InRange(s, n == 7 ? 3 : 4, 6));
        }
    }

    [Fact]
    public void Breakout_agenda_takes_totals_from_the_longest_group()
    {
        var agenda = BuildAgenda(13, new DateTime(2026, 3, 10, 16, 0, 0));

        Assert.Equal([1, 2, 3], agenda.Groups.Select(g => g.Number));
        Assert.Equal([60, 62, 62], agenda.Groups.Select(g => g.TotalMinutes));
        Assert.Equal(62, agenda.TotalMinutes);
        Assert.Equal(2, agenda.OverrunMinutes);
        Assert.Equal("17:02", Clock(agenda.PlannedEnd));
        Assert.Contains(agenda.Notes, n => n.Contains("breakout", StringComparison.Ordinal));
    }

    [Fact]
    public void Seven_present_gives_a_group_of_three_on_four_person_timings()
    {
        var agenda = BuildAgenda(7, new DateTime(2026, 3, 10, 16, 0, 0));

        Assert.Equal([(4, 4, 62), (3, 4, 49)], agenda.Groups.Select(g => (g.Size, g.TemplateSize, g.TotalMinutes)));
        Assert.Equal(62, agenda.TotalMinutes);
        Assert.Equal(2, agenda.OverrunMinutes);
    }

    [Fact]
    public void Clocks_going_back_at_the_end_of_summer_time_give_true_local_times()
    {
        // 25 October 2026: at 02:00 BST the clocks go back to 01:00 GMT, so 01:30 happens twice;
        // the session starts at the first one.
        var agenda = BuildAgenda(4, new DateTime(2026, 10, 25, 1, 30, 0));
        var steps = agenda.Groups[0].Steps;

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.FromHours(1)), agenda.Start);
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0), agenda.Start.UtcDateTime);

        var response = steps.Single(s => s.Turn == 2 && s.Name == "Response");
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 1, 58, 0, TimeSpan.FromHours(1)), response.Start);
        Assert.Equal(new DateTime(2026, 10, 25, 1, 0, 0), response.End.DateTime);
        Assert.Equal(TimeSpan.Zero, response.End.Offset);

        var reflections = steps.Single(s => s.Turn == 2 && s.Name == "Our reflections");
        Assert.Equal(("01:00", "01:01"), (Clock(reflections.Start), Clock(reflections.End)));

        var review = steps[^1];
        Assert.Equal(("01:27", "01:32"), (Clock(review.Start), Clock(review.End)));
        Assert.Equal(new DateTime(2026, 10, 25, 1, 32, 0), agenda.PlannedEnd.DateTime);
        Assert.Equal(TimeSpan.Zero, agenda.PlannedEnd.Offset);
        Assert.All(steps, s => Assert.Equal(TimeSpan.FromMinutes(s.Minutes), s.End - s.Start));
    }

    [Fact]
    public void Start_in_the_spring_forward_gap_moves_to_after_the_gap()
    {
        // 29 March 2026: 01:00 GMT jumps to 02:00 BST, so 01:30 never happens.
        var agenda = BuildAgenda(4, new DateTime(2026, 3, 29, 1, 30, 0));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 2, 30, 0, TimeSpan.FromHours(1)), agenda.Start);
        Assert.Equal(new DateTime(2026, 3, 29, 3, 32, 0), agenda.PlannedEnd.DateTime);
        Assert.Contains(agenda.Notes, n => n.Contains("does not exist", StringComparison.Ordinal) && n.Contains("02:30", StringComparison.Ordinal));
    }

    [Fact]
    public void Session_running_into_the_spring_forward_jump_skips_the_missing_hour()
    {
        var agenda = BuildAgenda(4, new DateTime(2026, 3, 29, 0, 30, 0));
        var steps = agenda.Groups[0].Steps;

        var response = steps.Single(s => s.Turn == 2 && s.Name == "Response");
        Assert.Equal(("00:58", "02:00"), (Clock(response.Start), Clock(response.End)));
        Assert.Equal(new DateTime(2026, 3, 29, 2, 32, 0), agenda.PlannedEnd.DateTime);
        Assert.Equal(62, (int)(agenda.PlannedEnd - agenda.Start).TotalMinutes);
        Assert.DoesNotContain(agenda.Notes, n => n.Contains("does not exist", StringComparison.Ordinal));
    }
}
