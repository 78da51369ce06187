using Roundtable.Web.Communities;
using Roundtable.Web.Infrastructure;

namespace Roundtable.Tests.Domain.Communities;

public class ProtocolPresetTests
{
    private static readonly DateTime Start = new(2026, 11, 23, 16, 0, 0, DateTimeKind.Unspecified);

    private static ProtocolPlan PlanOf(ProtocolPreset preset) => new(1, 1, 1, preset.Name, preset.SessionMinutes, preset.Design);

    public static TheoryData<string, int> SuitedSizes()
    {
        var data = new TheoryData<string, int>();
        foreach (var preset in ProtocolPresets.All)
        {
            foreach (var size in preset.Design.Sizes)
            {
                data.Add(preset.Key, size);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SuitedSizes))]
    public void EveryPreset_BuildsOneGroupForEachSizeItSuits(string key, int size)
    {
        var preset = ProtocolPresets.All.Single(p => p.Key == key);
        var template = preset.Design.TemplateFor(size);

        var agenda = AgendaBuilder.Build(size, Start, LondonTime.Zone, PlanOf(preset));

        Assert.True(agenda.Succeeded, agenda.Succeeded ? null : agenda.Failure.Message);
        var group = Assert.Single(agenda.Value.Groups);
        Assert.Equal(size, group.Size);
        Assert.Equal(2 + (size * template.TurnSteps.Count), group.Steps.Count);
        Assert.Equal(template.MinutesFor(size), agenda.Value.TotalMinutes);
        Assert.Equal(Math.Max(0, template.MinutesFor(size) - preset.SessionMinutes), agenda.Value.OverrunMinutes);
        // Each preset is written to fit its session.
        Assert.True(agenda.Value.TotalMinutes <= preset.SessionMinutes + 2, $"{preset.Name} for {size}: {agenda.Value.TotalMinutes} minutes");
        Assert.Equal(Enumerable.Range(1, size), group.Steps.Where(s => s.Turn is not null).Select(s => s.Turn!.Value).Distinct());
    }

    [Theory]
    [InlineData(ProtocolPresets.SeedKey, 2)]
    [InlineData(ProtocolPresets.TroikaKey, 4)]
    [InlineData(ProtocolPresets.TroikaKey, 5)]
    [InlineData(ProtocolPresets.ConsultancyKey, 3)]
    [InlineData(ProtocolPresets.ConsultancyKey, 7)]
    [InlineData(ProtocolPresets.ActionLearningKey, 3)]
    [InlineData(ProtocolPresets.StableGroupKey, 5)]
    public void EveryPreset_RefusesANumberItDoesNotSuit(string key, int participants)
    {
        var agenda = AgendaBuilder.Build(participants, Start, LondonTime.Zone, PlanOf(ProtocolPresets.All.Single(p => p.Key == key)));

        Assert.False(agenda.Succeeded);
        Assert.Equal(FailureKind.Refused, agenda.Failure.Kind);
    }

    [Fact]
    public void Troika_SixPeople_RunAsTwoTroikas()
    {
        var agenda = AgendaBuilder.Build(6, Start, LondonTime.Zone, PlanOf(ProtocolPresets.Troika));

        Assert.Equal([3, 3], agenda.Value!.Groups.Select(g => g.Size));
    }

    [Fact]
    public void StableGroupFormat_IsSeventyFiveMinutes()
    {
        var agenda = AgendaBuilder.Build(4, Start, LondonTime.Zone, PlanOf(ProtocolPresets.StableGroup));

        Assert.Equal(0, agenda.Value!.OverrunMinutes);
        Assert.Equal(74, agenda.Value.TotalMinutes);
        Assert.DoesNotContain(agenda.Value.Notes, n => n.Contains("beyond", StringComparison.Ordinal));
    }

    [Fact]
    public void SeedPreset_GivesTheSameAgendaAsTheCodedProtocol_ForEveryNumber()
    {
        for (var n = AgendaBuilder.MinimumParticipants; n <= 20; n++)
        {
            var legacy = AgendaBuilder.Build(n, Start, LondonTime.Zone, ProtocolTemplate.DefaultFor).Value!;
            var library = AgendaBuilder.Build(n, Start, LondonTime.Zone, PlanOf(ProtocolPresets.Seed)).Value!;

            Assert.Equal(legacy.Notes, library.Notes);
            Assert.Equal(legacy.TotalMinutes, library.TotalMinutes);
            Assert.Equal(
                legacy.Groups.SelectMany(g => g.Steps).Select(s => (s.Name, s.Minutes, s.Start, s.Speakers, s.OwnerSilent, string.Join("|", s.Prompts), s.Note)),
                library.Groups.SelectMany(g => g.Steps).Select(s => (s.Name, s.Minutes, s.Start, s.Speakers, s.OwnerSilent, string.Join("|", s.Prompts), s.Note)));
        }
    }

    [Fact]
    public void Design_SurvivesItsJson()
    {
        foreach (var preset in ProtocolPresets.All)
        {
            var back = ProtocolDesign.FromJson(preset.Design.ToJson());

            Assert.Equal(preset.Design.SmallerGroupsUseSmallest, back.SmallerGroupsUseSmallest);
            Assert.Equal(preset.Design.ToJson(), back.ToJson());
            Assert.Equal(preset.Design.Sizes, back.Sizes);
        }
    }

    [Fact]
    public void Draft_ReportsEachProblemBesideItsField()
    {
        var draft = ProtocolDraft.From("Mine", "", 60, ProtocolTemplate.FourPerson);
        draft.Name = " ";
        draft.SessionMinutes = "5";
        draft.Steps[0].Minutes = "0";
        draft.Steps[1].Minutes = "121";
        draft.Steps[2].Speakers = "";
        draft.Steps[3].Listeners = "Nobody in particular";
        draft.Review.Name = new string('x', StepDraft.NameMaxLength + 1);

        var result = draft.Check(4);

        Assert.False(result.Succeeded);
        Assert.Equal(
            ["Name", "SessionMinutes", "Steps[0].Minutes", "Steps[1].Minutes", "Steps[2].Speakers", "Steps[3].Listeners", "Review.Name"],
            result.Failure.Errors.Select(e => e.Field));
        Assert.Contains("from 1 to 120", result.Failure.Errors[2].Message, StringComparison.Ordinal);
        Assert.Equal("Choose who listens in Action step", result.Failure.Errors[5].Message);
    }

    [Fact]
    public void Draft_WithoutTurnSteps_IsRefused_AndAValidDraftBuildsItsTemplate()
    {
        var empty = ProtocolDraft.From("Mine", "", 60, ProtocolTemplate.FourPerson);
        empty.Steps.Clear();
        Assert.Equal("Steps", Assert.Single(empty.Check(4).Failure!.Errors).Field);

        var draft = ProtocolDraft.From("Mine", "When to use it", 60, ProtocolTemplate.FourPerson);
        draft.Steps.Add(new StepDraft { Name = "Silent reflection", Minutes = "3", Speakers = ProtocolSpeakers.All, Listeners = ProtocolSpeakers.All, Prompts = "What stays with you?\n\n  Why?  " });

        var result = draft.Check(4);

        Assert.True(result.Succeeded);
        Assert.Equal(13 + 3, result.Value.Template.TurnMinutes);
        Assert.Equal(["What stays with you?", "Why?"], result.Value.Template.TurnSteps[^1].Prompts);
        Assert.Equal(5 + (4 * 16) + 5, draft.TotalFor(4));
    }

    [Fact]
    public void Listeners_DefaultToTheOtherSideOfTheSpeakers_AndAnExplicitChoiceSurvivesTheJson()
    {
        var four = ProtocolTemplate.FourPerson;
        Assert.Equal(ProtocolSpeakers.Peers, four.TurnSteps[0].Listeners); // Introduce: the owner speaks
        Assert.Equal(ProtocolSpeakers.ProblemOwner, four.TurnSteps[2].Listeners); // Look deeper: peers speak
        Assert.Equal(ProtocolSpeakers.All, four.TurnSteps[5].Listeners); // Our reflections: everyone

        var changed = new ProtocolTemplate(4, [new("Fishbowl", 5, ProtocolSpeakers.Peers, false, [], null, ProtocolSpeakers.All)], four.Reconnect, four.Review);
        var back = ProtocolDesign.FromJson(new ProtocolDesign([changed], false).ToJson());

        Assert.Equal(ProtocolSpeakers.All, back.TemplateFor(4).TurnSteps[0].Listeners);
        Assert.Equal(ProtocolSpeakers.Peers, ProtocolDraft.From("Mine", "", 60, ProtocolTemplate.FourPerson).Steps[0].Listeners);
    }

    [Fact]
    public void AVersionStoredBeforeListeners_StillLoads_WithListenersFromItsSpeakers()
    {
        // The JSON a version was stored as before steps had listeners.
        const string stored = """
            {"smallerGroupsUseSmallest":false,"templates":[{"size":3,
              "reconnect":{"name":"Check in","minutes":5,"speakers":"All","ownerSilent":false,"prompts":[],"note":null},
              "turn":[
                {"name":"Present","minutes":4,"speakers":"Problem owner","ownerSilent":false,"prompts":["What is it?"],"note":null},
                {"name":"Consult","minutes":10,"speakers":"Peers","ownerSilent":true,"prompts":[],"note":"The owner listens."}],
              "review":{"name":"Review","minutes":5,"speakers":"All","ownerSilent":false,"prompts":[],"note":null}}]}
            """;

        var design = ProtocolDesign.FromJson(stored);

        var template = design.TemplateFor(3);
        Assert.Equal([ProtocolSpeakers.Peers, ProtocolSpeakers.ProblemOwner], template.TurnSteps.Select(s => s.Listeners));
        Assert.Equal(ProtocolSpeakers.All, template.Reconnect.Listeners);
        var agenda = new ProtocolPlan(1, 1, 1, "Old", 60, design).GroupSizesFor(3);
        Assert.Equal([3], agenda);
        // Saving it again writes the listeners down.
        Assert.Contains("\"listeners\":\"Problem owner\"", design.ToJson(), StringComparison.Ordinal);
    }
}
