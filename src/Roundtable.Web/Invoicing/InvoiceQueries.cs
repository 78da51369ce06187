using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Invoicing;

public sealed record Invoiceable(int BookingId, DateOnly Date, int Project, string DelegateInitials, long FeePence);

// What partners may invoice and the invoices themselves, for the API and the pages alike.
public sealed class InvoiceQueries(AppDbContext db)
{
    public async Task<bool> NoShowPayableAsync(CancellationToken ct = default) =>
        await db.InvoicingSettings.Where(s => s.Id == InvoicingSettings.SingletonId).Select(s => s.NoShowPayable).FirstOrDefaultAsync(ct);

    // Held tutorials (and no-shows, when the team pays for them) with feedback recorded and on
    // no invoice that is still live; oldest first.
    public async Task<List<Invoiceable>> InvoiceableAsync(string partnerUserId, CancellationToken ct = default) =>
        (await CandidatesAsync(partnerUserId, ct)).Where(c => c.FeePence is not null)
            .Select(c => new Invoiceable(c.BookingId, c.Date, c.Project, c.Initials, c.FeePence!.Value)).ToList();

    // Tutorials that could be invoiced but for the fee: no rate covers their date yet.
    public async Task<List<DateOnly>> WaitingForAFeeAsync(string partnerUserId, CancellationToken ct = default) =>
        (await CandidatesAsync(partnerUserId, ct)).Where(c => c.FeePence is null).Select(c => c.Date).ToList();

    private sealed record Candidate(int BookingId, DateOnly Date, int Project, string Initials, long? FeePence);

    // Held (or payable no-show) tutorials with feedback on no live invoice, with the fee for their date if any.
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
                return new Candidate(r.Id, date, r.Project, InvoiceLine.InitialsOf(r.FullName), InvoiceRules.FeeOn(date, rates, r.PartnerId));
            })
            .ToList();
    }

    // The default rates and the partner's own, for InvoiceRules.FeeOn.
    public Task<List<FeeRate>> RatesForAsync(int partnerId, CancellationToken ct) =>
        db.FeeRates.AsNoTracking().Where(r => r.PartnerId == null || r.PartnerId == partnerId).ToListAsync(ct);

    public Task<Invoice?> LoadAsync(int id, CancellationToken ct = default) =>
        db.Invoices.AsNoTracking().Include(i => i.Lines.OrderBy(l => l.TutorialDate).ThenBy(l => l.BookingId)).FirstOrDefaultAsync(i => i.Id == id, ct);

    // The partner sees only their own invoices; anyone else's is "not found".
    public Task<Invoice?> LoadForPartnerAsync(int id, string partnerUserId, CancellationToken ct = default) =>
        db.Invoices.AsNoTracking().Include(i => i.Lines.OrderBy(l => l.TutorialDate).ThenBy(l => l.BookingId))
            .FirstOrDefaultAsync(i => i.Id == id && i.Partner.UserId == partnerUserId, ct);

    public Task<bool> PartnerDetailsAwaitingConfirmationAsync(int partnerId, CancellationToken ct = default) =>
        db.PartnerBillings.AnyAsync(b => b.PartnerId == partnerId && b.AwaitingConfirmation, ct);
}
