using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roundtable.Web.Dfe;
using Roundtable.Web.People;

namespace Roundtable.Web.Data.Configurations;

internal sealed class DfeSettingsConfiguration : IEntityTypeConfiguration<DfeSettings>
{
    public void Configure(EntityTypeBuilder<DfeSettings> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.BaseUrl).HasMaxLength(DfeSettings.BaseUrlMaxLength);
        b.Property(s => s.ProtectedToken).HasMaxLength(4000);
        b.Property(s => s.TokenEnding).HasMaxLength(8);
        b.Property(s => s.ProviderName).HasMaxLength(DfeSettings.ProviderNameMaxLength);
        b.Property(s => s.UpdatedById).HasMaxLength(450);
        b.Property(s => s.LastSyncOutcome).HasMaxLength(DfeSettings.OutcomeMaxLength);
    }
}

internal sealed class DfeApplicationConfiguration : IEntityTypeConfiguration<DfeApplication>
{
    public void Configure(EntityTypeBuilder<DfeApplication> b)
    {
        // One row per DfE application: a sync updates it in place.
        b.HasIndex(a => a.DfeId).IsUnique();
        b.HasIndex(a => new { a.Status, a.FullName });
        b.Property(a => a.DfeId).HasMaxLength(DfeApplication.IdMaxLength).IsRequired();
        b.Property(a => a.DfeParticipantId).HasMaxLength(DfeApplication.IdMaxLength).IsRequired();
        b.Property(a => a.FullName).HasMaxLength(DfeApplication.NameMaxLength).IsRequired();
        b.Property(a => a.Email).HasMaxLength(DfeApplication.EmailMaxLength);
        b.Property(a => a.CourseIdentifier).HasMaxLength(DfeApplication.CodeMaxLength).IsRequired();
        b.Property(a => a.SchoolUrn).HasMaxLength(DfeApplication.CodeMaxLength);
        b.Property(a => a.SchoolUkprn).HasMaxLength(DfeApplication.CodeMaxLength);
        b.Property(a => a.EmployerName).HasMaxLength(DfeApplication.TextMaxLength);
        b.Property(a => a.EmploymentRole).HasMaxLength(DfeApplication.TextMaxLength);
        b.Property(a => a.DfeCohort).HasMaxLength(DfeApplication.CodeMaxLength);
        b.Property(a => a.ScheduleIdentifier).HasMaxLength(DfeApplication.CodeMaxLength);
        b.Property(a => a.FundingChoice).HasMaxLength(DfeApplication.CodeMaxLength);
        b.Property(a => a.IneligibleForFundingReason).HasMaxLength(DfeApplication.CodeMaxLength);
        b.Property(a => a.HeadteacherStatus).HasMaxLength(DfeApplication.CodeMaxLength);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.ReasonForRejection).HasMaxLength(DfeApplication.ReasonMaxLength);
        b.Property(a => a.DecidedById).HasMaxLength(450);
        b.Property(a => a.LastError).HasMaxLength(DfeApplication.ErrorMaxLength);
        b.HasOne<Participant>().WithMany().HasForeignKey(a => a.ParticipantRowId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class DfeStatusChangeConfiguration : IEntityTypeConfiguration<DfeStatusChange>
{
    public void Configure(EntityTypeBuilder<DfeStatusChange> b)
    {
        b.HasOne<Participant>().WithMany().HasForeignKey(c => c.ParticipantRowId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.State, c.RecordedAt });
        b.Property(c => c.Change).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Reason).HasMaxLength(DfeStatusChange.ReasonMaxLength);
        b.Property(c => c.RecordedById).HasMaxLength(450);
        b.Property(c => c.Error).HasMaxLength(DfeStatusChange.ErrorMaxLength);
    }
}
