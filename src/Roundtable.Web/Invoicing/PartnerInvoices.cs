using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Audit;

namespace Roundtable.Web.Invoicing;

public sealed record BookingRefusal(int BookingId, string Reason, DateOnly? Date = null);

// Every change to invoices goes through here, for the API and the pages alike.
public sealed class PartnerInvoices(AppDbContext db, TimeProvider time, InvoiceQueries queries)
{
    // One invoice for the given tutorials, or a refusal naming each one that cannot be invoiced.
    // The counter row is bumped first: on PostgreSQL its row lock queues concurrent submissions
    // until this one commits (and each then sees the lines committed before it); on SQLite the
    // transaction holds the write lock from the start. A refusal rolls back, so no number is used up.
    public Task<Result<Invoice>> SubmitAsync(string partnerUserId, IReadOnlyCollection<int> bookingIds, CancellationToken ct = default) =>
        IssueAsync(partnerUserId, bookingIds, partnerUserId, selfBilled: false, ct);

    // The programme team's self-billed invoice for a partner with an agreement in force: the same
    // checks, lines and number sequence as the partner's own, issued already approved.
    public Task<Result<Invoice>> RaiseSelfBilledAsync(string partnerUserId, IReadOnlyCollection<int> bookingIds, string teamUserId, CancellationToken ct = default) =>
        IssueAsync(partnerUserId, bookingIds, teamUserId, selfBilled: true, ct);

    private async Task<Result<Invoice>> IssueAsync(string partnerUserId, IReadOnlyCollection<int> bookingIds, string issuedById, bool selfBilled, CancellationToken ct)
    {
        if (new NewInvoiceInput(bookingIds).Check() is { } invalid)
        {
            return invalid;
        }
        var ids = bookingIds.Distinct().Order().ToList();
        var noShowPayable = await queries.NoShowPayableAsync(ct);
        await EnsureCounterAsync(ct);
        var now = time.UtcNow();
        var today = LondonTime.Today(time);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.InvoiceCounters.Where(c => c.Id == InvoiceCounter.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + 1), ct);
        // Read after the counter's lock, so an agreement accepted or ended a moment ago is seen.
        var agreementId = await db.SelfBillingAgreements.AsNoTracking()
            .Where(a => a.Partner.UserId == partnerUserId && a.EndedAt == null && a.StartsOn <= today && a.EndsOn >= today)
            .Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        if (!selfBilled && agreementId is not null)
        {
            return Failure.Refused(SelfBillingInForceMessage, nameof(NewInvoiceInput.BookingIds));
        }
        if (selfBilled && agreementId is null)
        {
            return Failure.Refused("This partner has no self-billing agreement in force, so the programme team cannot invoice for them: they invoice their own tutorials.");
        }
        if (selfBilled && await db.PartnerBillings.AnyAsync(b => b.Partner.UserId == partnerUserId && b.AwaitingConfirmation, ct))
        {
            return Failure.Refused(PartnerPaymentDetails.AwaitingConfirmationMessage);
        }
        var found = await db.Bookings.AsNoTracking()
            .Where(b => ids.Contains(b.Id) && b.Slot.Partner.UserId == partnerUserId)
            .Select(b => new
            {
                b.Id, b.Status, b.Slot.PartnerId, b.Slot.StartsAt, b.Project, b.Participant.User.FullName, HasFeedback = b.Feedback != null,
                OnInvoice = db.InvoiceLines.Where(l => l.ActiveBookingId == b.Id).Select(l => l.Invoice.Number).FirstOrDefault(),
            })
            .ToDictionaryAsync(b => b.Id, ct);
        var partnerId = found.Values.Select(b => (int?)b.PartnerId).FirstOrDefault();
        var rates = partnerId is null ? [] : await queries.RatesForAsync(partnerId.Value, ct);
        var refusals = new List<BookingRefusal>();
        var lines = new List<InvoiceLine>();
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var b))
            {
                refusals.Add(new(id, selfBilled ? "is not one of this partner's tutorials" : "is not one of your tutorials"));
                continue;
            }
            var date = LondonTime.DateOf(b.StartsAt);
            var fee = InvoiceRules.FeeOn(date, rates, b.PartnerId);
            if (InvoiceRules.Refusal(b.Status, noShowPayable, b.HasFeedback, b.OnInvoice, fee) is { } reason)
            {
                refusals.Add(new(id, reason, date));
                continue;
            }
            lines.Add(new InvoiceLine
            {
                BookingId = id, ActiveBookingId = id, TutorialDate = date, Project = b.Project, DelegateInitials = InvoiceLine.InitialsOf(b.FullName), FeePence = fee!.Value,
            });
        }
        if (refusals.Count > 0)
        {
            return Refused(refusals);
        }

        var sequence = await db.InvoiceCounters.Where(c => c.Id == InvoiceCounter.SingletonId).Select(c => c.Last).SingleAsync(ct);
        var partner = await db.PartnerProfiles.AsNoTracking().Where(p => p.Id == partnerId)
            .Select(p => new { p.User.FullName, p.User.Email }).SingleAsync(ct);
        var billing = await db.PartnerBillings.AsNoTracking().FirstOrDefaultAsync(x => x.PartnerId == partnerId, ct);
        var vatRegistered = billing?.VatRegistered == true;
        var totals = InvoiceRules.Totals(lines.Select(l => l.FeePence), vatRegistered);
        var invoice = new Invoice
        {
            Sequence = sequence, Number = Invoice.FormatNumber(sequence), PartnerId = partnerId!.Value, IssuedOn = LondonTime.Today(time),
            SubmittedAt = now, SubmittedById = issuedById, Status = selfBilled ? InvoiceStatus.Approved : InvoiceStatus.Submitted,
            SelfBillingAgreementId = selfBilled ? agreementId : null, DecidedAt = selfBilled ? now : null, DecidedById = selfBilled ? issuedById : null,
            PartnerName = partner.FullName, PartnerEmail = partner.Email ?? "", PartnerAddress = billing?.Address ?? "", PaymentDetails = billing?.PaymentDetails ?? "",
            VatNumber = vatRegistered ? billing!.VatNumber : null,
            SubtotalPence = totals.SubtotalPence, VatPence = totals.VatPence, TotalPence = totals.TotalPence, Lines = lines,
        };
        db.Invoices.Add(invoice);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueSave.IsUniqueViolation(e))
        {
            // The unique index on ActiveBookingId caught what the check above could not see. Any
            // other unique index (the invoice number) is a fault to surface, not the partner's doing.
            db.ChangeTracker.Clear();
            await tx.RollbackAsync(ct);
            var taken = await db.InvoiceLines.AsNoTracking().Where(l => l.ActiveBookingId != null && ids.Contains(l.ActiveBookingId.Value))
                .Select(l => new { BookingId = l.ActiveBookingId!.Value, l.Invoice.Number, l.TutorialDate }).ToListAsync(ct);
            if (taken.Count == 0)
            {
                throw;
            }
            return Refused(taken.Select(t => new BookingRefusal(t.BookingId, $"is already on invoice {t.Number}", t.TutorialDate)).ToList());
        }
        db.AuditEntries.Add(AuditEntry.Of(Invoice.AuditSubject, invoice.Id, selfBilled ? "Self-billed" : "Submitted", issuedById, now,
            $"{invoice.Number}: {lines.Count} tutorial(s), total {Money.Text(invoice.TotalPence)}"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return invoice;
    }

    public Task<Result<Invoice>> ApproveAsync(int id, string userId, CancellationToken ct = default) =>
        DecideAsync(id, userId, "Approved", null, (invoice, now) => invoice.Approve(userId, now), ct, paysPartner: true);

    // A rejected invoice frees its tutorials to be invoiced again.
    public async Task<Result<Invoice>> RejectAsync(int id, string userId, string? reason, CancellationToken ct = default)
    {
        if (new RejectInput(reason).Check() is { } invalid)
        {
            return invalid;
        }
        var why = reason!.Trim();
        return await DecideAsync(id, userId, "Rejected", why, (invoice, now) => invoice.Reject(userId, why, now), ct);
    }

    // Only the partner who sent it, and only while the team has not acted on it.
    public async Task<Result<Invoice>> WithdrawAsync(int id, string partnerUserId, CancellationToken ct = default)
    {
        if (await queries.LoadForPartnerAsync(id, partnerUserId, ct) is null)
        {
            return Failure.NotFound("There is no invoice with that id.");
        }
        return await DecideAsync(id, partnerUserId, "Withdrawn", null, (invoice, now) => invoice.Withdraw(now), ct);
    }

    public const string SelfBillingInForceMessage =
        "You have a self-billing agreement in force, so the programme team invoices your tutorials for you: you cannot send your own invoice for them. Your self-billed invoices appear on this page.";

    // The partner disputes one of their own self-billed invoices, with a reason the team sees.
    public async Task<Result<Invoice>> DisputeAsync(int id, string partnerUserId, string? reason, CancellationToken ct = default)
    {
        if (await queries.LoadForPartnerAsync(id, partnerUserId, ct) is null)
        {
            return Failure.NotFound("There is no invoice of yours with that id.");
        }
        if (new ReasonInput(reason).Check("for disputing the invoice") is { } invalid)
        {
            return invalid;
        }
        var why = reason!.Trim();
        return await DecideAsync(id, partnerUserId, "Disputed", why, (invoice, now) => invoice.Dispute(why, now), ct);
    }

    // The team withdraws a self-billed invoice (usually a disputed one) so it can be raised again.
    public Task<Result<Invoice>> WithdrawSelfBilledAsync(int id, string teamUserId, CancellationToken ct = default) =>
        DecideAsync(id, teamUserId, "Withdrawn", null, (invoice, now) => invoice.WithdrawSelfBilled(teamUserId, now), ct);

    public async Task<Result<Invoice>> MarkPaidAsync(int id, string userId, DateOnly? paidOn, string? reference, CancellationToken ct = default)
    {
        if (new PaymentInput(paidOn, reference).Check(LondonTime.Today(time)) is { } invalid)
        {
            return invalid;
        }
        var paid = paidOn!.Value;
        var what = reference!.Trim();
        return await DecideAsync(id, userId, "Paid", string.Create(CultureInfo.InvariantCulture, $"Paid on {paid:dd/MM/yyyy}, reference {what}"),
            (invoice, now) => invoice.MarkPaid(userId, paid, what, now), ct, paysPartner: true);
    }

    // Load → lock → the invoice's own rule → save → audit. The no-op update takes the invoice's row
    // lock on PostgreSQL (SQLite's transaction already holds the write lock), so two people pressing
    // buttons at once decide one after the other and the second sees the first's result.
    private async Task<Result<Invoice>> DecideAsync(int id, string userId, string action, string? detail, Func<Invoice, DateTime, Failure?> decide, CancellationToken ct, bool paysPartner = false)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var locked = await db.Invoices.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, i => i.Status), ct);
        if (locked == 0)
        {
            return Failure.NotFound("There is no invoice with that id.");
        }
        var invoice = await db.Invoices.Include(i => i.Lines).SingleAsync(i => i.Id == id, ct);
        var now = time.UtcNow();
        if (paysPartner && await db.PartnerBillings.AnyAsync(b => b.PartnerId == invoice.PartnerId && b.AwaitingConfirmation, ct))
        {
            return Failure.Refused(PartnerPaymentDetails.AwaitingConfirmationMessage);
        }
        if (decide(invoice, now) is { } refused)
        {
            return refused;
        }
        db.AuditEntries.Add(AuditEntry.Of(Invoice.AuditSubject, id, action, userId, now, detail));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return invoice;
    }

    // The migration seeds the counter row; should it ever be missing, it restarts after the highest
    // number issued (two servers doing this at once: the primary key lets one in).
    private async Task EnsureCounterAsync(CancellationToken ct)
    {
        if (await db.InvoiceCounters.AnyAsync(ct))
        {
            return;
        }
        var last = await db.Invoices.MaxAsync(i => (long?)i.Sequence, ct) ?? 0;
        db.InvoiceCounters.Add(new InvoiceCounter { Last = last });
        await db.TrySaveUniqueAsync(ct);
        db.ChangeTracker.Clear();
    }

    // Systems get the booking ids (the detail, and "bookings" in the API's problem details); people
    // get the tutorials' dates beside the list they chose from.
    private static Failure Refused(IReadOnlyList<BookingRefusal> refusals) =>
        new(FailureKind.Refused, RefusalText(refusals, r => string.Create(CultureInfo.InvariantCulture, $"booking {r.BookingId} {r.Reason}")))
        {
            Errors = [new FieldError(nameof(NewInvoiceInput.BookingIds),
                RefusalText(refusals, r => r.Date is { } d ? $"the tutorial on {UkFormat.Date(d)} {r.Reason}" : $"a tutorial {r.Reason}"))],
            Extensions = new Dictionary<string, object?> { ["bookings"] = refusals.Select(r => new { bookingId = r.BookingId, reason = r.Reason }).ToList() },
        };

    private static string RefusalText(IReadOnlyList<BookingRefusal> refusals, Func<BookingRefusal, string> each) =>
        (refusals.Count == 1 ? "This tutorial cannot be invoiced: " : "These tutorials cannot be invoiced: ")
        + string.Join("; ", refusals.Select(each)) + ".";
}
