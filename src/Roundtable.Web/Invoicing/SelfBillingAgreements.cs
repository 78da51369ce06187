using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Audit;

namespace Roundtable.Web.Invoicing;

// Accepting and ending self-billing agreements, for the API and the pages alike.
public sealed class SelfBillingAgreements(AppDbContext db, TimeProvider time, IOptions<TrainingProviderOptions> provider)
{
    public string ProviderName => string.IsNullOrWhiteSpace(provider.Value.LegalName) ? "the training provider" : provider.Value.LegalName;

    public IReadOnlyList<string> TermsFor(string partnerName, DateOnly startsOn, DateOnly endsOn) =>
        SelfBillingAgreement.Terms(ProviderName, partnerName, startsOn, endsOn);

    // The partner's agreements, newest first (a partner sees only their own).
    public Task<List<SelfBillingAgreement>> ForPartnerAsync(string partnerUserId, CancellationToken ct = default) =>
        db.SelfBillingAgreements.AsNoTracking().Where(a => a.Partner.UserId == partnerUserId)
            .OrderByDescending(a => a.StartsOn).ThenByDescending(a => a.Id).ToListAsync(ct);

    public Task<SelfBillingAgreement?> InForceAsync(int partnerId, CancellationToken ct = default)
    {
        var today = LondonTime.Today(time);
        return db.SelfBillingAgreements.AsNoTracking()
            .FirstOrDefaultAsync(a => a.PartnerId == partnerId && a.EndedAt == null && a.StartsOn <= today && a.EndsOn >= today, ct);
    }

    // The partner reads the terms in full, ticks the box and types their name. Agreements for one
    // partner may follow each other (a renewal) but not overlap. The no-op update takes the
    // partner's row lock on PostgreSQL (SQLite's transaction holds the write lock), so two
    // acceptances at once are checked one after the other.
    public async Task<Result<SelfBillingAgreement>> AcceptAsync(string partnerUserId, AcceptAgreementInput input, CancellationToken ct = default)
    {
        if (input.Check(LondonTime.Today(time)) is { } invalid)
        {
            return invalid;
        }
        var (startsOn, endsOn) = (input.StartsOn!.Value, input.EndsOn!.Value);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var locked = await db.PartnerProfiles.Where(p => p.UserId == partnerUserId).ExecuteUpdateAsync(s => s.SetProperty(p => p.UserId, p => p.UserId), ct);
        if (locked == 0)
        {
            return Failure.Forbidden("Self-billing agreements are for professional partners.");
        }
        var partner = await db.PartnerProfiles.AsNoTracking().Where(p => p.UserId == partnerUserId).Select(p => new { p.Id, p.User.FullName }).SingleAsync(ct);
        var overlapping = await db.SelfBillingAgreements.AsNoTracking()
            .Where(a => a.PartnerId == partner.Id && a.EndedAt == null && a.StartsOn <= endsOn && startsOn <= a.EndsOn)
            .Select(a => new { a.StartsOn, a.EndsOn }).FirstOrDefaultAsync(ct);
        if (overlapping is not null)
        {
            return Failure.Conflict(
                $"You already have a self-billing agreement from {UkFormat.Date(overlapping.StartsOn)} to {UkFormat.Date(overlapping.EndsOn)}: a new one must start after it ends.",
                nameof(AcceptAgreementInput.StartsOn));
        }
        var now = time.UtcNow();
        var agreement = new SelfBillingAgreement
        {
            PartnerId = partner.Id, StartsOn = startsOn, EndsOn = endsOn,
            TermsText = string.Join("\n\n", TermsFor(partner.FullName, startsOn, endsOn)),
            AcceptedName = input.Name!.Trim(), AcceptedAt = now, AcceptedById = partnerUserId,
        };
        db.SelfBillingAgreements.Add(agreement);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(AuditEntry.Of(SelfBillingAgreement.AuditSubject, agreement.Id, "Accepted", partnerUserId, now,
            $"From {UkFormat.Date(startsOn)} to {UkFormat.Date(endsOn)}, signed \"{agreement.AcceptedName}\""));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return agreement;
    }

    // The programme team ends an agreement early, with a reason; the partner invoices for themselves again.
    public async Task<Result<SelfBillingAgreement>> EndAsync(int id, string teamUserId, string? reason, CancellationToken ct = default)
    {
        if (new ReasonInput(reason).Check("for ending the agreement") is { } invalid)
        {
            return invalid;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var agreement = await db.SelfBillingAgreements.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null)
        {
            return Failure.NotFound("There is no self-billing agreement with that id.");
        }
        var now = time.UtcNow();
        if (agreement.End(teamUserId, reason!, now) is { } refused)
        {
            return refused;
        }
        db.AuditEntries.Add(AuditEntry.Of(SelfBillingAgreement.AuditSubject, id, "Ended", teamUserId, now, agreement.EndReason));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return agreement;
    }
}
