using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Invoicing;

// Fees, fictional payment details and an invoice history: the default fee is £150 from the course
// start and partner2 has an agreed £175; partner1 is VAT registered. partner1 and partner2 each
// have one earlier invoice in every status, one tutorial each, from their held tutorials;
// the rejected one's tutorial is invoiceable again, and at least three more are waiting.
// partner1 then signed a self-billing agreement and has one self-billed invoice.
public static class InvoicingDemoData
{
    public static async Task SeedAsync(AppDbContext db, int cohortId, TimeProvider time, CancellationToken ct = default)
    {
        var now = time.UtcNow();
        var courseStart = await db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.CourseStart).SingleAsync(ct);
        var team = await db.Users.Where(u => u.NormalizedEmail == "PROGRAMME@DEMO.ROUNDTABLE.TEST").Select(u => u.Id).SingleAsync(ct);
        var partners = await db.PartnerProfiles.Include(p => p.User)
            .Where(p => p.User.NormalizedEmail == "PARTNER1@DEMO.ROUNDTABLE.TEST" || p.User.NormalizedEmail == "PARTNER2@DEMO.ROUNDTABLE.TEST")
            .OrderBy(p => p.User.NormalizedEmail).ToListAsync(ct);
        var (partner1, partner2) = (partners[0], partners[1]);

        db.FeeRates.AddRange(
            new FeeRate { From = courseStart, AmountPence = 150_00, SetAt = now.AddDays(-120), SetById = team },
            new FeeRate { PartnerId = partner2.Id, From = courseStart.AddDays(14), AmountPence = 175_00, SetAt = now.AddDays(-100), SetById = team });
        var billing1 = new PartnerBilling
        {
            PartnerId = partner1.Id, Address = "Larkfield Leadership Ltd (fictional)\n1 Example Road\nLarkfield\nKent\nZZ1 1ZZ",
            PaymentDetails = "Larkfield Leadership Ltd, sort code 00-00-00, account 00000001 (fictional)", VatRegistered = true, VatNumber = "GB000000001",
            UpdatedAt = now.AddDays(-100),
        };
        var billing2 = new PartnerBilling
        {
            PartnerId = partner2.Id, Address = "2 Sample Street\nHarrowgate Hill\nDarlington\nZZ2 2ZZ (fictional)",
            PaymentDetails = "A. Rahman, sort code 00-00-00, account 00000002 (fictional)", UpdatedAt = now.AddDays(-100),
        };
        db.PartnerBillings.AddRange(billing1, billing2);
        await db.SaveChangesAsync(ct);

        var rates = await db.FeeRates.AsNoTracking().ToListAsync(ct);
        long sequence = 0;
        foreach (var (partner, billing) in new[] { (partner1, billing1), (partner2, billing2) })
        {
            var held = await db.Bookings.AsNoTracking()
                .Where(b => b.Slot.PartnerId == partner.Id && b.Status == Tutorials.BookingStatus.Held && b.Feedback != null)
                .OrderBy(b => b.Slot.StartsAt)
                .Select(b => new { b.Id, b.Slot.StartsAt, b.Project, b.Participant.User.FullName }).Take(4).ToListAsync(ct);
            var statuses = new[] { InvoiceStatus.Paid, InvoiceStatus.Approved, InvoiceStatus.Rejected, InvoiceStatus.Submitted };
            for (var i = 0; i < held.Count; i++)
            {
                var b = held[i];
                var status = statuses[i];
                var date = LondonTime.DateOf(b.StartsAt);
                var fee = InvoiceRules.FeeOn(date, rates, partner.Id)!.Value;
                var totals = InvoiceRules.Totals([fee], billing.VatRegistered);
                var submittedAt = b.StartsAt.AddDays(3);
                sequence++;
                var invoice = new Invoice
                {
                    Sequence = sequence, Number = Invoice.FormatNumber(sequence), PartnerId = partner.Id, IssuedOn = LondonTime.DateOf(submittedAt),
                    SubmittedAt = submittedAt, SubmittedById = partner.UserId, Status = status, PartnerName = partner.User.FullName, PartnerEmail = partner.User.Email ?? "",
                    PartnerAddress = billing.Address, PaymentDetails = billing.PaymentDetails,
                    VatNumber = billing.VatNumber, SubtotalPence = totals.SubtotalPence, VatPence = totals.VatPence, TotalPence = totals.TotalPence,
                    Lines =
                    [
                        new InvoiceLine
                        {
                            BookingId = b.Id, ActiveBookingId = status == InvoiceStatus.Rejected ? null : b.Id, TutorialDate = date, Project = b.Project,
                            DelegateInitials = InvoiceRules.Initials(b.FullName), FeePence = fee,
                        },
                    ],
                };
                if (status != InvoiceStatus.Submitted)
                {
                    invoice.DecidedAt = submittedAt.AddDays(4);
                    invoice.DecidedById = team;
                }
                if (status == InvoiceStatus.Rejected)
                {
                    invoice.RejectReason = "The tutorial date on the invoice does not match our records; please submit it again.";
                }
                if (status == InvoiceStatus.Paid)
                {
                    invoice.PaidOn = LondonTime.DateOf(submittedAt.AddDays(14));
                    invoice.PaymentReference = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"BACS-DEMO-{sequence:D4}");
                    invoice.PaidRecordedAt = submittedAt.AddDays(14);
                    invoice.PaidRecordedById = team;
                }
                db.Invoices.Add(invoice);
                await db.SaveChangesAsync(ct);
                db.AuditEntries.Add(AuditEntry.Of(Invoice.AuditSubject, invoice.Id, "Submitted", partner.UserId, submittedAt, $"{invoice.Number}: 1 tutorial(s), total {Money.Text(invoice.TotalPence)}"));
                if (invoice.DecidedAt is { } decided)
                {
                    db.AuditEntries.Add(AuditEntry.Of(Invoice.AuditSubject, invoice.Id, status == InvoiceStatus.Rejected ? "Rejected" : "Approved", team, decided, invoice.RejectReason));
                }
                if (invoice.PaidRecordedAt is { } paid)
                {
                    db.AuditEntries.Add(AuditEntry.Of(Invoice.AuditSubject, invoice.Id, "Paid", team, paid, $"Paid on {InvoiceExport.UkDate(invoice.PaidOn!.Value)}, reference {invoice.PaymentReference}"));
                }
            }
        }
        sequence = await SelfBillingAsync(db, partner1, billing1, rates, team, now, sequence, ct);
        // The migrations seed the counter's row; a database emptied by hand (the tests' reset) may not have it.
        if (await db.InvoiceCounters.Where(c => c.Id == InvoiceCounter.SingletonId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, sequence), ct) == 0)
        {
            db.InvoiceCounters.Add(new InvoiceCounter { Last = sequence });
        }
        await db.SaveChangesAsync(ct);

        // partner2's bank details changed yesterday and wait for the team to confirm them: the
        // partner's page shows "Confirm new payment details" and their invoices cannot be paid until then.
        billing2.PaymentDetails = "A. Rahman, sort code 00-00-00, account 00000022 (fictional)";
        billing2.AwaitingConfirmation = true;
        billing2.UpdatedAt = now.AddDays(-1);
        await db.SaveChangesAsync(ct);
    }

    // partner1 accepted a self-billing agreement a week ago; the team has raised one self-billed
    // invoice (the next number in the one sequence) from their next held tutorial, and more wait.
    private static async Task<long> SelfBillingAsync(AppDbContext db, PartnerProfile partner, PartnerBilling billing, List<FeeRate> rates, string team, DateTime now,
        long sequence, CancellationToken ct)
    {
        var startsOn = LondonTime.DateOf(now.AddDays(-7));
        var agreement = new SelfBillingAgreement
        {
            PartnerId = partner.Id, StartsOn = startsOn, EndsOn = SelfBillingAgreement.LatestEnd(startsOn),
            TermsText = string.Join("\n\n", SelfBillingAgreement.Terms("Roundtable Leadership Learning Ltd (the NPQ programme team)", partner.User.FullName, startsOn, SelfBillingAgreement.LatestEnd(startsOn))),
            AcceptedName = partner.User.FullName, AcceptedAt = now.AddDays(-7), AcceptedById = partner.UserId,
        };
        db.SelfBillingAgreements.Add(agreement);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(AuditEntry.Of(SelfBillingAgreement.AuditSubject, agreement.Id, "Accepted", partner.UserId, agreement.AcceptedAt,
            $"From {UkFormat.Date(agreement.StartsOn)} to {UkFormat.Date(agreement.EndsOn)}, signed \"{agreement.AcceptedName}\""));
        var invoiced = db.InvoiceLines.Where(l => l.ActiveBookingId != null).Select(l => l.ActiveBookingId!.Value);
        var next = await db.Bookings.AsNoTracking()
            .Where(b => b.Slot.PartnerId == partner.Id && b.Status == Tutorials.BookingStatus.Held && b.Feedback != null && !invoiced.Contains(b.Id))
            .OrderBy(b => b.Slot.StartsAt)
            .Select(b => new { b.Id, b.Slot.StartsAt, b.Project, b.Participant.User.FullName }).FirstAsync(ct);
        var date = LondonTime.DateOf(next.StartsAt);
        var fee = InvoiceRules.FeeOn(date, rates, partner.Id)!.Value;
        var totals = InvoiceRules.Totals([fee], billing.VatRegistered);
        var raisedAt = now.AddDays(-2);
        sequence++;
        var invoice = new Invoice
        {
            Sequence = sequence, Number = Invoice.FormatNumber(sequence), PartnerId = partner.Id, IssuedOn = LondonTime.DateOf(raisedAt), SubmittedAt = raisedAt,
            SubmittedById = team, Status = InvoiceStatus.Approved, DecidedAt = raisedAt, DecidedById = team, SelfBillingAgreementId = agreement.Id,
            PartnerName = partner.User.FullName, PartnerEmail = partner.User.Email ?? "", PartnerAddress = billing.Address, PaymentDetails = billing.PaymentDetails,
            VatNumber = billing.VatNumber, SubtotalPence = totals.SubtotalPence, VatPence = totals.VatPence, TotalPence = totals.TotalPence,
            Lines = [new InvoiceLine { BookingId = next.Id, ActiveBookingId = next.Id, TutorialDate = date, Project = next.Project, DelegateInitials = InvoiceRules.Initials(next.FullName), FeePence = fee }],
        };
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(AuditEntry.Of(Invoice.AuditSubject, invoice.Id, "Self-billed", team, raisedAt, $"{invoice.Number}: 1 tutorial(s), total {Money.Text(invoice.TotalPence)}"));
        return sequence;
    }
}
