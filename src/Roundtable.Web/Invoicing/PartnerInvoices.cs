using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Invoicing;

public sealed record Invoiceable(int BookingId, DateOnly Date, int Project, string DelegateInitials, long FeePence);

public sealed record BookingRefusal(int BookingId, string Reason, DateOnly? Date = null);

// Every change to invoices goes through here, for the API and the pages alike.
public sealed class PartnerInvoices(AppDbContext db, TimeProvider time)
{
    public const string AuditSubject = "Invoice";

    private DateTime Now => time.UtcNow();

    public async Task<bool> NoShowPayableAsync(CancellationToken ct = default) =>
        await db.InvoicingSettings.Where(s => s.Id == InvoicingSettings.SingletonId).Select(s => s.NoShowPayable).FirstOrDefaultAsync(ct);

    // Held consultations (and no-shows, when the team pays for them) with feedback recorded and on
    // no invoice that is still live; oldest first.
    public async Task<List<Invoiceable>> InvoiceableAsync(string partnerUserId, CancellationToken ct = default) =>
        (await CandidatesAsync(partnerUserId, ct)).Where(c => c.FeePence is not null)
            .Select(c => new Invoiceable(c.BookingId, c.Date, c.Project, c.Initials, c.FeePence!.Value)).ToList();

    // Consultations that could be invoiced but for the fee: no rate covers their date yet.
    public async Task<List<DateOnly>> WaitingForAFeeAsync(string partnerUserId, CancellationToken ct = default) =>
        (await CandidatesAsync(partnerUserId, ct)).Where(c => c.FeePence is null).Select(c => c.Date).ToList();

    private sealed record Candidate(int BookingId, DateOnly Date, int Project, string Initials, long? FeePence);

    // Held (or payable no-show) consultations with feedback on no live invoice, with the fee for their date if any.
    private async Task<List<Candidate>> CandidatesAsync(string partnerUserId, CancellationToken ct)
    {
        var noShowPayable = await NoShowPayableAsync(ct);
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.Slot.Partner.UserId == partnerUserId && b.Feedback != null
                && (b.Status == BookingStatus.Held || (noShowPayable && b.Status == BookingStatus.NoShow))
                && !db.InvoiceLines.Any(l => l.ActiveBookingId == b.Id))
            .Select(b => new { b.Id, b.Slot.PartnerId, b.Slot.StartsAt, b.Project, b.Participant.User.FullName })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }
        var rates = await RatesForAsync(rows[0].PartnerId, ct);
        return rows.OrderBy(r => r.StartsAt).ThenBy(r => r.Id)
            .Select(r =>
            {
                var date = LondonTime.DateOf(r.StartsAt);
                return new Candidate(r.Id, date, r.Project, Initials(r.FullName), InvoiceRules.FeeOn(date, rates, r.PartnerId));
            })
            .ToList();
    }

    private Task<List<FeeRate>> RatesForAsync(int partnerId, CancellationToken ct) =>
        db.FeeRates.AsNoTracking().Where(r => r.PartnerId == null || r.PartnerId == partnerId).ToListAsync(ct);

    private static string Initials(string fullName)
    {
        var initials = InvoiceRules.Initials(fullName);
        return initials.Length <= InvoiceLine.InitialsMaxLength ? initials : initials[..InvoiceLine.InitialsMaxLength];
    }

    // One invoice for the given consultations, or a refusal naming each one that cannot be invoiced.
    // The counter row is bumped first: on PostgreSQL its row lock queues concurrent submissions
    // until this one commits (and each then sees the lines committed before it); on SQLite the
    // transaction holds the write lock from the start. A refusal rolls back, so no number is used up.
    public async Task<InvoiceOutcome> SubmitAsync(string partnerUserId, IReadOnlyCollection<int> bookingIds, CancellationToken ct = default)
    {
        if (bookingIds.Count == 0)
        {
            return InvoiceOutcome.Fail(OutcomeKind.Invalid, "Choose at least one consultation to invoice.", "bookingIds");
        }
        if (bookingIds.Count > Invoice.MaxLines)
        {
            return InvoiceOutcome.Fail(OutcomeKind.Invalid, $"An invoice may have at most {Invoice.MaxLines} consultations.", "bookingIds");
        }
        var ids = bookingIds.Distinct().Order().ToList();
        var noShowPayable = await NoShowPayableAsync(ct);
        await EnsureCounterAsync(ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.InvoiceCounters.Where(c => c.Id == InvoiceCounter.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + 1), ct);
        var found = await db.Bookings.AsNoTracking()
            .Where(b => ids.Contains(b.Id) && b.Slot.Partner.UserId == partnerUserId)
            .Select(b => new
            {
                b.Id, b.Status, b.Slot.PartnerId, b.Slot.StartsAt, b.Project, b.Participant.User.FullName, HasFeedback = b.Feedback != null,
                OnInvoice = db.InvoiceLines.Where(l => l.ActiveBookingId == b.Id).Select(l => l.Invoice.Number).FirstOrDefault(),
            })
            .ToDictionaryAsync(b => b.Id, ct);
        var partnerId = found.Values.Select(b => (int?)b.PartnerId).FirstOrDefault();
        var rates = partnerId is null ? [] : await RatesForAsync(partnerId.Value, ct);
        var refusals = new List<BookingRefusal>();
        var lines = new List<InvoiceLine>();
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var b))
            {
                refusals.Add(new(id, "is not one of your consultations"));
                continue;
            }
            var date = LondonTime.DateOf(b.StartsAt);
            var fee = InvoiceRules.FeeOn(date, rates, b.PartnerId);

            var reason = b.Status switch
            {
                BookingStatus.Held => null,
                BookingStatus.NoShow when noShowPayable => null,
                BookingStatus.NoShow => "was a no-show, which is not payable",
                BookingStatus.Booked => "has not been held yet",
                _ => "was cancelled",
            };
            reason ??= !b.HasFeedback ? "has no feedback recorded"
                : b.OnInvoice is not null ? $"is already on invoice {b.OnInvoice}"
                : fee is null ? "has no fee set for its date; ask the programme team"
                : null;
            if (reason is not null)
            {
                refusals.Add(new(id, reason, date));
                continue;
            }
            lines.Add(new InvoiceLine
            {
                BookingId = id, ActiveBookingId = id, TutorialDate = date, Project = b.Project, DelegateInitials = Initials(b.FullName), FeePence = fee!.Value,
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
            SubmittedAt = Now, SubmittedById = partnerUserId, Status = InvoiceStatus.Submitted,
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
        db.AuditEntries.Add(AuditEntry.Of(AuditSubject, invoice.Id, "Submitted", partnerUserId, Now,
            $"{invoice.Number}: {lines.Count} consultation(s), total {Money.Text(invoice.TotalPence)}"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return InvoiceOutcome.Ok(invoice);
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

    private static InvoiceOutcome Refused(List<BookingRefusal> refusals) =>
        new(OutcomeKind.Refused, null, RefusalText(refusals), "bookingIds") { Refusals = refusals };

    public static string RefusalText(IReadOnlyList<BookingRefusal> refusals) =>
        (refusals.Count == 1 ? "This consultation cannot be invoiced: " : "These consultations cannot be invoiced: ")
        + string.Join("; ", refusals.Select(r => string.Create(CultureInfo.InvariantCulture, $"booking {r.BookingId} {r.Reason}"))) + ".";

    // For people rather than systems: the consultation's date instead of its booking id, where known.
    public static string RefusalTextByDate(IReadOnlyList<BookingRefusal> refusals) =>
        (refusals.Count == 1 ? "This consultation cannot be invoiced: " : "These consultations cannot be invoiced: ")
        + string.Join("; ", refusals.Select(r => r.Date is { } d ? $"the consultation on {UkFormat.Date(d)} {r.Reason}" : $"a consultation {r.Reason}")) + ".";

    public Task<InvoiceOutcome> ApproveAsync(int id, string userId, CancellationToken ct = default) =>
        DecideAsync(id, userId, InvoiceStatus.Submitted, "Approved", async () =>
            await db.Invoices.Where(i => i.Id == id && i.Status == InvoiceStatus.Submitted)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvoiceStatus.Approved).SetProperty(i => i.DecidedAt, Now).SetProperty(i => i.DecidedById, userId), ct),
            null, ct);

    // A rejected invoice frees its consultations to be invoiced again.
    public async Task<InvoiceOutcome> RejectAsync(int id, string userId, string? reason, CancellationToken ct = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return InvoiceOutcome.Fail(OutcomeKind.Invalid, "Enter the reason for rejecting the invoice.", "reason");
        }
        if (reason.Length > Invoice.ReasonMaxLength)
        {
            return InvoiceOutcome.Fail(OutcomeKind.Invalid, $"The reason must be {Invoice.ReasonMaxLength} characters or fewer.", "reason");
        }
        return await DecideAsync(id, userId, InvoiceStatus.Submitted, "Rejected", async () =>
        {
            var changed = await db.Invoices.Where(i => i.Id == id && i.Status == InvoiceStatus.Submitted)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvoiceStatus.Rejected).SetProperty(i => i.DecidedAt, Now)
                    .SetProperty(i => i.DecidedById, userId).SetProperty(i => i.RejectReason, reason), ct);
            if (changed == 1)
            {
                await db.InvoiceLines.Where(l => l.InvoiceId == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.ActiveBookingId, (int?)null), ct);
            }
            return changed;
        }, reason, ct);
    }

    public async Task<InvoiceOutcome> MarkPaidAsync(int id, string userId, DateOnly? paidOn, string? reference, CancellationToken ct = default)
    {
        reference = reference?.Trim();
        if (paidOn is null)
        {
            return InvoiceOutcome.Fail(OutcomeKind.Invalid, "Enter the date the invoice was paid.", "paidOn");
        }
        if (paidOn > LondonTime.Today(time))
        {
            return InvoiceOutcome.Fail(OutcomeKind.Invalid, "The payment date must be today or in the past.", "paidOn");
        }
        if (string.IsNullOrEmpty(reference))
        {
            return InvoiceOutcome.Fail(OutcomeKind.Invalid, "Enter the payment reference.", "reference");
        }
        if (reference.Length > Invoice.ReferenceMaxLength)
        {
            return InvoiceOutcome.Fail(OutcomeKind.Invalid, $"The payment reference must be {Invoice.ReferenceMaxLength} characters or fewer.", "reference");
        }
        var issuedOn = await db.Invoices.Where(i => i.Id == id).Select(i => (DateOnly?)i.IssuedOn).FirstOrDefaultAsync(ct);
        if (issuedOn is { } issued && paidOn < issued)
        {
            return InvoiceOutcome.Fail(OutcomeKind.Invalid, $"The payment date cannot be before the invoice's date, {UkFormat.Date(issued)}.", "paidOn");
        }
        return await DecideAsync(id, userId, InvoiceStatus.Approved, "Paid", async () =>
            await db.Invoices.Where(i => i.Id == id && i.Status == InvoiceStatus.Approved)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvoiceStatus.Paid).SetProperty(i => i.PaidOn, paidOn)
                    .SetProperty(i => i.PaymentReference, reference).SetProperty(i => i.PaidRecordedAt, Now).SetProperty(i => i.PaidRecordedById, userId), ct),
            string.Create(CultureInfo.InvariantCulture, $"Paid on {paidOn:dd/MM/yyyy}, reference {reference}"), ct);
    }

    // A change of status happens only from the expected status: the update's WHERE clause is the
    // check, so two people pressing buttons at once cannot both succeed.
    private async Task<InvoiceOutcome> DecideAsync(int id, string userId, InvoiceStatus from, string action, Func<Task<int>> change, string? detail, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var current = await db.Invoices.AsNoTracking().Where(i => i.Id == id).Select(i => (InvoiceStatus?)i.Status).FirstOrDefaultAsync(ct);
        if (current is null)
        {
            return InvoiceOutcome.Fail(OutcomeKind.NotFound, "There is no invoice with that id.");
        }
        if (current != from || await change() != 1)
        {
            return InvoiceOutcome.Fail(OutcomeKind.Conflict,
                $"This invoice is {current.Value.ToString().ToLowerInvariant()}, so it cannot be {action.ToLowerInvariant()}: only a {from.ToString().ToLowerInvariant()} invoice can.");
        }
        db.AuditEntries.Add(AuditEntry.Of(AuditSubject, id, action, userId, Now, detail));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return InvoiceOutcome.Ok(await LoadAsync(id, ct) ?? throw new InvalidOperationException("The invoice vanished."));
    }

    public Task<Invoice?> LoadAsync(int id, CancellationToken ct = default) =>
        db.Invoices.AsNoTracking().Include(i => i.Lines.OrderBy(l => l.TutorialDate).ThenBy(l => l.BookingId)).FirstOrDefaultAsync(i => i.Id == id, ct);

    // The partner sees only their own invoices; anyone else's is "not found".
    public Task<Invoice?> LoadForPartnerAsync(int id, string partnerUserId, CancellationToken ct = default) =>
        db.Invoices.AsNoTracking().Include(i => i.Lines.OrderBy(l => l.TutorialDate).ThenBy(l => l.BookingId))
            .FirstOrDefaultAsync(i => i.Id == id && i.Partner.UserId == partnerUserId, ct);
}
