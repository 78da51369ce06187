namespace Roundtable.Web.Communities;

// No is zero so an answer that was never set can never make a problem suitable.
public enum SuitabilityAnswer
{
    No = 0,
    Unsure = 1,
    Yes = 2,
}

public sealed record SuitabilityAnswers(SuitabilityAnswer Specific, SuitabilityAnswer Solvable, SuitabilityAnswer Controllable);

public sealed record SuitabilityTest(string Key, string Label, string Definition, string AdviceWhenNotMet);

public sealed record SuitabilityFailure(string Test, SuitabilityAnswer Answer, string Message);

public sealed record SuitabilityResult(bool Suitable, IReadOnlyList<SuitabilityFailure> Failures)
{
    public IReadOnlyList<string> FailedTests => Failures.Select(f => f.Test).ToArray();
}

public sealed record ExampleProblem(int Number, string Problem, SuitabilityAnswers Ratings, bool Suitable);

public sealed record ProblemPreparationQuestion(string Key, string Title, string Question, string Example);

public static class ProblemSuitability
{
    public const string Specific = "specific";
    public const string Solvable = "solvable";
    public const string Controllable = "controllable";

    public const string SpecificDefinition =
        "The problem should relate to the NPQ and will therefore be easily understandable to all in the group.";
    public const string SolvableDefinition =
        "Solvable problems are those where our efforts can result in progress.";
    public const string ControllableDefinition =
        "They are things that you, in your specific role, have a high degree of control over.";

    public const string SpecificAdvice =
        "Narrow the problem down to one specific issue, linked to an area of the NPQ framework, that everyone in the group can easily understand.";
    public const string SolvableAdvice =
        "Choose a problem where your efforts can result in progress, rather than one that nobody could make headway on.";
    public const string ControllableAdvice =
        "Choose a part of the problem that you, in your role, have a high degree of control over.";

    public static IReadOnlyList<SuitabilityTest> Tests { get; } =
    [
        new(Specific, "Specific", SpecificDefinition, SpecificAdvice),
        new(Solvable, "Solvable", SolvableDefinition, SolvableAdvice),
        new(Controllable, "Controllable", ControllableDefinition, ControllableAdvice),
    ];

    public static SuitabilityResult Check(SuitabilityAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var failures = new List<SuitabilityFailure>();
        AddIfNotYes(failures, Specific, answers.Specific, SpecificAdvice);
        AddIfNotYes(failures, Solvable, answers.Solvable, SolvableAdvice);
        AddIfNotYes(failures, Controllable, answers.Controllable, ControllableAdvice);
        return new SuitabilityResult(failures.Count == 0, failures);
    }

    // The seed's table as extracted shows only the marks present, left to right in the
    // Specific, Solvable, Controllable columns: a blank cell is read as No, "?" as Unsure and
    // a tick as Yes. Row 1 has a single "?" that sits in the middle (Solvable) column; rows 2
    // and 3 have their marks in the two right-hand columns, so Specific is the blank one. That
    // reading also fits the problems: funding is neither about the NPQ nor in a leader's
    // control, and only row 4 is fully ticked and marked "Yes".
    public static IReadOnlyList<ExampleProblem> WorkedExamples { get; } =
    [
        new(1, "Education doesn't get enough funding",
            new(SuitabilityAnswer.No, SuitabilityAnswer.Unsure, SuitabilityAnswer.No), false),
        new(2, "My team aren't in the best roles for them",
            new(SuitabilityAnswer.No, SuitabilityAnswer.Unsure, SuitabilityAnswer.Yes), false),
        new(3, "I'm struggling to build consistency around assessment practices",
            new(SuitabilityAnswer.No, SuitabilityAnswer.Yes, SuitabilityAnswer.Yes), false),
        new(4, "My pupils keep forgetting what I teach them",
            new(SuitabilityAnswer.Yes, SuitabilityAnswer.Yes, SuitabilityAnswer.Yes), true),
    ];

    public static IReadOnlyList<string> NpqhFrameworkAreas { get; } =
    [
        "School culture",
        "Teaching",
        "Curriculum and assessment",
        "Behaviour",
        "Additional and special educational needs and disabilities",
        "Professional development",
        "Organisational management",
        "Implementation",
        "Working in partnership",
        "Governance and accountability",
    ];

    public static IReadOnlyList<ProblemPreparationQuestion> PreparationQuestions { get; } =
    [
        new("problem", "The Problem", "What problem do you wish to discuss?",
            "My pupils keep forgetting what they are taught, especially in Maths."),
        new("evidence", "The Evidence", "What evidence do you have that this problem is a problem?",
            "Pupils answer questions correctly in lessons and complete work but then can't remember the content in subsequent lessons. This has been observed during learning walks and it is reflected in the end of unit results."),
        new("context", "The Context", "What contextual factors matter?",
            "With the pandemic and school closures over the previous academic year teachers are trying to plug the gaps and teach pupils all the content that they missed. We also have a number of new teachers this year including a new head of Maths and three early career teachers."),
        new("why", "The Why", "Why is this problem important?",
            "We need pupils to learn what we are teaching them so that we can build knowledge over time and ensure all pupils have access to a broad, rich and balanced curriculum."),
    ];

    private static void AddIfNotYes(List<SuitabilityFailure> failures, string test, SuitabilityAnswer answer, string advice)
    {
        if (answer != SuitabilityAnswer.Yes)
        {
            failures.Add(new SuitabilityFailure(test, answer, advice));
        }
    }
}
