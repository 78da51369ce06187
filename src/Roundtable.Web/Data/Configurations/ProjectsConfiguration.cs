using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roundtable.Web.Infrastructure.Files;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Data.Configurations;

internal static class ProjectColumn
{
    public const string ProjectCheck = "\"Project\" IN (1, 2)";
    // Assessed work: the projects and case-study responses (ProjectNumbers.CaseStudy).
    public const string AssessedCheck = "\"Project\" IN (1, 2, 3)";
}

internal sealed class Project1Configuration : IEntityTypeConfiguration<Project1>
{
    public void Configure(EntityTypeBuilder<Project1> b)
    {
        foreach (var text in new[] { nameof(Project1.Rationale), nameof(Project1.BaselineEvidence), nameof(Project1.SuccessCriteria),
                     nameof(Project1.Team), nameof(Project1.BoardFeedback), nameof(Project1.Evaluation), nameof(Project1.SmartTarget) })
        {
            b.Property<string?>(text).HasMaxLength(Project1.TextMaxLength);
        }
        b.Property(p => p.Origin).HasConversion<string>().HasMaxLength(20);
        // One Project 1 per delegate's place on a cohort.
        b.HasIndex(p => p.ParticipantId).IsUnique();
        b.HasOne(p => p.Participant).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class Project2Configuration : IEntityTypeConfiguration<Project2>
{
    public void Configure(EntityTypeBuilder<Project2> b)
    {
        b.Property(p => p.PlacementSchoolName).HasMaxLength(Project2.SchoolNameMaxLength);
        b.Property(p => p.PlacementSchoolPhase).HasConversion<string>().HasMaxLength(30);
        foreach (var text in new[] { nameof(Project2.ContrastPerformance), nameof(Project2.ContrastPupilProfile), nameof(Project2.ContrastGeography),
                     nameof(Project2.ContrastOther), nameof(Project2.Challenges), nameof(Project2.ActionPlan), nameof(Project2.BoardFeedback),
                     nameof(Project2.AreaExperience) })
        {
            b.Property<string?>(text).HasMaxLength(Project2.TextMaxLength);
        }
        b.HasIndex(p => p.ParticipantId).IsUnique();
        b.HasOne(p => p.Participant).WithMany().OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.PlacementDays).WithOne().HasForeignKey(d => d.Project2Id).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.ClosureDays).WithOne().HasForeignKey(d => d.Project2Id).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.BudgetLines).WithOne().HasForeignKey(l => l.Project2Id).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("CK_Project2_Urn",
            $"\"PlacementSchoolUrn\" IS NULL OR \"PlacementSchoolUrn\" BETWEEN {School.UrnMin} AND {School.UrnMax}"));
    }
}

internal sealed class PlacementDayConfiguration : IEntityTypeConfiguration<PlacementDay>
{
    public void Configure(EntityTypeBuilder<PlacementDay> b)
    {
        b.Property(d => d.Activity).HasMaxLength(PlacementDay.ActivityMaxLength).IsRequired();
        b.HasIndex(d => new { d.Project2Id, d.Date }).IsUnique();
    }
}

internal sealed class ClosureDayConfiguration : IEntityTypeConfiguration<ClosureDay>
{
    public void Configure(EntityTypeBuilder<ClosureDay> b)
    {
        b.Property(d => d.Reason).HasMaxLength(ClosureDay.ReasonMaxLength).IsRequired();
        b.HasIndex(d => new { d.Project2Id, d.Date }).IsUnique();
    }
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b)
    {
        b.Property(l => l.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(l => l.Description).HasMaxLength(BudgetLine.DescriptionMaxLength).IsRequired();
        b.HasIndex(l => new { l.Project2Id, l.Year });
        b.ToTable(t => t.HasCheckConstraint("CK_BudgetLine_Amount",
            $"\"AmountPence\" BETWEEN -{BudgetLine.MaxAbsPence} AND {BudgetLine.MaxAbsPence}"));
    }
}

internal sealed class RequirementOverrideConfiguration : IEntityTypeConfiguration<RequirementOverride>
{
    public void Configure(EntityTypeBuilder<RequirementOverride> b)
    {
        b.Property(o => o.Key).HasMaxLength(RequirementOverride.KeyMaxLength).IsRequired();
        b.Property(o => o.Reason).HasMaxLength(RequirementOverride.ReasonMaxLength).IsRequired();
        b.Property(o => o.CreatedById).HasMaxLength(450).IsRequired();
        b.Property(o => o.CreatedByName).HasMaxLength(AppUser.NameMaxLength).IsRequired();
        b.Property(o => o.WithdrawnByName).HasMaxLength(AppUser.NameMaxLength);
        // At most one override in force per requirement; withdrawn ones stay on record.
        b.HasIndex(o => new { o.ParticipantId, o.Project, o.Key }).IsUnique().HasFilter("\"WithdrawnAt\" IS NULL");
        b.HasOne(o => o.Participant).WithMany().OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("CK_RequirementOverride_Project", ProjectColumn.ProjectCheck));
    }
}

internal sealed class SchoolTermConfiguration : IEntityTypeConfiguration<SchoolTerm>
{
    public void Configure(EntityTypeBuilder<SchoolTerm> b)
    {
        b.Property(t => t.AcademicYear).HasMaxLength(SchoolTerm.AcademicYearMaxLength).IsRequired();
        b.Property(t => t.Name).HasMaxLength(SchoolTerm.NameMaxLength).IsRequired();
        b.HasIndex(t => t.Name).IsUnique();
        b.HasIndex(t => t.Start).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_SchoolTerm_Dates", "\"End\" >= \"Start\""));
    }
}

internal sealed class BankHolidayFileConfiguration : IEntityTypeConfiguration<BankHolidayFile>
{
    public void Configure(EntityTypeBuilder<BankHolidayFile> b)
    {
        b.Property(f => f.FileName).HasMaxLength(BankHolidayFile.FileNameMaxLength).IsRequired();
        b.Property(f => f.Json).IsRequired();
        b.Property(f => f.UploadedById).HasMaxLength(450).IsRequired();
        b.Property(f => f.UploadedByName).HasMaxLength(AppUser.NameMaxLength).IsRequired();
        b.HasIndex(f => f.UploadedAt);
    }
}

internal sealed class AssessmentCriterionConfiguration : IEntityTypeConfiguration<AssessmentCriterion>
{
    public void Configure(EntityTypeBuilder<AssessmentCriterion> b)
    {
        b.Property(c => c.Code).HasMaxLength(AssessmentCriterion.CodeMaxLength).IsRequired();
        b.Property(c => c.Text).HasMaxLength(AssessmentCriterion.TextMaxLength).IsRequired();
        b.HasIndex(c => new { c.Project, c.Code }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_AssessmentCriterion_Project", ProjectColumn.AssessedCheck));
    }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> b)
    {
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Form).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Section1).HasMaxLength(Submission.SectionMaxLength).IsRequired();
        b.Property(s => s.Section2).HasMaxLength(Submission.SectionMaxLength).IsRequired();
        b.Property(s => s.Section3).HasMaxLength(Submission.SectionMaxLength).IsRequired();
        b.Property(s => s.Annexes).HasMaxLength(Submission.SectionMaxLength).IsRequired();
        b.Property(s => s.OutcomeComment).HasMaxLength(Submission.CommentMaxLength);
        b.Property(s => s.ReleasedById).HasMaxLength(450);
        b.Property(s => s.AccountExcluded).HasMaxLength(Submission.ExcludedMaxLength).IsRequired();
        b.Ignore(s => s.ExcludedParts);
        b.HasOne(s => s.AccountFile).WithMany().HasForeignKey(s => s.AccountFileId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.ConcurrencyStamp).IsConcurrencyToken();
        // One row per version: two "submit" or "resubmit" clicks at once cannot both create one.
        b.HasIndex(s => new { s.ParticipantId, s.Project, s.Version }).IsUnique();
        b.HasIndex(s => new { s.AssessorId, s.Status });
        // One response per delegate per case study: two first saves or submits at once cannot both add one.
        b.HasIndex(s => new { s.CaseStudyId, s.ParticipantId }).IsUnique();
        b.HasOne(s => s.CaseStudy).WithMany().HasForeignKey(s => s.CaseStudyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Participant).WithMany().OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Assessor).WithMany().HasForeignKey(s => s.AssessorId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(s => s.Documents).WithOne().HasForeignKey(d => d.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Judgements).WithOne().HasForeignKey(j => j.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Submission_Project", ProjectColumn.AssessedCheck);
            // A case-study response names its case study; a project's account does not.
            t.HasCheckConstraint("CK_Submission_CaseStudy", "(\"Project\" = 3) = (\"CaseStudyId\" IS NOT NULL)");
            t.HasCheckConstraint("CK_Submission_Version", "\"Version\" >= 1");
        });
    }
}

internal sealed class SubmissionDocumentConfiguration : IEntityTypeConfiguration<SubmissionDocument>
{
    public void Configure(EntityTypeBuilder<SubmissionDocument> b)
    {
        b.HasIndex(d => new { d.SubmissionId, d.FileId }).IsUnique();
        b.HasOne(d => d.File).WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Criteria).WithOne().HasForeignKey(c => c.SubmissionDocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentCriterionConfiguration : IEntityTypeConfiguration<DocumentCriterion>
{
    public void Configure(EntityTypeBuilder<DocumentCriterion> b)
    {
        b.HasKey(c => new { c.SubmissionDocumentId, c.CriterionId });
        b.HasOne<AssessmentCriterion>().WithMany().HasForeignKey(c => c.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CriterionJudgementConfiguration : IEntityTypeConfiguration<CriterionJudgement>
{
    public void Configure(EntityTypeBuilder<CriterionJudgement> b)
    {
        b.Property(j => j.Comment).HasMaxLength(Submission.CommentMaxLength).IsRequired();
        // One judgement per criterion per submission.
        b.HasIndex(j => new { j.SubmissionId, j.CriterionId }).IsUnique();
        b.HasOne(j => j.Criterion).WithMany().HasForeignKey(j => j.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExemplarConfiguration : IEntityTypeConfiguration<Exemplar>
{
    public void Configure(EntityTypeBuilder<Exemplar> b)
    {
        b.Property(e => e.Title).HasMaxLength(Exemplar.TitleMaxLength).IsRequired();
        b.Property(e => e.Summary).HasMaxLength(Exemplar.SummaryMaxLength).IsRequired();
        b.Property(e => e.Phase).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.PublishedById).HasMaxLength(450).IsRequired();
        b.HasIndex(e => new { e.Project, e.Title }).IsUnique();
        b.HasOne(e => e.File).WithMany().HasForeignKey(e => e.FileId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_Exemplar_Project", ProjectColumn.ProjectCheck));
    }
}

internal sealed class CaseStudyConfiguration : IEntityTypeConfiguration<CaseStudy>
{
    public void Configure(EntityTypeBuilder<CaseStudy> b)
    {
        b.Property(c => c.Title).HasMaxLength(CaseStudy.TitleMaxLength).IsRequired();
        b.Property(c => c.Question).HasMaxLength(CaseStudy.QuestionMaxLength).IsRequired();
        b.Property(c => c.PublishedById).HasMaxLength(450).IsRequired();
        b.HasOne(c => c.Cohort).WithMany().HasForeignKey(c => c.CohortId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.File).WithMany().HasForeignKey(c => c.FileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.CohortId, c.OpensAt });
        b.HasMany(c => c.Adjustments).WithOne().HasForeignKey(a => a.CaseStudyId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_CaseStudy_Window", "\"ClosesAt\" > \"OpensAt\"");
            t.HasCheckConstraint("CK_CaseStudy_WordLimit", $"\"WordLimit\" BETWEEN {CaseStudy.MinWordLimit} AND {CaseStudy.MaxWordLimit}");
            t.HasCheckConstraint("CK_CaseStudy_Threshold", "\"AttendanceThreshold\" BETWEEN 0 AND 100");
        });
    }
}

internal sealed class CaseStudyAdjustmentConfiguration : IEntityTypeConfiguration<CaseStudyAdjustment>
{
    public void Configure(EntityTypeBuilder<CaseStudyAdjustment> b)
    {
        b.Property(a => a.EligibilityReason).HasMaxLength(CaseStudyAdjustment.ReasonMaxLength);
        b.Property(a => a.ExtensionReason).HasMaxLength(CaseStudyAdjustment.ReasonMaxLength);
        b.Property(a => a.ChangedById).HasMaxLength(450).IsRequired();
        b.HasIndex(a => new { a.CaseStudyId, a.ParticipantId }).IsUnique();
        b.HasOne(a => a.Participant).WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}
