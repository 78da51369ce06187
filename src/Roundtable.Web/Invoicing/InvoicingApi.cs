using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Invoicing;

// Money in and out is a JSON number in pounds with two decimal places (150.00); it is stored as
// integer pence. Dates are YYYY-MM-DD (UK dates).
public static class InvoicingApi
{
    public sealed record InvoiceableResponse(int BookingId, string Date, int Project, string DelegateInitials, decimal Fee);
    public sealed record SubmitRequest(IReadOnlyList<int>? BookingIds);
    public sealed record LineResponse(int BookingId, string Date, int Project, string DelegateInitials, decimal Fee);
    public sealed record CreatedResponse(int Id, string Number, IReadOnlyList<LineResponse> Lines, decimal Subtotal, decimal Vat, decimal Total, string Status);
    public sealed record InvoiceResponse(int Id, string Number, string Date, string Status, string Partner, string? VatNumber, IReadOnlyList<LineResponse> Lines,
        decimal Subtotal, decimal Vat, decimal Total, string? RejectReason, string? PaidOn, string? PaymentReference);
    public sealed record RejectRequest(string? Reason);
    public sealed record PaidRequest(string? PaidOn, string? Reference);

    public static RouteGroupBuilder MapInvoicingApi(this RouteGroupBuilder v1)
    {
        var invoices = v1.MapGroup("/invoices");
        invoices.MapGet("/invoiceable", GetInvoiceable).RequireAuthorization(Roles.Partner);
        invoices.MapPost("", PostInvoice).RequireAuthorization(Roles.Partner);
        invoices.MapGet("", GetInvoices);
        invoices.MapGet("/export.csv", Export).RequireAuthorization(Roles.ProgrammeTeam);
        invoices.MapGet("/{id:int}", GetInvoice);
        invoices.MapPost("/{id:int}/approve", Approve).RequireAuthorization(Roles.ProgrammeTeam);
        invoices.MapPost("/{id:int}/reject", Reject).RequireAuthorization(Roles.ProgrammeTeam);
        invoices.MapPost("/{id:int}/paid", Paid).RequireAuthorization(Roles.ProgrammeTeam);
        return v1;
    }

    private static async Task<Ok<List<InvoiceableResponse>>> GetInvoiceable(ClaimsPrincipal user, PartnerInvoices invoices, CancellationToken ct)
    {
        var rows = await invoices.InvoiceableAsync(user.UserId(), ct);
        return TypedResults.Ok(rows.Select(r => new InvoiceableResponse(r.BookingId, Iso(r.Date), r.Project, r.DelegateInitials, Money.Pounds(r.FeePence))).ToList());
    }

    private static async Task<Results<Created<CreatedResponse>, ValidationProblem, ProblemHttpResult>> PostInvoice(
        SubmitRequest? body, ClaimsPrincipal user, PartnerInvoices invoices, CancellationToken ct)
    {
        if (body?.BookingIds is not { Count: > 0 } ids)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["bookingIds"] = ["Give the consultations to invoice as bookingIds, a list of booking ids."] });
        }
        var outcome = await invoices.SubmitAsync(user.UserId(), ids.ToList(), ct);
        if (!outcome.Succeeded)
        {
            return Failure(outcome);
        }
        var i = outcome.Value!;
        return TypedResults.Created($"/api/v1/invoices/{i.Id}",
            new CreatedResponse(i.Id, i.Number, Lines(i), Money.Pounds(i.SubtotalPence), Money.Pounds(i.VatPence), Money.Pounds(i.TotalPence), i.Status.ToString()));
    }

    // A partner's own invoices, or every invoice for the programme team; ?status= filters.
    private static async Task<Results<Ok<List<InvoiceResponse>>, ProblemHttpResult>> GetInvoices(
        [FromQuery] string? status, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var team = user.IsInRole(Roles.ProgrammeTeam);
        if (!team && !user.IsInRole(Roles.Partner))
        {
            return Problem(StatusCodes.Status403Forbidden, "Invoices are for professional partners and the programme team.");
        }
        if (!TryStatus(status, out var filter))
        {
            return Problem(StatusCodes.Status400BadRequest, "Status must be one of Submitted, Approved, Rejected, Paid.");
        }
        var me = user.UserId();
        var query = db.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => team || i.Partner.UserId == me);
        if (filter is { } s)
        {
            query = query.Where(i => i.Status == s);
        }
        var rows = await query.OrderByDescending(i => i.Sequence).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(ToResponse).ToList());
    }

    private static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> GetInvoice(int id, ClaimsPrincipal user, PartnerInvoices invoices, CancellationToken ct)
    {
        var invoice = user.IsInRole(Roles.ProgrammeTeam) ? await invoices.LoadAsync(id, ct)
            : user.IsInRole(Roles.Partner) ? await invoices.LoadForPartnerAsync(id, user.UserId(), ct)
            : null;
        return invoice is null ? Problem(StatusCodes.Status404NotFound, "There is no invoice of yours with that id.") : TypedResults.Ok(ToResponse(invoice));
    }

    private static async Task<Results<Ok<InvoiceResponse>, ValidationProblem, ProblemHttpResult>> Approve(int id, ClaimsPrincipal user, PartnerInvoices invoices, CancellationToken ct) =>
        Respond(await invoices.ApproveAsync(id, user.UserId(), ct));

    private static async Task<Results<Ok<InvoiceResponse>, ValidationProblem, ProblemHttpResult>> Reject(
        int id, RejectRequest? body, ClaimsPrincipal user, PartnerInvoices invoices, CancellationToken ct) =>
        Respond(await invoices.RejectAsync(id, user.UserId(), body?.Reason, ct));

    private static async Task<Results<Ok<InvoiceResponse>, ValidationProblem, ProblemHttpResult>> Paid(
        int id, PaidRequest? body, ClaimsPrincipal user, PartnerInvoices invoices, CancellationToken ct)
    {
        DateOnly? paidOn = null;
        if (!string.IsNullOrWhiteSpace(body?.PaidOn))
        {
            if (!TryDate(body.PaidOn, out var d))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["paidOn"] = ["Give paidOn as a date, YYYY-MM-DD."] });
            }
            paidOn = d;
        }
        return Respond(await invoices.MarkPaidAsync(id, user.UserId(), paidOn, body?.Reference, ct));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? status, InvoiceExport export, CancellationToken ct)
    {
        DateOnly? f = null, t = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (!TryDate(from, out var d))
            {
                return Problem(StatusCodes.Status400BadRequest, "Give from as a date, YYYY-MM-DD.");
            }
            f = d;
        }
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (!TryDate(to, out var d))
            {
                return Problem(StatusCodes.Status400BadRequest, "Give to as a date, YYYY-MM-DD.");
            }
            t = d;
        }
        if (f > t)
        {
            return Problem(StatusCodes.Status400BadRequest, "The last day (to) must not be before the first day (from).");
        }
        if (!TryStatus(status, out var s))
        {
            return Problem(StatusCodes.Status400BadRequest, "Status must be one of Submitted, Approved, Rejected, Paid.");
        }
        var csv = await export.CsvAsync(new ExportFilter(f, t, s), ct);
        return TypedResults.File(csv, "text/csv; charset=utf-8", "invoices.csv");
    }

    public static bool TryStatus(string? text, out InvoiceStatus? status)
    {
        status = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (Enum.TryParse<InvoiceStatus>(text, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(text, CultureInfo.InvariantCulture, out _))
        {
            status = s;
            return true;
        }
        return false;
    }

    private static Results<Ok<InvoiceResponse>, ValidationProblem, ProblemHttpResult> Respond(InvoiceOutcome outcome)
    {
        if (outcome.Succeeded)
        {
            return TypedResults.Ok(ToResponse(outcome.Value!));
        }
        if (outcome is { Kind: OutcomeKind.Invalid, Field: { } field })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [outcome.Error!] });
        }
        return Failure(outcome);
    }

    private static ProblemHttpResult Failure(InvoiceOutcome outcome)
    {
        var extensions = new Dictionary<string, object?>();
        if (outcome.Field is not null)
        {
            extensions["field"] = outcome.Field;
        }
        if (outcome.Refusals.Count > 0)
        {
            extensions["bookings"] = outcome.Refusals.Select(r => new { bookingId = r.BookingId, reason = r.Reason }).ToList();
        }
        return TypedResults.Problem(statusCode: outcome.StatusCode, detail: outcome.Error, extensions: extensions);
    }

    private static List<LineResponse> Lines(Invoice i) =>
        i.Lines.OrderBy(l => l.TutorialDate).ThenBy(l => l.BookingId)
            .Select(l => new LineResponse(l.BookingId, Iso(l.TutorialDate), l.Project, l.DelegateInitials, Money.Pounds(l.FeePence))).ToList();

    private static InvoiceResponse ToResponse(Invoice i) =>
        new(i.Id, i.Number, Iso(i.IssuedOn), i.Status.ToString(), i.PartnerName, i.VatNumber, Lines(i), Money.Pounds(i.SubtotalPence), Money.Pounds(i.VatPence),
            Money.Pounds(i.TotalPence), i.RejectReason, i.PaidOn is { } p ? Iso(p) : null, i.PaymentReference);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(statusCode: status, detail: detail);
}
