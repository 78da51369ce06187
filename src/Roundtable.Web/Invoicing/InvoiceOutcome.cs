using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Invoicing;

// What an invoicing action came to, as TutorialOutcome does for tutorials, plus the consultations
// refused (for the 422's list and the page's error).
public sealed record InvoiceOutcome(OutcomeKind Kind, Invoice? Value, string? Error = null, string? Field = null)
{
    public IReadOnlyList<BookingRefusal> Refusals { get; init; } = [];

    public bool Succeeded => Kind == OutcomeKind.Done;

    public static InvoiceOutcome Ok(Invoice value) => new(OutcomeKind.Done, value);

    public static InvoiceOutcome Fail(OutcomeKind kind, string error, string? field = null) => new(kind, null, error, field);

    public int StatusCode => Kind.StatusCode();
}
