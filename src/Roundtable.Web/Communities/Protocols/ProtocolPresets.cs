namespace Roundtable.Web.Communities;

// The library's built-in protocols, written to the database (idempotently) as version 1 of each.
// The seed's protocol is the code's ProtocolTemplate exactly; the others are written from how
// these protocols are usually run, fitted to the turn-per-person shape of a community session.
public sealed record ProtocolPreset(string Key, string Name, string Description, int SessionMinutes, ProtocolDesign Design);

public static class ProtocolPresets
{
    public const string SeedKey = "seed";
    public const string TroikaKey = "troika";
    public const string ConsultancyKey = "consultancy";
    public const string ActionLearningKey = "action-learning";
    public const string StableGroupKey = "stable-75";

    private const string Owner = ProtocolSpeakers.ProblemOwner;
    private const string Peers = ProtocolSpeakers.Peers;
    private const string Everyone = ProtocolSpeakers.All;

    public static ProtocolPreset Seed { get; } = new(SeedKey, "Problem-solving protocol",
        "The programme's own protocol from the guidance, for groups of 4 to 6 (three run on the four-person timings). Use it unless the group has a reason to try another.",
        AgendaBuilder.SessionMinutes,
        new ProtocolDesign([ProtocolTemplate.FourPerson, ProtocolTemplate.FivePerson, ProtocolTemplate.SixPerson], SmallerGroupsUseSmallest: true));

    public static ProtocolPreset Troika { get; } = new(TroikaKey, "Troika consulting",
        "Three colleagues take turns as the client while the other two consult. Use it when only three can meet, or to give everyone quick, practical ideas.",
        AgendaBuilder.SessionMinutes,
        new ProtocolDesign(
        [
            new ProtocolTemplate(3,
            [
                new("Client presents the challenge", 3, Owner, false, ["What is the challenge, and what help would be useful?"]),
                new("Clarifying questions", 3, Peers, false, ["Questions of fact only: who, what, when, how often?"]),
                new("Consultants discuss", 6, Peers, true,
                    ["What ideas, suggestions and advice do we have?", "What might the client not be seeing?"],
                    "The client turns their back (or their camera off) and listens without speaking."),
                new("Client responds", 3, Owner, false, ["What was most useful?", "What will you try first?"]),
            ], Step("Check in", 5, Everyone, ["One success since we last met."]), Step("Review", 5, Everyone, ["What did we learn as consultants?", "Appoint a chair for the next meeting."])),
        ], SmallerGroupsUseSmallest: false));

    public static ProtocolPreset Consultancy { get; } = new(ConsultancyKey, "Consultancy protocol",
        "Each presenter frames a dilemma with a focusing question; the group probes, then discusses it while the presenter listens. Use it for a dilemma with no obvious answer.",
        AgendaBuilder.SessionMinutes,
        new ProtocolDesign(
        [
            Consultancy4To6(4, framing: 2, clarify: 2, probe: 2, discuss: 4, reflect: 2),
            Consultancy4To6(5, framing: 2, clarify: 1, probe: 2, discuss: 3, reflect: 2),
            Consultancy4To6(6, framing: 1, clarify: 1, probe: 2, discuss: 3, reflect: 1),
        ], SmallerGroupsUseSmallest: false));

    public static ProtocolPreset ActionLearning { get; } = new(ActionLearningKey, "Action learning set",
        "Open questions only, no advice: each presenter leaves with an action of their own. Use it when leaders need to think a problem through rather than be told what to do.",
        AgendaBuilder.SessionMinutes,
        new ProtocolDesign(
        [
            ActionLearning4To6(4, present: 2, question: 5, commit: 2, review: 5),
            ActionLearning4To6(5, present: 2, question: 4, commit: 2, review: 5),
            ActionLearning4To6(6, present: 1, question: 4, commit: 2, review: 4),
        ], SmallerGroupsUseSmallest: false));

    public static ProtocolPreset StableGroup { get; } = new(StableGroupKey, "75-minute format for stable groups",
        "A longer session for a group of three or four who meet every time: each turn starts by reporting on last time's action. Use it once a small group knows each other well.",
        75,
        new ProtocolDesign(
        [
            StableTurns(3, update: 2, present: 3, clarify: 3, deeper: 5, action: 2, response: 3),
            StableTurns(4, update: 2, present: 2, clarify: 2, deeper: 4, action: 2, response: 2),
        ], SmallerGroupsUseSmallest: false));

    public static IReadOnlyList<ProtocolPreset> All { get; } = [Seed, Troika, Consultancy, ActionLearning, StableGroup];

    private static ProtocolStepDefinition Step(string name, int minutes, string speakers, IEnumerable<string> prompts, string? note = null) =>
        new(name, minutes, speakers, false, prompts, note);

    private static ProtocolTemplate Consultancy4To6(int size, int framing, int clarify, int probe, int discuss, int reflect) => new(size,
    [
        new("Presenter frames the dilemma", framing, Owner, false, ["What is the dilemma?", "What is your focusing question for the group?"]),
        new("Clarifying questions", clarify, Peers, false, ["Brief questions of fact the presenter can answer quickly."]),
        new("Probing questions", probe, Peers, false, ["Questions that help the presenter think more deeply: What would have to change for…?"]),
        new("Discussion", discuss, Peers, true, ["What did we hear?", "What assumptions might be at work?", "What might the presenter try?"], ProtocolPrompts.OwnerListensNote),
        new("Presenter reflects", reflect, Owner, false, ["What struck you?", "What will you do next?"]),
    ], Step("Reconnect", 5, Everyone, ProtocolPrompts.Reconnect), Step("Review", 5, Everyone, ProtocolPrompts.Review));

    private static ProtocolTemplate ActionLearning4To6(int size, int present, int question, int commit, int review) => new(size,
    [
        new("Presenter sets out the issue", present, Owner, false, ["What is the issue, and why does it matter to you now?"]),
        new("Open questions", question, Peers, false,
            ["Only open questions, no advice: What have you tried?", "What would success look like?", "What is stopping you?"],
            "The presenter answers; the set asks questions and does not give advice."),
        new("Presenter commits to an action", commit, Owner, false, ["What will you do before we next meet?"]),
        new("Process check", 1, Everyone, false, ["Were our questions open and helpful?"]),
    ], Step("Check in on last actions", 8, Everyone, ["What did you do since last time, and what happened?"]), Step("Process review", review, Everyone, ["How well did we work as a set?", "Appoint a chair for the next meeting."]));

    private static ProtocolTemplate StableTurns(int size, int update, int present, int clarify, int deeper, int action, int response) => new(size,
    [
        new("Update on last action", update, Owner, false, ["What did you try since last time, and what happened?"]),
        new("Introduce the problem", present, Owner, false, ProtocolPrompts.Introduce),
        new("Clarify", clarify, Peers, false, ProtocolPrompts.Clarify),
        new("Look deeper", deeper, Peers, true, ProtocolPrompts.LookDeeper, ProtocolPrompts.OwnerListensNote),
        new("Action step", action, Peers, true, ProtocolPrompts.ActionStep, ProtocolPrompts.OwnerListensNote),
        new("Response", response, Owner, false, ProtocolPrompts.Response),
    ], Step("Reconnect", 10, Everyone, ProtocolPrompts.Reconnect), Step("Review", 8, Everyone, ProtocolPrompts.Reflections.Concat(ProtocolPrompts.Review)));
}
