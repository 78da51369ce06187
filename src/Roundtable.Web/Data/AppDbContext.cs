using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Infrastructure.Files;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Data;

// One model for both providers; SqliteAppDbContext and PostgresAppDbContext exist only so that each
// provider keeps its own migrations folder.
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<PendingImport> PendingImports => Set<PendingImport>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<CommunityGroup> CommunityGroups => Set<CommunityGroup>();
    public DbSet<CommunityMember> CommunityMembers => Set<CommunityMember>();
    public DbSet<CommunitySession> CommunitySessions => Set<CommunitySession>();
    public DbSet<SessionAttendance> SessionAttendance => Set<SessionAttendance>();
    public DbSet<SessionTurn> SessionTurns => Set<SessionTurn>();
    public DbSet<ProblemCard> ProblemCards => Set<ProblemCard>();
    public DbSet<BuddyPair> BuddyPairs => Set<BuddyPair>();
    public DbSet<BuddyPairMember> BuddyPairMembers => Set<BuddyPairMember>();
    public DbSet<BuddyCheckIn> BuddyCheckIns => Set<BuddyCheckIn>();
    public DbSet<ProtocolStepSetting> ProtocolSteps => Set<ProtocolStepSetting>();
    public DbSet<FrameworkArea> FrameworkAreas => Set<FrameworkArea>();
    public DbSet<LiveSessions.LiveSession> LiveSessions => Set<LiveSessions.LiveSession>();
    public DbSet<LiveSessions.LiveBreakout> LiveBreakouts => Set<LiveSessions.LiveBreakout>();
    public DbSet<LiveSessions.LiveBreakoutMember> LiveBreakoutMembers => Set<LiveSessions.LiveBreakoutMember>();
    public DbSet<Project1> Project1s => Set<Project1>();
    public DbSet<Project2> Project2s => Set<Project2>();
    public DbSet<PlacementDay> PlacementDays => Set<PlacementDay>();
    public DbSet<ClosureDay> ClosureDays => Set<ClosureDay>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<RequirementOverride> RequirementOverrides => Set<RequirementOverride>();
    public DbSet<SchoolTerm> SchoolTerms => Set<SchoolTerm>();
    public DbSet<BankHolidayFile> BankHolidayFiles => Set<BankHolidayFile>();
    public DbSet<AssessmentCriterion> AssessmentCriteria => Set<AssessmentCriterion>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<SubmissionDocument> SubmissionDocuments => Set<SubmissionDocument>();
    public DbSet<DocumentCriterion> DocumentCriteria => Set<DocumentCriterion>();
    public DbSet<CriterionJudgement> CriterionJudgements => Set<CriterionJudgement>();
    public DbSet<Exemplar> Exemplars => Set<Exemplar>();
    public DbSet<CaseStudy> CaseStudies => Set<CaseStudy>();
    public DbSet<CaseStudyAdjustment> CaseStudyAdjustments => Set<CaseStudyAdjustment>();
    public DbSet<Tutorials.PartnerProfile> PartnerProfiles => Set<Tutorials.PartnerProfile>();
    public DbSet<Tutorials.TutorialSlot> TutorialSlots => Set<Tutorials.TutorialSlot>();
    public DbSet<Tutorials.Booking> Bookings => Set<Tutorials.Booking>();
    public DbSet<Tutorials.TutorialFeedback> TutorialFeedback => Set<Tutorials.TutorialFeedback>();
    public DbSet<Tutorials.Referral> Referrals => Set<Tutorials.Referral>();
    public DbSet<Tutorials.WindowOverride> WindowOverrides => Set<Tutorials.WindowOverride>();
    public DbSet<Tutorials.TutorialSettings> TutorialSettings => Set<Tutorials.TutorialSettings>();
    public DbSet<Protocol> Protocols => Set<Protocol>();
    public DbSet<ProtocolVersion> ProtocolVersions => Set<ProtocolVersion>();
    public DbSet<Infrastructure.Audit.AuditEntry> AuditEntries => Set<Infrastructure.Audit.AuditEntry>();
    public DbSet<Invoicing.Invoice> Invoices => Set<Invoicing.Invoice>();
    public DbSet<Invoicing.InvoiceLine> InvoiceLines => Set<Invoicing.InvoiceLine>();
    public DbSet<Invoicing.InvoiceCounter> InvoiceCounters => Set<Invoicing.InvoiceCounter>();
    public DbSet<Invoicing.FeeRate> FeeRates => Set<Invoicing.FeeRate>();
    public DbSet<Invoicing.PartnerBilling> PartnerBillings => Set<Invoicing.PartnerBilling>();
    public DbSet<Invoicing.InvoicingSettings> InvoicingSettings => Set<Invoicing.InvoicingSettings>();
    public DbSet<Invoicing.SelfBillingAgreement> SelfBillingAgreements => Set<Invoicing.SelfBillingAgreement>();
    public DbSet<Tutorials.ProgrammeContacts> ProgrammeContacts => Set<Tutorials.ProgrammeContacts>();
    public DbSet<Calendars.CalendarFeed> CalendarFeeds => Set<Calendars.CalendarFeed>();
    public DbSet<Infrastructure.Email.OutboxMessage> OutboxMessages => Set<Infrastructure.Email.OutboxMessage>();
    public DbSet<Reminders.SentReminder> SentReminders => Set<Reminders.SentReminder>();
    public DbSet<Dfe.DfeSettings> DfeSettings => Set<Dfe.DfeSettings>();
    public DbSet<Dfe.DfeApplication> DfeApplications => Set<Dfe.DfeApplication>();
    public DbSet<Dfe.DfeStatusChange> DfeStatusChanges => Set<Dfe.DfeStatusChange>();
    public DbSet<Reminders.ReminderOptOut> ReminderOptOuts => Set<Reminders.ReminderOptOut>();
    public DbSet<Scheduling.JobRun> JobRuns => Set<Scheduling.JobRun>();
    public DbSet<Privacy.RetentionSettings> RetentionSettings => Set<Privacy.RetentionSettings>();
    public DbSet<Dfe.Declaration> Declarations => Set<Dfe.Declaration>();
    public DbSet<Dfe.DeclarationRuleSettings> DeclarationRuleSettings => Set<Dfe.DeclarationRuleSettings>();
    public DbSet<Insight.CohortBudget> CohortBudgets => Set<Insight.CohortBudget>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.Entity<IdentityRole>().HasData(RoleSeed.Rows);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // The audit trail is append-only; the PostgreSQL trigger is the backstop for anything else.
    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<Infrastructure.Audit.AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only: they cannot be changed or deleted.");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite returns DateTime with Kind=Unspecified and Npgsql insists on UTC: every instant is
        // stored and read back as UTC on both.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);

internal static class RoleSeed
{
    // Fixed ids and stamps keep the seeded rows identical in every migration.
    public static readonly IdentityRole[] Rows = Roles.All
        .Select(role => new IdentityRole(role)
        {
            Id = "role-" + role.ToLowerInvariant(),
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = "seed-" + role.ToLowerInvariant(),
        })
        .ToArray();

    public static string IdOf(string role) => Rows.Single(r => r.Name == role).Id;
}
