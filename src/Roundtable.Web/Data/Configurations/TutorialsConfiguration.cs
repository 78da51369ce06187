using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Data.Configurations;

internal sealed class PartnerProfileConfiguration : IEntityTypeConfiguration<PartnerProfile>
{
    public void Configure(EntityTypeBuilder<PartnerProfile> b)
    {
        b.HasIndex(p => p.UserId).IsUnique();
        b.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.Phase).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.SettingType).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.Region).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.Specialisms).HasMaxLength(PartnerProfile.SpecialismsMaxLength);
        b.Property(p => p.Biography).HasMaxLength(PartnerProfile.BiographyMaxLength);
        b.ToTable(t => t.HasCheckConstraint("CK_PartnerProfile_MonthlyCap", $"\"MonthlyCap\" BETWEEN 1 AND {PartnerProfile.MaxMonthlyCap}"));
    }
}

internal sealed class TutorialSlotConfiguration : IEntityTypeConfiguration<TutorialSlot>
{
    public void Configure(EntityTypeBuilder<TutorialSlot> b)
    {
        b.HasOne(s => s.Partner).WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.PartnerId, s.StartsAt });
        b.HasIndex(s => s.StartsAt);
        b.Property(s => s.Mode).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Where).HasMaxLength(TutorialSlot.WhereMaxLength);
        b.Property(s => s.WithdrawnReason).HasMaxLength(TutorialSlot.ReasonMaxLength);
        b.Ignore(s => s.EndsAt);
        b.ToTable(t => t.HasCheckConstraint("CK_TutorialSlot_Minutes",
            $"\"Minutes\" BETWEEN {TutorialSlot.MinMinutes} AND {TutorialSlot.MaxMinutes}"));
    }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> b)
    {
        b.HasOne(x => x.Slot).WithMany().HasForeignKey(x => x.SlotId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Participant).WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Feedback).WithOne().HasForeignKey<TutorialFeedback>(f => f.BookingId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Focus).HasMaxLength(Booking.FocusMaxLength);
        b.Property(x => x.ProjectSummary).HasMaxLength(Booking.SummaryMaxLength);
        b.Property(x => x.CancelReason).HasMaxLength(Booking.ReasonMaxLength);
        b.Property(x => x.CancelledById).HasMaxLength(450);
        b.Property(x => x.AllowanceRestoredById).HasMaxLength(450);
        // The backstops: a slot is held by one booking; a delegate uses one tutorial per project.
        // NULLs never collide, on SQLite and PostgreSQL alike.
        b.HasIndex(x => x.ActiveSlotId).IsUnique();
        b.HasIndex(x => new { x.ParticipantId, x.AllowanceProject }).IsUnique();
        b.HasIndex(x => x.SlotId);
        b.Ignore(x => x.IsActive);
        b.Ignore(x => x.UsesAllowance);
        b.ToTable(t => t.HasCheckConstraint("CK_Booking_Project", ProjectColumn.ProjectCheck));
    }
}

internal sealed class TutorialFeedbackConfiguration : IEntityTypeConfiguration<TutorialFeedback>
{
    public void Configure(EntityTypeBuilder<TutorialFeedback> b)
    {
        b.HasIndex(f => f.BookingId).IsUnique();
        b.Property(f => f.Notes).HasMaxLength(TutorialFeedback.NotesMaxLength);
        b.Property(f => f.RecordedById).HasMaxLength(450);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.HasOne(r => r.Booking).WithMany().HasForeignKey(r => r.BookingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.TutorId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(r => r.BookingId).IsUnique();
        b.Property(r => r.Reason).HasMaxLength(Referral.ReasonMaxLength);
        b.Property(r => r.DealtWithById).HasMaxLength(450);
    }
}

internal sealed class WindowOverrideConfiguration : IEntityTypeConfiguration<WindowOverride>
{
    public void Configure(EntityTypeBuilder<WindowOverride> b)
    {
        b.HasOne(o => o.Participant).WithMany().HasForeignKey(o => o.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => new { o.ParticipantId, o.Project }).IsUnique();
        b.Property(o => o.Reason).HasMaxLength(WindowOverride.ReasonMaxLength);
        b.Property(o => o.ById).HasMaxLength(450);
        b.ToTable(t => t.HasCheckConstraint("CK_WindowOverride_Project", ProjectColumn.ProjectCheck));
    }
}

internal sealed class TutorialSettingsConfiguration : IEntityTypeConfiguration<TutorialSettings>
{
    public void Configure(EntityTypeBuilder<TutorialSettings> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasData(new TutorialSettings());
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(a => new { a.Subject, a.SubjectId });
        b.Property(a => a.Subject).HasMaxLength(AuditEntry.SubjectMaxLength);
        b.Property(a => a.Action).HasMaxLength(AuditEntry.ActionMaxLength);
        b.Property(a => a.Detail).HasMaxLength(AuditEntry.DetailMaxLength);
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.PersonId).HasMaxLength(AuditEntry.PersonIdMaxLength);
        b.Property(a => a.Changes).HasMaxLength(AuditEntry.ChangesMaxLength);
        b.HasIndex(a => a.PersonId);
        b.HasIndex(a => a.At);
    }
}

internal sealed class ProgrammeContactsConfiguration : IEntityTypeConfiguration<ProgrammeContacts>
{
    public void Configure(EntityTypeBuilder<ProgrammeContacts> b)
    {
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Text).HasMaxLength(ProgrammeContacts.TextMaxLength);
        b.Property(c => c.UpdatedById).HasMaxLength(450);
    }
}
