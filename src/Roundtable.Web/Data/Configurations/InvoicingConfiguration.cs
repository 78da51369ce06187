using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roundtable.Web.Invoicing;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Data.Configurations;

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.HasOne(i => i.Partner).WithMany().HasForeignKey(i => i.PartnerId).OnDelete(DeleteBehavior.Restrict);
        // The backstops for "no gaps or repeats": the counter hands out each number once.
        b.HasIndex(i => i.Sequence).IsUnique();
        b.HasIndex(i => i.Number).IsUnique();
        b.HasIndex(i => new { i.PartnerId, i.Status });
        b.HasIndex(i => new { i.Status, i.IssuedOn });
        b.Property(i => i.Number).HasMaxLength(Invoice.NumberMaxLength);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.SubmittedById).HasMaxLength(450);
        b.Property(i => i.DecidedById).HasMaxLength(450);
        b.Property(i => i.PaidRecordedById).HasMaxLength(450);
        b.Property(i => i.PartnerName).HasMaxLength(People.AppUser.NameMaxLength);
        b.Property(i => i.PartnerEmail).HasMaxLength(People.AppUser.EmailMaxLength);
        b.Property(i => i.PartnerAddress).HasMaxLength(PartnerBilling.AddressMaxLength);
        b.Property(i => i.PaymentDetails).HasMaxLength(PartnerBilling.PaymentMaxLength);
        b.Property(i => i.VatNumber).HasMaxLength(PartnerBilling.VatNumberMaxLength);
        b.Property(i => i.RejectReason).HasMaxLength(Invoice.ReasonMaxLength);
        b.Property(i => i.PaymentReference).HasMaxLength(Invoice.ReferenceMaxLength);
        b.Property(i => i.DisputeReason).HasMaxLength(Invoice.ReasonMaxLength);
        b.HasOne(i => i.SelfBillingAgreement).WithMany().HasForeignKey(i => i.SelfBillingAgreementId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SelfBillingAgreementConfiguration : IEntityTypeConfiguration<SelfBillingAgreement>
{
    public void Configure(EntityTypeBuilder<SelfBillingAgreement> b)
    {
        b.HasOne(a => a.Partner).WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.PartnerId, a.StartsOn });
        b.Property(a => a.TermsText).HasMaxLength(SelfBillingAgreement.TermsMaxLength);
        b.Property(a => a.AcceptedName).HasMaxLength(SelfBillingAgreement.NameMaxLength);
        b.Property(a => a.AcceptedById).HasMaxLength(450);
        b.Property(a => a.EndedById).HasMaxLength(450);
        b.Property(a => a.EndReason).HasMaxLength(SelfBillingAgreement.ReasonMaxLength);
        b.ToTable(t => t.HasCheckConstraint("CK_SelfBillingAgreement_Dates", "\"EndsOn\" > \"StartsOn\""));
    }
}

internal sealed class InvoiceLineConfiguration : IEntityTypeConfiguration<InvoiceLine>
{
    public void Configure(EntityTypeBuilder<InvoiceLine> b)
    {
        b.HasOne(l => l.Invoice).WithMany(i => i.Lines).HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Booking>().WithMany().HasForeignKey(l => l.BookingId).OnDelete(DeleteBehavior.Restrict);
        // A tutorial is on at most one invoice that is not rejected; NULLs never collide.
        b.HasIndex(l => l.ActiveBookingId).IsUnique();
        b.HasIndex(l => l.BookingId);
        b.Property(l => l.DelegateInitials).HasMaxLength(InvoiceLine.InitialsMaxLength);
    }
}

internal sealed class InvoiceCounterConfiguration : IEntityTypeConfiguration<InvoiceCounter>
{
    public void Configure(EntityTypeBuilder<InvoiceCounter> b)
    {
        b.Property(c => c.Id).ValueGeneratedNever();
        b.HasData(new InvoiceCounter());
    }
}

internal sealed class FeeRateConfiguration : IEntityTypeConfiguration<FeeRate>
{
    public void Configure(EntityTypeBuilder<FeeRate> b)
    {
        b.HasOne(r => r.Partner).WithMany().HasForeignKey(r => r.PartnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.PartnerId, r.From });
        b.Property(r => r.SetById).HasMaxLength(450);
        b.ToTable(t => t.HasCheckConstraint("CK_FeeRate_Amount", $"\"AmountPence\" BETWEEN 0 AND {FeeRate.MaxPence}"));
    }
}

internal sealed class PartnerBillingConfiguration : IEntityTypeConfiguration<PartnerBilling>
{
    public void Configure(EntityTypeBuilder<PartnerBilling> b)
    {
        b.HasOne(x => x.Partner).WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PartnerId).IsUnique();
        b.Property(x => x.Address).HasMaxLength(PartnerBilling.AddressMaxLength);
        b.Property(x => x.PaymentDetails).HasMaxLength(PartnerBilling.PaymentMaxLength);
        b.Property(x => x.VatNumber).HasMaxLength(PartnerBilling.VatNumberMaxLength);
    }
}

internal sealed class InvoicingSettingsConfiguration : IEntityTypeConfiguration<InvoicingSettings>
{
    public void Configure(EntityTypeBuilder<InvoicingSettings> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasData(new InvoicingSettings());
    }
}
