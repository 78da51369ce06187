using System.Diagnostics.CodeAnalysis;

namespace Roundtable.Web.Dfe;

public enum DfeOutcome
{
    // DfE did it (2xx).
    Succeeded,
    // DfE answered and said no (4xx): Error holds its reason in plain words (e.g. a duplicate declaration).
    // Sending the same again will not help.
    Refused,
    // No answer we can trust: network failure, time-out, 5xx after the retries, or the link is not set up.
    // For a declaration, whether DfE recorded it is unknown until it is read back.
    Failed,
}

// The answer to one call to DfE.
[SuppressMessage("Design", "CA1000", Justification = "DfeResult<T>.Refused(...) reads best as a static on the generic type.")]
public sealed record DfeResult<T>(DfeOutcome Outcome, T? Value, int? StatusCode, string? Error)
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Outcome == DfeOutcome.Succeeded;

    public static DfeResult<T> Ok(T value, int statusCode) => new(DfeOutcome.Succeeded, value, statusCode, null);

    public static DfeResult<T> Refused(int statusCode, string error) => new(DfeOutcome.Refused, default, statusCode, error);

    public static DfeResult<T> Failed(string error, int? statusCode = null) => new(DfeOutcome.Failed, default, statusCode, error);

    // The same failure carried into another result type (a page's failure stops a whole listing).
    public DfeResult<TOther> As<TOther>() => new(Outcome, default, StatusCode, Error);
}
