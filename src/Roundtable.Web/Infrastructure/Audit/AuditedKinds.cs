using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Invoicing;
using Roundtable.Web.People;
using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Infrastructure.Audit;

// The kinds of record whose every change is written to the trail by AuditInterceptor, with the
// fields that matter (and how each is masked). Bookings, feedback and invoices write their own,
// more descriptive entries in their services and are not listed here.
public static class AuditedKinds
{
    public const string Person = "Person";
    public const string Partner = "Partner";
    public const string Submission = "Submission";
    public const string RequirementOverride = "Requirement override";
    public const string WindowOverride = "Window override";
    public const string FeeRate = "Fee rate";
    public const string ProtocolStep = "Protocol step";
    public const string Programme = "Programme";
    public const string Cohort = "Cohort";
    public const string FrameworkArea = "Framework area";
    public const string AssessmentCriterion = "Assessment criterion";
    public const string Settings = "Settings";
    public const string CaseStudy = "Case study";
    public const string Import = "Import";
    public const string Email = "E-mail";
    public const string Budget = "Budget";

    public sealed record Field(string Name, Func<object?, object?>? Mask = null);

    public sealed record Kind(
        string RecordType,
        string Label,
        IReadOnlyList<Field> Fields,
        Func<object, int> RecordId,
        Func<AppDbContext, object, CancellationToken, Task<string?>> PersonOf)
    {
        public string Action(EntityState state) => state switch
        {
            EntityState.Added => $"{Label} added",
            EntityState.Deleted => $"{Label} removed",
            _ => $"{Label} changed",
        };

        // Null when none of the fields that matter changed.
        public AuditChanges? Changes(EntityEntry entry) => Diff(name =>
        {
            var property = entry.Property(name);
            return entry.State switch
            {
                EntityState.Added => (null, property.CurrentValue),
                EntityState.Deleted => (property.OriginalValue, null),
                _ => (property.OriginalValue, property.CurrentValue),
            };
        });

        // The same for a record inserted without the change tracker (the import's PostgreSQL COPY).
        public AuditChanges? ChangesOfAdded(IEntityType type, object entity) =>
            Diff(name => (null, type.FindProperty(name)!.GetGetter().GetClrValueUsingContainingEntity(entity)));

        private AuditChanges? Diff(Func<string, (object? Before, object? After)> values)
        {
            var changes = new AuditChanges();
            foreach (var field in Fields)
            {
                var mask = field.Mask ?? (v => v);
                // Compared before masking: a new address on the same domain is still a change.
                var (before, after) = values(field.Name);
                if (!Equals(before, after))
                {
                    changes.Add(field.Name, before is null ? null : mask(before), after is null ? null : mask(after));
                }
            }
            return changes.IsEmpty ? null : changes;
        }
    }

    private static readonly Dictionary<Type, Kind> Kinds = new()
    {
        [typeof(AppUser)] = new(Person, "E-mail address", [new(nameof(AppUser.Email), v => AuditMask.Email(v as string))],
            _ => 0, (_, e, _) => Task.FromResult<string?>(((AppUser)e).Id)),
        [typeof(IdentityUserRole<string>)] = new(Person, "Role", [new(nameof(IdentityUserRole<>.RoleId), v => RoleName(v as string))],
            _ => 0, (_, e, _) => Task.FromResult<string?>(((IdentityUserRole<string>)e).UserId)),
        [typeof(PartnerBilling)] = new(Partner, "Payment details",
            [new(nameof(PartnerBilling.PaymentDetails), v => AuditMask.BankDetails(v as string)), new(nameof(PartnerBilling.VatRegistered)), new(nameof(PartnerBilling.VatNumber))],
            e => ((PartnerBilling)e).PartnerId, (db, e, ct) => PartnerUserAsync(db, ((PartnerBilling)e).PartnerId, ct)),
        [typeof(Submission)] = new(Submission, "Submission",
            [new(nameof(Projects.Submission.Status)), new(nameof(Projects.Submission.AssessorId)), new(nameof(Projects.Submission.Outcome)), new(nameof(Projects.Submission.ReleasedAt))],
            e => ((Submission)e).Id, (db, e, ct) => ParticipantUserAsync(db, ((Submission)e).ParticipantId, ct)),
        [typeof(CriterionJudgement)] = new(Submission, "Criterion judgement",
            [new(nameof(CriterionJudgement.CriterionId)), new(nameof(CriterionJudgement.Met))],
            e => ((CriterionJudgement)e).SubmissionId, (db, e, ct) => SubmissionUserAsync(db, ((CriterionJudgement)e).SubmissionId, ct)),
        [typeof(RequirementOverride)] = new(RequirementOverride, "Requirement override",
            [new(nameof(Projects.RequirementOverride.Project)), new(nameof(Projects.RequirementOverride.Key)), new(nameof(Projects.RequirementOverride.WithdrawnAt))],
            e => ((RequirementOverride)e).Id, (db, e, ct) => ParticipantUserAsync(db, ((RequirementOverride)e).ParticipantId, ct)),
        [typeof(WindowOverride)] = new(WindowOverride, "Window override",
            [new(nameof(Tutorials.WindowOverride.Project))],
            e => ((WindowOverride)e).Id, (db, e, ct) => ParticipantUserAsync(db, ((WindowOverride)e).ParticipantId, ct)),
        [typeof(FeeRate)] = new(FeeRate, "Fee",
            [new(nameof(Invoicing.FeeRate.PartnerId)), new(nameof(Invoicing.FeeRate.From)), new(nameof(Invoicing.FeeRate.AmountPence))],
            e => ((FeeRate)e).Id, (db, e, ct) => PartnerUserAsync(db, ((FeeRate)e).PartnerId, ct)),
        [typeof(ProtocolStepSetting)] = new(ProtocolStep, "Protocol timing",
            [new(nameof(ProtocolStepSetting.GroupSize)), new(nameof(ProtocolStepSetting.Position)), new(nameof(ProtocolStepSetting.Minutes))],
            e => ((ProtocolStepSetting)e).Id, NoPerson),
        [typeof(Programme)] = new(Programme, "Programme",
            [new(nameof(People.Programme.Code)), new(nameof(People.Programme.Name)), new(nameof(People.Programme.Regime))],
            e => ((Programme)e).Id, NoPerson),
        [typeof(Cohort)] = new(Cohort, "Cohort",
            [new(nameof(People.Cohort.ProgrammeId)), new(nameof(People.Cohort.Name)), new(nameof(People.Cohort.CourseStart))],
            e => ((Cohort)e).Id, NoPerson),
        [typeof(FrameworkArea)] = new(FrameworkArea, "Framework area",
            [new(nameof(Communities.FrameworkArea.ProgrammeId)), new(nameof(Communities.FrameworkArea.Name)), new(nameof(Communities.FrameworkArea.Position))],
            e => ((FrameworkArea)e).Id, NoPerson),
        [typeof(AssessmentCriterion)] = new(AssessmentCriterion, "Assessment criterion",
            [new(nameof(Projects.AssessmentCriterion.Project)), new(nameof(Projects.AssessmentCriterion.Code)), new(nameof(Projects.AssessmentCriterion.Text))],
            e => ((AssessmentCriterion)e).Id, NoPerson),
        [typeof(CaseStudy)] = new(CaseStudy, "Case study",
            [new(nameof(Projects.CaseStudy.CohortId)), new(nameof(Projects.CaseStudy.Title)), new(nameof(Projects.CaseStudy.OpensAt)),
             new(nameof(Projects.CaseStudy.ClosesAt)), new(nameof(Projects.CaseStudy.WordLimit)), new(nameof(Projects.CaseStudy.AttendanceThreshold))],
            e => ((CaseStudy)e).Id, NoPerson),
        [typeof(CaseStudyAdjustment)] = new(CaseStudy, "Case-study eligibility or extension",
            [new(nameof(CaseStudyAdjustment.EligibleOverride)), new(nameof(CaseStudyAdjustment.EligibilityReason)),
             new(nameof(CaseStudyAdjustment.ExtendedUntil)), new(nameof(CaseStudyAdjustment.ExtensionReason))],
            e => ((CaseStudyAdjustment)e).CaseStudyId, (db, e, ct) => ParticipantUserAsync(db, ((CaseStudyAdjustment)e).ParticipantId, ct)),
        [typeof(TutorialSettings)] = new(Settings, "Tutorial settings",
            [new(nameof(Tutorials.TutorialSettings.NoticeHours))],
            e => ((TutorialSettings)e).Id, NoPerson),
        [typeof(InvoicingSettings)] = new(Settings, "Invoicing settings",
            [new(nameof(Invoicing.InvoicingSettings.NoShowPayable))],
            e => ((InvoicingSettings)e).Id, NoPerson),
        [typeof(Dfe.DeclarationRuleSettings)] = new(Settings, "DfE declaration rules",
            [new(nameof(Dfe.DeclarationRuleSettings.StartedAfter)), new(nameof(Dfe.DeclarationRuleSettings.Retained1After)), new(nameof(Dfe.DeclarationRuleSettings.Retained2After))],
            e => ((Dfe.DeclarationRuleSettings)e).Id, NoPerson),
        [typeof(Insight.CohortBudget)] = new(Budget, "Cohort budget",
            [new(nameof(Insight.CohortBudget.CohortId)), new(nameof(Insight.CohortBudget.AmountPence), v => v is long p ? Money.Plain(p) : v)],
            e => ((Insight.CohortBudget)e).CohortId, NoPerson),
    };

    public static bool TryGet(Type type, out Kind kind) => Kinds.TryGetValue(type, out kind!);

    public static IEnumerable<string> RecordTypes =>
        Kinds.Values.Select(k => k.RecordType)
            .Concat([Tutorials.Booking.AuditSubject, Invoice.AuditSubject, Protocol.AuditSubject, Import, Email])
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static string? RoleName(string? roleId) =>
        roleId is null ? null : RoleSeed.Rows.FirstOrDefault(r => r.Id == roleId)?.Name ?? roleId;

    private static Task<string?> NoPerson(AppDbContext db, object entity, CancellationToken ct) => Task.FromResult<string?>(null);

    private static async Task<string?> ParticipantUserAsync(AppDbContext db, int participantId, CancellationToken ct) =>
        db.Participants.Local.FirstOrDefault(p => p.Id == participantId)?.UserId
        ?? await db.Participants.AsNoTracking().Where(p => p.Id == participantId).Select(p => p.UserId).FirstOrDefaultAsync(ct);

    private static async Task<string?> PartnerUserAsync(AppDbContext db, int? partnerId, CancellationToken ct) =>
        partnerId is null ? null
        : db.PartnerProfiles.Local.FirstOrDefault(p => p.Id == partnerId)?.UserId
          ?? await db.PartnerProfiles.AsNoTracking().Where(p => p.Id == partnerId).Select(p => p.UserId).FirstOrDefaultAsync(ct);

    private static async Task<string?> SubmissionUserAsync(AppDbContext db, int submissionId, CancellationToken ct) =>
        await db.Submissions.AsNoTracking().Where(s => s.Id == submissionId).Select(s => s.Participant.UserId).FirstOrDefaultAsync(ct);
}
