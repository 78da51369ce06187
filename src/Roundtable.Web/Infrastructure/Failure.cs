using System.Diagnostics.CodeAnalysis;

namespace Roundtable.Web.Infrastructure;

// What an expected failure is about. The HTTP status for each is decided in one place
// (Api/Problems.cs); pages put the messages beside their fields (FormFailures.cs).
public enum FailureKind
{
    // The request itself is wrong: a field is missing, malformed or too long (400).
    Invalid,
    // The person may not do this at all (403).
    Forbidden,
    // No such record, or none that this person may see (404).
    NotFound,
    // Someone got there first, or the record has moved on (409).
    Conflict,
    // Well formed, but against a rule: allowance used, window closed, too early (422).
    Refused,
    // Too many requests or too much data for one person (429).
    TooMany,
    // A file or body of a type this endpoint does not read (415).
    UnsupportedType,
    // A service we depend on (DfE) did not answer or failed; trying again later may work (502).
    Unavailable,
}

// One error tied to an input field. Field is the name of the input record's property
// (nameof(BookingInput.Focus)); the API writes it in camelCase, pages prefix it with "Input.".
public sealed record FieldError(string Field, string Message)
{
    // Not about one field but about the input as a whole ("these term dates overlap"): pages list it at the
    // top of the error summary. Several of them can go with field errors in one failure.
    public const string General = "";
}

// An expected failure, as a value: services return it, the two adapters present it.
// Exceptions are for bugs.
public sealed record Failure(FailureKind Kind, string Message)
{
    public IReadOnlyList<FieldError> Errors { get; init; } = [];

    // A short title for the API's problem details; a default per kind when null.
    public string? Title { get; init; }

    // Extra members for the API's problem details (e.g. which tutorials were refused).
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();

    public string? Field => Errors.Count > 0 ? Errors[0].Field : null;

    public static Failure Invalid(string field, string message) => new(FailureKind.Invalid, message) { Errors = [new(field, message)] };

    public static Failure Invalid(IReadOnlyList<FieldError> errors) =>
        new(FailureKind.Invalid, errors.Count == 1 ? errors[0].Message : "Some of the details are missing or wrong.") { Errors = errors };

    public static Failure Forbidden(string message) => new(FailureKind.Forbidden, message);

    public static Failure NotFound(string message) => new(FailureKind.NotFound, message);

    public static Failure Conflict(string message, string? field = null) => WithField(FailureKind.Conflict, message, field);

    public static Failure Refused(string message, string? field = null) => WithField(FailureKind.Refused, message, field);

    public static Failure TooMany(string message) => new(FailureKind.TooMany, message);

    private static Failure WithField(FailureKind kind, string message, string? field) =>
        new(kind, message) { Errors = field is null ? [] : [new(field, message)] };
}

// Collects field errors while checking an input; empty means valid.
public sealed class FieldErrors
{
    private readonly List<FieldError> errors = [];

    public bool Any => errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        errors.Add(new FieldError(field, message));
        return this;
    }

    public bool Has(string field) => errors.Exists(e => e.Field == field);

    public Failure? ToFailure() => errors.Count == 0 ? null : Failure.Invalid(errors.ToList());
}

// The value of an action that worked, or the failure that stopped it. A method returning
// Result<T> can return either a T or a Failure: both convert implicitly.
[SuppressMessage("Design", "CA1000", Justification = "Result<Booking>.Fail(...) reads best as a static on the generic type.")]
public sealed class Result<T>
{
    private Result(T? value, Failure? failure, IReadOnlyList<string>? warnings)
    {
        Value = value;
        Failure = failure;
        Warnings = warnings ?? [];
    }

    public T? Value { get; }

    public Failure? Failure { get; }

    // Things the person should know although the action worked ("outside the recommended window").
    public IReadOnlyList<string> Warnings { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static Result<T> Ok(T value, IReadOnlyList<string>? warnings = null) => new(value, null, warnings);

    public static Result<T> Fail(Failure failure) => new(default, failure, null);

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(Failure failure) => Fail(failure);
}
