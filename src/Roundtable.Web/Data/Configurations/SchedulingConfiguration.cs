using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roundtable.Web.Infrastructure.Email;
using Roundtable.Web.Reminders;
using Roundtable.Web.Scheduling;

namespace Roundtable.Web.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.To).HasMaxLength(OutboxMessage.AddressMaxLength).IsRequired();
        b.Property(m => m.ToName).HasMaxLength(OutboxMessage.NameMaxLength).IsRequired();
        b.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength).IsRequired();
        b.Property(m => m.TextBody).IsRequired();
        b.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        b.Property(m => m.LockedBy).HasMaxLength(OutboxMessage.LockedByMaxLength);
        // The claim looks for waiting rows that are due, oldest first.
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => m.LockedBy);
    }
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> b)
    {
        b.Property(r => r.Kind).HasMaxLength(ReminderKind.CodeMaxLength).IsRequired();
        b.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        b.Property(r => r.Subject).HasMaxLength(SentReminder.SubjectMaxLength).IsRequired();
        b.HasIndex(r => new { r.Kind, r.UserId, r.Subject }).IsUnique();
        b.HasIndex(r => r.Subject);
        b.HasOne<People.AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderOptOutConfiguration : IEntityTypeConfiguration<ReminderOptOut>
{
    public void Configure(EntityTypeBuilder<ReminderOptOut> b)
    {
        b.Property(o => o.Kind).HasMaxLength(ReminderKind.CodeMaxLength).IsRequired();
        b.Property(o => o.UserId).HasMaxLength(450).IsRequired();
        b.HasIndex(o => new { o.UserId, o.Kind }).IsUnique();
        b.HasOne<People.AppUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.HasKey(r => r.JobName);
        b.Property(r => r.JobName).HasMaxLength(JobRun.NameMaxLength);
        b.Property(r => r.LastServer).HasMaxLength(JobRun.ServerMaxLength);
        b.Property(r => r.LastOutcome).HasMaxLength(JobRun.ErrorMaxLength);
        b.Property(r => r.LastError).HasMaxLength(JobRun.ErrorMaxLength);
    }
}

internal sealed class RetentionSettingsConfiguration : IEntityTypeConfiguration<Privacy.RetentionSettings>
{
    public void Configure(EntityTypeBuilder<Privacy.RetentionSettings> b)
    {
        b.Property(r => r.UpdatedById).HasMaxLength(450);
        b.ToTable(t =>
        {
            foreach (var column in new[] { nameof(Privacy.RetentionSettings.ProgrammeMonths), nameof(Privacy.RetentionSettings.DelegateRecordsMonths),
                nameof(Privacy.RetentionSettings.AssessmentOutcomeMonths), nameof(Privacy.RetentionSettings.InvoiceMonths) })
            {
                t.HasCheckConstraint($"CK_RetentionSettings_{column}", $"\"{column}\" BETWEEN {Privacy.RetentionSettings.MinMonths} AND {Privacy.RetentionSettings.MaxMonths}");
            }
        });
        b.HasData(new Privacy.RetentionSettings());
    }
}
