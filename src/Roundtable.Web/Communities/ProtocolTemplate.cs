namespace Roundtable.Web.Communities;

public static class ProtocolSpeakers
{
    public const string ProblemOwner = "Problem owner";
    public const string Peers = "Peers";
    public const string All = "All";

    public static readonly IReadOnlyList<string> Choices = [ProblemOwner, Peers, All];

    public static bool IsChoice(string? value) => value is ProblemOwner or Peers or All;

    // Who listens when a step (or a version stored before listeners were) does not say: the other side
    // of whoever speaks, and everyone when everyone speaks.
    public static string ListenersFor(string speakers) => speakers switch
    {
        ProblemOwner => Peers,
        Peers => ProblemOwner,
        _ => All,
    };
}

public sealed record ProtocolStepDefinition
{
    public ProtocolStepDefinition(
        string name,
        int minutes,
        string speakers,
        bool ownerSilent,
        IEnumerable<string> prompts,
        string? note = null,
        string? listeners = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(speakers);
        ArgumentNullException.ThrowIfNull(prompts);
        // Zero is allowed so the programme team can drop a step without deleting its definition.
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minutes, ProtocolTemplate.MaxStepMinutes);

        Name = name;
        Minutes = minutes;
        Speakers = speakers;
        OwnerSilent = ownerSilent;
        Prompts = prompts.ToArray();
        Note = note;
        Listeners = string.IsNullOrWhiteSpace(listeners) ? ProtocolSpeakers.ListenersFor(speakers) : listeners;
    }

    public string Name { get; }
    public int Minutes { get; }
    public string Speakers { get; }
    public bool OwnerSilent { get; }
    public IReadOnlyList<string> Prompts { get; }
    public string? Note { get; }
    public string Listeners { get; }
}

public sealed record ProtocolTemplate
{
    public const int MaxStepMinutes = 120;
    public const int MinGroupSize = 3;

    public static readonly IReadOnlyList<int> SupportedGroupSizes = [4, 5, 6];

    public ProtocolTemplate(
        int groupSize,
        IEnumerable<ProtocolStepDefinition> turnSteps,
        ProtocolStepDefinition reconnect,
        ProtocolStepDefinition review)
    {
        ArgumentNullException.ThrowIfNull(turnSteps);
        ArgumentNullException.ThrowIfNull(reconnect);
        ArgumentNullException.ThrowIfNull(review);
        // The seed's protocol has templates for 4, 5 and 6; the library's others start at three (Troika).
        if (groupSize < MinGroupSize || groupSize > AgendaBuilder.MaxGroupSize)
        {
            throw new ArgumentOutOfRangeException(nameof(groupSize), groupSize, "Protocol templates exist for groups of 3 to 6.");
        }

        var steps = turnSteps.ToArray();
        if (steps.Length == 0)
        {
            throw new ArgumentException("A turn needs at least one step.", nameof(turnSteps));
        }

        GroupSize = groupSize;
        TurnSteps = steps;
        Reconnect = reconnect;
        Review = review;
    }

    public int GroupSize { get; }
    public IReadOnlyList<ProtocolStepDefinition> TurnSteps { get; }
    public ProtocolStepDefinition Reconnect { get; }
    public ProtocolStepDefinition Review { get; }

    public int TurnMinutes => TurnSteps.Sum(s => s.Minutes);

    public int MinutesFor(int turns) => Reconnect.Minutes + (turns * TurnMinutes) + Review.Minutes;

    public static ProtocolTemplate FourPerson { get; } = new(4,
    [
        new("Introduce the problem", 2, ProtocolSpeakers.ProblemOwner, false, ProtocolPrompts.Introduce),
        new("Clarify", 2, ProtocolSpeakers.Peers, false, ProtocolPrompts.Clarify),
        new("Look deeper", 4, ProtocolSpeakers.Peers, true, ProtocolPrompts.LookDeeper, ProtocolPrompts.OwnerListensNote),
        new("Action step", 2, ProtocolSpeakers.Peers, true, ProtocolPrompts.ActionStep, ProtocolPrompts.OwnerListensNote),
        new("Response", 2, ProtocolSpeakers.ProblemOwner, false, ProtocolPrompts.Response),
        new("Our reflections", 1, ProtocolSpeakers.All, false, ProtocolPrompts.Reflections),
    ], ProtocolPrompts.DefaultReconnect, ProtocolPrompts.DefaultReview);

    public static ProtocolTemplate FivePerson { get; } = new(5,
    [
        IntroduceAndClarify(1),
        new("Look deeper", 4, ProtocolSpeakers.Peers, true, ProtocolPrompts.LookDeeper, ProtocolPrompts.OwnerListensNote),
        new("Action step", 2, ProtocolSpeakers.Peers, true, ProtocolPrompts.ActionStep, ProtocolPrompts.OwnerListensNote),
        new("Response", 2, ProtocolSpeakers.ProblemOwner, false, ProtocolPrompts.Response),
        new("Observations", 1, ProtocolSpeakers.All, false, ProtocolPrompts.Reflections),
    ], ProtocolPrompts.DefaultReconnect, ProtocolPrompts.DefaultReview);

    public static ProtocolTemplate SixPerson { get; } = new(6,
    [
        IntroduceAndClarify(1),
        new("Look deeper", 3, ProtocolSpeakers.Peers, true, ProtocolPrompts.LookDeeper, ProtocolPrompts.OwnerListensNote),
        new("Action step", 2, ProtocolSpeakers.Peers, true, ProtocolPrompts.ActionStep, ProtocolPrompts.OwnerListensNote),
        new("Response", 1, ProtocolSpeakers.ProblemOwner, false, ProtocolPrompts.Response),
        new("Observations", 1, ProtocolSpeakers.All, false, ProtocolPrompts.Reflections),
    ], ProtocolPrompts.DefaultReconnect, ProtocolPrompts.DefaultReview);

    // The seed's values, for the app to store as the editable starting point.
    public static IReadOnlyDictionary<int, ProtocolTemplate> Defaults { get; } = new Dictionary<int, ProtocolTemplate>
    {
        [4] = FourPerson,
        [5] = FivePerson,
        [6] = SixPerson,
    };

    public static ProtocolTemplate DefaultFor(int groupSize) =>
        Defaults.TryGetValue(groupSize, out var template)
            ? template
            : throw new ArgumentOutOfRangeException(nameof(groupSize), groupSize, "Protocol templates exist for groups of 4, 5 and 6.");

    // The seed gives five- and six-person turns no introduction time, so the owner introduces
    // the problem at the start of Clarify and the step is labelled to say so.
    private static ProtocolStepDefinition IntroduceAndClarify(int minutes) =>
        new("Introduce and clarify", minutes, ProtocolSpeakers.Peers, false,
            [.. ProtocolPrompts.Introduce, .. ProtocolPrompts.Clarify],
            "The problem owner briefly introduces the problem at the start of this step; peers then ask clarifying questions.");
}

public static class ProtocolPrompts
{
    public const string OwnerListensNote = "The problem owner listens but does not speak.";

    public static readonly IReadOnlyList<string> Reconnect =
    [
        "All leaders share one success from the last week.",
        "At your first community, assign a chair: we suggest the colleague with the birthday earliest in the year goes first, and all colleagues take a turn as chair throughout the programme.",
    ];

    public static readonly IReadOnlyList<string> Introduce =
    [
        "Briefly describe the persistent problem you are focusing on and how it manifests in your context.",
    ];

    public static readonly IReadOnlyList<string> Clarify =
    [
        "Questions about the problem, e.g. Has this happened before?",
        "What happened last time?",
    ];

    public static readonly IReadOnlyList<string> LookDeeper =
    [
        "Questions and discussion about the problem, e.g. What does this show about teachers' beliefs?",
        "What possible responses are there?",
    ];

    public static readonly IReadOnlyList<string> ActionStep =
    [
        "What can be done next?",
        "If this were my school, I would…",
    ];

    public static readonly IReadOnlyList<string> Response =
    [
        "What will you do in response?",
        "That's interesting – it made me think about…",
        "I think my next action will be…",
    ];

    public static readonly IReadOnlyList<string> Reflections =
    [
        "What did we learn from that round?",
        "A common strand to today's problems has been…",
        "It's interesting that we all struggled to offer suggestions for the problem.",
    ];

    public static readonly IReadOnlyList<string> Review =
    [
        "Any other questions, feedback or requests for help?",
        "Appoint a chair for the next meeting.",
    ];

    public static ProtocolStepDefinition DefaultReconnect { get; } =
        new("Reconnect", 5, ProtocolSpeakers.All, false, Reconnect);

    public static ProtocolStepDefinition DefaultReview { get; } =
        new("Review", 5, ProtocolSpeakers.All, false, Review);
}
