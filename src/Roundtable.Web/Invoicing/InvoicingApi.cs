using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Api;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

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
        decimal Subtotal, decimal Vat, decimal Total, string? RejectReason, string? PaidOn, string? PaymentReference, bool SelfBilled, string? DisputeReason);
    public sealed record SelfBilledRequest(int? PartnerId, IReadOnlyList<int>? BookingIds);
    public sealed record DisputeRequest(string? Reason);
    public sealed record AgreementRequest(string? StartsOn, string? EndsOn, bool? AcceptTerms, string? Name);
    public sealed record EndAgreementRequest(string? Reason);
    public sealed record AgreementResponse(int Id, int PartnerId, string StartsOn, string EndsOn, string Status, string AcceptedName, string AcceptedAt, string Terms,
        string? EndedAt, string? EndReason);
    public sealed record RejectRequest(string? Reason);
    public sealed record PaidRequest(string? PaidOn, string? Reference);

    public static RouteGroupBuilder MapInvoicingApi(this RouteGroupBuilder v1)
    {
        var invoices = v1.MapArea("Invoicing", "/invoices");
        invoices.MapGet("/invoiceable", GetInvoiceable).RequireAuthorization(Roles.Partner)
            .WithName("ListInvoiceableConsultations").WithSummary("The signed-in partner's tutorials ready to invoice, with their fees").Paged();
        invoices.MapPost("", PostInvoice).RequireAuthorization(Roles.Partner)
            .WithName("SubmitInvoice").WithSummary("Invoice some of the signed-in partner's tutorials")
            .Fails(FailureKind.Invalid, FailureKind.Refused);
        invoices.MapGet("", GetInvoices)
            .WithName("ListInvoices").WithSummary("The partner's own invoices, or every invoice for the programme team")
            .Fails(FailureKind.Invalid, FailureKind.Forbidden).Paged();
        invoices.MapGet("/export.csv", Export).RequireAuthorization(Roles.ProgrammeTeam)
            .WithName("ExportInvoices").WithSummary("Invoices and their lines as CSV for the finance system")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .Fails(FailureKind.Invalid);
        invoices.MapGet("/{id:int}", GetInvoice)
            .WithName("GetInvoice").WithSummary("One invoice (a partner sees only their own)")
            .Fails(FailureKind.NotFound);
        invoices.MapPost("/{id:int}/approve", Approve).RequireAuthorization(Roles.ProgrammeTeam)
            .WithName("ApproveInvoice").WithSummary("Approve a submitted invoice")
            .Fails(FailureKind.NotFound, FailureKind.Conflict);
        invoices.MapPost("/{id:int}/reject", Reject).RequireAuthorization(Roles.ProgrammeTeam)
            .WithName("RejectInvoice").WithSummary("Reject a submitted invoice with a reason; its tutorials can be invoiced again")
            .Fails(FailureKind.Invalid, FailureKind.NotFound, FailureKind.Conflict);
        invoices.MapPost("/{id:int}/paid", Paid).RequireAuthorization(Roles.ProgrammeTeam)
            .WithName("MarkInvoicePaid").WithSummary("Record the payment of an approved invoice")
            .Fails(FailureKind.Invalid, FailureKind.NotFound, FailureKind.Conflict);
        invoices.MapPost("/self-billed", PostSelfBilled).RequireAuthorization(Roles.ProgrammeTeam)
            .WithName("RaiseSelfBilledInvoice").WithSummary("Raise a self-billed invoice for a partner with an agreement in force (all their invoiceable tutorials when bookingIds is empty)")
            .Fails(FailureKind.Invalid, FailureKind.NotFound, FailureKind.Refused);
        invoices.MapPost("/{id:int}/dispute", Dispute).RequireAuthorization(Roles.Partner)
            .WithName("DisputeInvoice").WithSummary("The partner disputes one of their self-billed invoices, with a reason")
            .Fails(FailureKind.Invalid, FailureKind.NotFound, FailureKind.Conflict);
        invoices.MapPost("/{id:int}/withdraw", WithdrawSelfBilled).RequireAuthorization(Roles.ProgrammeTeam)
            .WithName("WithdrawSelfBilledInvoice").WithSummary("Withdraw a self-billed invoice (usually disputed) so that its tutorials can be invoiced again")
            .Fails(FailureKind.NotFound, FailureKind.Conflict);

        var agreements = v1.MapArea("Invoicing", "/self-billing/agreements");
        agreements.MapGet("", GetAgreements)
            .WithName("ListSelfBillingAgreements").WithSummary("The partner's own self-billing agreements, or every one for the programme team")
            .Fails(FailureKind.Forbidden).Paged();
        agreements.MapPost("", PostAgreement).RequireAuthorization(Roles.Partner)
            .WithName("AcceptSelfBillingAgreement").WithSummary("The signed-in partner accepts a self-billing agreement (terms accepted, name typed, at most 12 months)")
            .Fails(FailureKind.Invalid, FailureKind.Conflict);
        agreements.MapPost("/{id:int}/end", EndAgreement).RequireAuthorization(Roles.ProgrammeTeam)
            .WithName("EndSelfBillingAgreement").WithSummary("End a self-billing agreement early, with a reason")
            .Fails(FailureKind.Invalid, FailureKind.NotFound, FailureKind.Conflict);
        return v1;
    }

    private static async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> PostSelfBilled(
        SelfBilledRequest? body, ClaimsPrincipal user, AppDbContext db, PartnerInvoices invoices, InvoiceQueries queries, CancellationToken ct)
    {
        if (body?.PartnerId is not { } partnerId)
        {
            return new FieldErrors().Add(nameof(SelfBilledRequest.PartnerId), "Give the partner's id as partnerId.").ToProblem();
        }
        var partnerUserId = await db.PartnerProfiles.AsNoTracking().Where(p => p.Id == partnerId).Select(p => p.UserId).FirstOrDefaultAsync(ct);
        if (partnerUserId is null)
        {
            return Failure.NotFound("There is no partner with that id.").ToProblem();
        }
        var ids = body.BookingIds is { Count: > 0 } given ? given.ToList() : (await queries.InvoiceableAsync(partnerUserId, ct)).Select(i => i.BookingId).ToList();
        if (ids.Count == 0)
        {
            return Failure.Refused("This partner has no tutorials ready to invoice: they must be held, with feedback recorded, and on no live invoice.").ToProblem();
        }
        var raised = await invoices.RaiseSelfBilledAsync(partnerUserId, ids, user.UserId(), ct);
        if (!raised.Succeeded)
        {
            return raised.Failure.ToProblem();
        }
        var i = raised.Value;
        return TypedResults.Created($"/api/v1/invoices/{i.Id}",
            new CreatedResponse(i.Id, i.Number, Lines(i), Money.Pounds(i.SubtotalPence), Money.Pounds(i.VatPence), Money.Pounds(i.TotalPence), i.Status.ToString()));
    }

    private static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> Dispute(
        int id, DisputeRequest? body, ClaimsPrincipal user, PartnerInvoices invoices, CancellationToken ct) =>
        Respond(await invoices.DisputeAsync(id, user.UserId(), body?.Reason, ct));

    private static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> WithdrawSelfBilled(int id, ClaimsPrincipal user, PartnerInvoices invoices, CancellationToken ct) =>
        Respond(await invoices.WithdrawSelfBilledAsync(id, user.UserId(), ct));

    private static async Task<Results<Ok<List<AgreementResponse>>, ProblemHttpResult>> GetAgreements(
        [AsParameters] PageRequest page, HttpResponse response, ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var team = user.IsInRole(Roles.ProgrammeTeam);
        if (!team && !user.IsInRole(Roles.Partner))
        {
            return Failure.Forbidden("Self-billing agreements are for professional partners and the programme team.").ToProblem();
        }
        if (page.Check() is { } outOfRange)
        {
            return outOfRange.ToProblem();
        }
        var me = user.UserId();
        var today = LondonTime.Today(time);
        var rows = await db.SelfBillingAgreements.AsNoTracking().Where(a => team || a.Partner.UserId == me)
            .OrderByDescending(a => a.StartsOn).ThenByDescending(a => a.Id).ToPageAsync(page, response, ct);
        return TypedResults.Ok(rows.Select(a => ToResponse(a, today)).ToList());
    }

    private static async Task<Results<Created<AgreementResponse>, ProblemHttpResult>> PostAgreement(
        AgreementRequest? body, ClaimsPrincipal user, SelfBillingAgreements agreements, TimeProvider time, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var startsOn = errors.OptionalDate(body?.StartsOn, nameof(AgreementRequest.StartsOn));
        var endsOn = errors.OptionalDate(body?.EndsOn, nameof(AgreementRequest.EndsOn));
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var accepted = await agreements.AcceptAsync(user.UserId(), new AcceptAgreementInput(startsOn, endsOn, body?.AcceptTerms == true, body?.Name), ct);
        if (!accepted.Succeeded)
        {
            return accepted.Failure.ToProblem();
        }
        return TypedResults.Created($"/api/v1/self-billing/agreements/{accepted.Value.Id}", ToResponse(accepted.Value, LondonTime.Today(time)));
    }

    private static async Task<Results<Ok<AgreementResponse>, ProblemHttpResult>> EndAgreement(
        int id, EndAgreementRequest? body, ClaimsPrincipal user, SelfBillingAgreements agreements, TimeProvider time, CancellationToken ct)
    {
        var ended = await agreements.EndAsync(id, user.UserId(), body?.Reason, ct);
        return ended.Succeeded ? TypedResults.Ok(ToResponse(ended.Value, LondonTime.Today(time))) : ended.Failure.ToProblem();
    }

    private static AgreementResponse ToResponse(SelfBillingAgreement a, DateOnly today) =>
        new(a.Id, a.PartnerId, UkFormat.Iso(a.StartsOn), UkFormat.Iso(a.EndsOn), a.StatusOn(today), a.AcceptedName, UkFormat.IsoLocal(a.AcceptedAt), a.TermsText,
            a.EndedAt is { } e ? UkFormat.IsoLocal(e) : null, a.EndReason);

    private static async Task<Results<Ok<List<InvoiceableResponse>>, ProblemHttpResult>> GetInvoiceable(
        [AsParameters] PageRequest page, HttpResponse response, ClaimsPrincipal user, InvoiceQueries queries, CancellationToken ct)
    {
        if (page.Check() is { } outOfRange)
        {
            return outOfRange.ToProblem();
        }
        var rows = (await queries.InvoiceableAsync(user.UserId(), ct)).ToPage(page, response);
        return TypedResults.Ok(rows.Select(r => new InvoiceableResponse(r.BookingId, UkFormat.Iso(r.Date), r.Project, r.DelegateInitials, Money.Pounds(r.FeePence))).ToList());
    }

    private static async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> PostInvoice(
        SubmitRequest? body, ClaimsPrincipal user, PartnerInvoices invoices, CancellationToken ct)
    {
        if (body?.BookingIds is not { Count: > 0 } ids)
        {
            return new FieldErrors().Add(nameof(SubmitRequest.BookingIds), "Give the tutorials to invoice as bookingIds, a list of booking ids.").ToProblem();
        }
        var submitted = await invoices.SubmitAsync(user.UserId(), ids.ToList(), ct);
        if (!submitted.Succeeded)
        {
            return submitted.Failure.ToProblem();
        }
        var i = submitted.Value;
        return TypedResults.Created($"/api/v1/invoices/{i.Id}",
            new CreatedResponse(i.Id, i.Number, Lines(i), Money.Pounds(i.SubtotalPence), Money.Pounds(i.VatPence), Money.Pounds(i.TotalPence), i.Status.ToString()));
    }

    // A partner's own invoices, or every invoice for the programme team; ?status= filters.
    private static async Task<Results<Ok<List<InvoiceResponse>>, ProblemHttpResult>> GetInvoices(
        [FromQuery] string? status, [AsParameters] PageRequest page, HttpResponse response, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var team = user.IsInRole(Roles.ProgrammeTeam);
        if (!team && !user.IsInRole(Roles.Partner))
        {
            return Failure.Forbidden("Invoices are for professional partners and the programme team.").ToProblem();
        }
        if (!Invoice.TryParseStatus(status, out var filter))
        {
            return Failure.Invalid(nameof(status), StatusError).ToProblem();
        }
        if (page.Check() is { } outOfRange)
        {
            return outOfRange.ToProblem();
        }
        var me = user.UserId();
        var query = db.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => team || i.Partner.UserId == me);
        if (filter is { } s)
        {
            query = query.Where(i => i.Status == s);
        }
        var rows = await query.OrderByDescending(i => i.Sequence).ThenByDescending(i => i.Id).ToPageAsync(page, response, ct);
        return TypedResults.Ok(rows.Select(ToResponse).ToList());
    }

    private static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> GetInvoice(int id, ClaimsPrincipal user, InvoiceQueries queries, CancellationToken ct)
    {
        var invoice = user.IsInRole(Roles.ProgrammeTeam) ? await queries.LoadAsync(id, ct)
            : user.IsInRole(Roles.Partner) ? await queries.LoadForPartnerAsync(id, user.UserId(), ct)
            : null;
        return invoice is null ? Failure.NotFound("There is no invoice of yours with that id.").ToProblem() : TypedResults.Ok(ToResponse(invoice));
    }

    private static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> Approve(int id, ClaimsPrincipal user, PartnerInvoices invoices, CancellationToken ct) =>
        Respond(await invoices.ApproveAsync(id, user.UserId(), ct));

    private static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> Reject(
        int id, RejectRequest? body, ClaimsPrincipal user, PartnerInvoices invoices, CancellationToken ct) =>
        Respond(await invoices.RejectAsync(id, user.UserId(), body?.Reason, ct));

    private static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> Paid(
        int id, PaidRequest? body, ClaimsPrincipal user, PartnerInvoices invoices, CancellationToken ct)
    {
        DateOnly? paidOn = null;
        if (!string.IsNullOrWhiteSpace(body?.PaidOn))
        {
            if (!UkFormat.TryParseIsoDate(body.PaidOn, out var d))
            {
                return Failure.Invalid(nameof(PaidRequest.PaidOn), "Give paidOn as a date, YYYY-MM-DD.").ToProblem();
            }
            paidOn = d;
        }
        return Respond(await invoices.MarkPaidAsync(id, user.UserId(), paidOn, body?.Reference, ct));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? status, InvoiceExport export, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var first = errors.OptionalDate(from, nameof(from));
        var last = errors.OptionalDate(to, nameof(to));
        if (first > last)
        {
            errors.Add(nameof(to), "The last day (to) must not be before the first day (from).");
        }
        if (!Invoice.TryParseStatus(status, out var s))
        {
            errors.Add(nameof(status), StatusError);
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var csv = await export.CsvAsync(new ExportFilter(first, last, s), ct);
        return TypedResults.File(csv, CsvFile.ContentType, "invoices.csv");
    }

    private const string StatusError = "Status must be one of Submitted, Approved, Rejected, Paid, Withdrawn, Disputed.";

    private static Results<Ok<InvoiceResponse>, ProblemHttpResult> Respond(Result<Invoice> decided) =>
        decided.Succeeded ? TypedResults.Ok(ToResponse(decided.Value)) : decided.Failure.ToProblem();

    private static List<LineResponse> Lines(Invoice i) =>
        i.Lines.OrderBy(l => l.TutorialDate).ThenBy(l => l.BookingId)
            .Select(l => new LineResponse(l.BookingId, UkFormat.Iso(l.TutorialDate), l.Project, l.DelegateInitials, Money.Pounds(l.FeePence))).ToList();

    private static InvoiceResponse ToResponse(Invoice i) =>
        new(i.Id, i.Number, UkFormat.Iso(i.IssuedOn), i.Status.ToString(), i.PartnerName, i.VatNumber, Lines(i), Money.Pounds(i.SubtotalPence), Money.Pounds(i.VatPence),
            Money.Pounds(i.TotalPence), i.RejectReason, i.PaidOn is { } p ? UkFormat.Iso(p) : null, i.PaymentReference, i.SelfBilled, i.DisputeReason);
}
