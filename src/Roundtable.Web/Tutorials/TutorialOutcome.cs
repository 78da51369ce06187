namespace Roundtable.Web.Tutorials;

public enum OutcomeKind
{
    Done,
    // The request itself is wrong (a field is missing or malformed): 400.
    Invalid,
    NotFound,
    // Someone got there first (the slot is taken, the state moved on): 409.
    Conflict,
    // Well-formed but against a rule (allowance used, overlapping slots, too early): 422.
    Refused,
}

// What a tutorial action came to. Expected failures are values, not exceptions; the API turns them
// into problem details and the pages into error messages beside the field concerned.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Factory methods read best as TutorialOutcome<Booking>.Fail(...).")]
public sealed record TutorialOutcome<T>(OutcomeKind Kind, T? Value, string? Error = null, string? Field = null)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool Succeeded => Kind == OutcomeKind.Done;

    public static TutorialOutcome<T> Ok(T value, IReadOnlyList<string>? warnings = null) => new(OutcomeKind.Done, value) { Warnings = warnings ?? [] };

    public static TutorialOutcome<T> Fail(OutcomeKind kind, string error, string? field = null) => new(kind, default, error, field);

    public int StatusCode => Kind.StatusCode();
}

public static class OutcomeKinds
{
    public static int StatusCode(this OutcomeKind kind) => kind switch
    {
        OutcomeKind.Done => StatusCodes.Status200OK,
        OutcomeKind.Invalid => StatusCodes.Status400BadRequest,
        OutcomeKind.NotFound => StatusCodes.Status404NotFound,
        OutcomeKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}
