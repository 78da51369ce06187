using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roundtable.Web.People;

namespace Roundtable.Web.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(AppUser.NameMaxLength).IsRequired();
        b.Property(u => u.Email).HasMaxLength(AppUser.EmailMaxLength);
        // Identity indexes NormalizedEmail but does not make it unique; one person, one e-mail.
        b.HasIndex(u => u.NormalizedEmail).IsUnique();
    }
}

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        b.Property(p => p.Code).HasMaxLength(Programme.CodeMaxLength).IsRequired();
        b.Property(p => p.Name).HasMaxLength(Programme.NameMaxLength).IsRequired();
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.DfeCourseIdentifier).HasMaxLength(Programme.DfeCourseMaxLength);
        b.Property(p => p.Regime).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> b)
    {
        b.Property(c => c.Name).HasMaxLength(Cohort.NameMaxLength).IsRequired();
        b.HasIndex(c => new { c.ProgrammeId, c.Name }).IsUnique();
        b.HasOne(c => c.Programme).WithMany(p => p.Cohorts).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> b)
    {
        b.Property(s => s.Name).HasMaxLength(School.NameMaxLength).IsRequired();
        b.Property(s => s.Phase).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.SettingType).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.Region).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(s => s.Urn).IsUnique();
    }
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> b)
    {
        b.Ignore(p => p.Birthday);
        b.HasIndex(p => new { p.CohortId, p.UserId }).IsUnique();
        // One place per DfE participant: accepting an application twice updates, never duplicates.
        b.Property(p => p.DfeParticipantId).HasMaxLength(Participant.DfeParticipantIdMaxLength);
        b.HasIndex(p => p.DfeParticipantId).IsUnique();
        b.Property(p => p.TrainingStatus).HasConversion<string>().HasMaxLength(20);
        b.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.Tutor).WithMany().HasForeignKey(p => p.TutorId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(p => p.Cohort).WithMany(c => c.Participants).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.School).WithMany().OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_Participant_Birthday",
            "(\"BirthdayDay\" IS NULL AND \"BirthdayMonth\" IS NULL) OR (\"BirthdayDay\" BETWEEN 1 AND 31 AND \"BirthdayMonth\" BETWEEN 1 AND 12)"));
    }
}

internal sealed class PendingImportConfiguration : IEntityTypeConfiguration<PendingImport>
{
    public void Configure(EntityTypeBuilder<PendingImport> b)
    {
        b.Property(p => p.FileName).HasMaxLength(260);
        b.HasOne<Cohort>().WithMany().HasForeignKey(p => p.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}
