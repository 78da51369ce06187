using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Email;

namespace Roundtable.Web.Invoicing;

public sealed record PaymentDetailsChange(string Address, string PaymentDetails, string? VatNumber);

// A partner's invoice address, bank details and VAT status. A change to the bank details or the VAT
// status is e-mailed at once to the partner's address on record (the one before any change, so an
// impostor cannot redirect the warning) and holds approval and payment until the team confirms it.
// The change itself is written to the audit trail by AuditInterceptor, masked.
public sealed class PartnerPaymentDetails(AppDbContext db, TimeProvider time)
{
    public const string AwaitingConfirmationMessage =
        "The partner's payment details have changed and are not yet confirmed. Check the change with the partner, then confirm the new payment details on the partner's page.";

    // False when someone else saved the same partner's details at the same moment.
    public async Task<bool> SaveAsync(int partnerId, PaymentDetailsChange change, CancellationToken ct = default)
    {
        var now = time.UtcNow();
        var billing = await db.PartnerBillings.FirstOrDefaultAsync(b => b.PartnerId == partnerId, ct);
        var vatRegistered = change.VatNumber is not null;
        var paymentChanged = billing is not null
            && (billing.PaymentDetails != change.PaymentDetails || billing.VatRegistered != vatRegistered || billing.VatNumber != change.VatNumber);
        if (billing is null)
        {
            billing = new PartnerBilling { PartnerId = partnerId };
            db.PartnerBillings.Add(billing);
        }
        billing.Address = change.Address;
        billing.PaymentDetails = change.PaymentDetails;
        billing.VatRegistered = vatRegistered;
        billing.VatNumber = change.VatNumber;
        billing.UpdatedAt = now;
        if (paymentChanged)
        {
            billing.AwaitingConfirmation = true;
            var partner = await db.PartnerProfiles.AsNoTracking().Where(p => p.Id == partnerId)
                .Select(p => new { p.User.Email, p.User.FullName }).SingleAsync(ct);
            if (partner.Email is not null)
            {
                db.QueueEmail(ChangedEmail(partner.Email, partner.FullName, billing, now), time);
            }
        }
        return await db.TrySaveUniqueAsync(ct);
    }

    public async Task<Result<PartnerBilling>> ConfirmAsync(int partnerId, string userId, CancellationToken ct = default)
    {
        var billing = await db.PartnerBillings.Include(b => b.Partner).FirstOrDefaultAsync(b => b.PartnerId == partnerId, ct);
        if (billing is null)
        {
            return Failure.NotFound("This partner has no payment details.");
        }
        if (!billing.AwaitingConfirmation)
        {
            return Failure.Conflict("These payment details are already confirmed.");
        }
        billing.AwaitingConfirmation = false;
        db.AuditEntries.Add(AuditEntry.For(AuditedKinds.Partner, partnerId, "New payment details confirmed", userId, time.UtcNow(),
            personId: billing.Partner.UserId, changes: new AuditChanges().Add(nameof(PartnerBilling.PaymentDetails), null, AuditMask.BankDetails(billing.PaymentDetails))));
        await db.SaveChangesAsync(ct);
        return billing;
    }

    public static EmailMessage ChangedEmail(string to, string name, PartnerBilling billing, DateTime at) =>
        new(to, name, "Your payment details for Roundtable have changed",
            $"""
            Dear {name},

            The payment details we hold for your invoices were changed on {UkFormat.DateTime(at)}.

            Bank account: {AuditMask.BankDetails(billing.PaymentDetails)}
            VAT registered: {(billing.VatRegistered ? "yes, " + billing.VatNumber : "no")}

            Nothing will be paid to the new details until the programme team has checked them with you.
            If you did not ask for this change, contact the programme team at once.

            The programme team
            """);
}
