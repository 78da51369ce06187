using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Invoicing;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Privacy;

// What erasing a person did (or, for the confirmation page, will do): counts of rows per kind.
// The API answers it as { "personId", "deleted": { kind: n }, "anonymised": { kind: n } }.
public sealed record ErasureSummary(string PersonId, IReadOnlyDictionary<string, int> Deleted, IReadOnlyDictionary<string, int> Anonymised);

// Erasing a person (UK GDPR article 17) as far as the provider may. Deleted: their sign-in, contact
// details, birthday, problem cards, buddy notes, artefacts, drafts and project plans, calendar
// address, reminder choices, e-mail to them and bank details. Kept, with the person shown as
// "Former member" (and initials where a record needs them): invoices (six years), assessment
// outcomes, self-billing agreements (with the invoices they cover; the typed name, the name in the
// terms and the reasons are removed), case-study eligibility and extensions (their reasons removed),
// and the group records others rely on (sessions, attendance, bookings). The person's row
// stays as that anonymous placeholder so that every kept record still points somewhere.
public sealed class Erasure(AppDbContext db, TimeProvider time)
{
    public const string FormerMember = "Former member";
    public const string AuditSubject = "Person";

    public async Task<Result<ErasureSummary>> PreviewAsync(string personId, string? byUserId, CancellationToken ct = default)
    {
        var refusal = await CheckAsync(personId, byUserId, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var s = new Scope(db, personId, await EmailOfAsync(personId, ct));
        var deleted = new Dictionary<string, int>
        {
            ["account"] = 1,
            ["roles"] = await s.Roles.CountAsync(ct),
            ["problemCards"] = await s.ProblemCards.CountAsync(ct),
            ["buddyNotes"] = await s.BuddyNotes.CountAsync(ct),
            ["drafts"] = await s.Drafts.CountAsync(ct),
            ["projectPlans"] = await s.Project1s.CountAsync(ct) + await s.Project2s.CountAsync(ct),
            ["files"] = await s.FileIds().CountAsync(ct),
            ["windowOverrides"] = await s.WindowOverrides.CountAsync(ct),
            ["calendarFeeds"] = await s.CalendarFeeds.CountAsync(ct),
            ["reminderPreferences"] = await s.ReminderOptOuts.CountAsync(ct) + await s.SentReminders.CountAsync(ct),
            ["emails"] = await s.Emails.CountAsync(ct),
            ["paymentDetails"] = await s.Billing.CountAsync(ct),
        };
        var anonymised = new Dictionary<string, int>
        {
            ["programmePlaces"] = await s.Participants.CountAsync(ct),
            ["bookings"] = await s.Bookings.CountAsync(ct),
            ["submissionsWithOutcomes"] = await s.KeptSubmissions.CountAsync(ct),
            ["sessionTurns"] = await s.Turns.CountAsync(ct),
            ["requirementOverrides"] = await s.RequirementOverrides.CountAsync(ct),
            ["invoices"] = await s.Invoices.CountAsync(ct),
            ["partnerProfiles"] = await s.PartnerProfiles.CountAsync(ct),
            ["selfBillingAgreements"] = await s.SelfBillingAgreements.CountAsync(ct),
            ["caseStudyAdjustments"] = await s.CaseStudyAdjustments.CountAsync(ct),
        };
        return new ErasureSummary(personId, deleted, anonymised);
    }

    // One transaction: all of it or none of it. byUserId is null when the retention job erases.
    public async Task<Result<ErasureSummary>> EraseAsync(string personId, string? byUserId, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var refusal = await CheckAsync(personId, byUserId, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var user = await db.Users.SingleAsync(u => u.Id == personId, ct);
        var s = new Scope(db, personId, user.Email);
        var invoiceName = (FormerMember + " " + Initials(user.FullName)).Trim();
        var now = time.UtcNow();

        var fileIds = await s.FileIds().ToListAsync(ct);
        var deleted = new Dictionary<string, int>
        {
            ["account"] = 1,
            ["roles"] = await s.Roles.ExecuteDeleteAsync(ct),
            ["problemCards"] = await s.ProblemCards.ExecuteDeleteAsync(ct),
            ["buddyNotes"] = await s.BuddyNotes.ExecuteDeleteAsync(ct),
            ["drafts"] = await s.Drafts.ExecuteDeleteAsync(ct),
            ["projectPlans"] = await s.Project1s.ExecuteDeleteAsync(ct) + await s.Project2s.ExecuteDeleteAsync(ct),
        };
        // Documents of the kept submissions go; the outcome and the judgements stay.
        await db.SubmissionDocuments.Where(d => s.KeptSubmissions.Any(k => k.Id == d.SubmissionId)).ExecuteDeleteAsync(ct);
        await s.KeptSubmissions.ExecuteUpdateAsync(u => u.SetProperty(x => x.AccountFileId, (Guid?)null).SetProperty(x => x.AccountExcluded, ""), ct);
        var filesDeleted = 0;
        foreach (var fileId in fileIds)
        {
            if (!await db.SubmissionDocuments.AnyAsync(d => d.FileId == fileId, ct) && !await db.Exemplars.AnyAsync(e => e.FileId == fileId, ct)
                && !await db.Submissions.AnyAsync(x => x.AccountFileId == fileId, ct) && !await db.ProblemCards.AnyAsync(c => c.ArtefactId == fileId, ct))
            {
                filesDeleted += await db.StoredFiles.Where(f => f.Id == fileId).ExecuteDeleteAsync(ct);
            }
        }
        deleted["files"] = filesDeleted;
        deleted["windowOverrides"] = await s.WindowOverrides.ExecuteDeleteAsync(ct);
        deleted["calendarFeeds"] = await s.CalendarFeeds.ExecuteDeleteAsync(ct);
        deleted["reminderPreferences"] = await s.ReminderOptOuts.ExecuteDeleteAsync(ct) + await s.SentReminders.ExecuteDeleteAsync(ct);
        deleted["emails"] = await s.Emails.ExecuteDeleteAsync(ct);
        deleted["paymentDetails"] = await s.Billing.ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(c => c.UserId == personId).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(l => l.UserId == personId).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => t.UserId == personId).ExecuteDeleteAsync(ct);

        var anonymised = new Dictionary<string, int>
        {
            ["programmePlaces"] = await s.Participants.ExecuteUpdateAsync(u => u
                .SetProperty(p => p.BirthdayDay, (int?)null).SetProperty(p => p.BirthdayMonth, (int?)null).SetProperty(p => p.SchoolId, (int?)null), ct),
            ["bookings"] = await s.Bookings.ExecuteUpdateAsync(u => u
                .SetProperty(b => b.Focus, "").SetProperty(b => b.ProjectSummary, "").SetProperty(b => b.CancelReason, (string?)null), ct),
            ["submissionsWithOutcomes"] = await s.KeptSubmissions.ExecuteUpdateAsync(u => u
                .SetProperty(x => x.Section1, "").SetProperty(x => x.Section2, "").SetProperty(x => x.Section3, "").SetProperty(x => x.Annexes, ""), ct),
            ["sessionTurns"] = await s.Turns.ExecuteUpdateAsync(u => u
                .SetProperty(t => t.ActionSteps, (string?)null).SetProperty(t => t.ChosenAction, (string?)null).SetProperty(t => t.FollowUp, (string?)null), ct),
            ["requirementOverrides"] = await s.RequirementOverrides.ExecuteUpdateAsync(u => u.SetProperty(o => o.Reason, RemovedReason), ct),
            ["invoices"] = await s.Invoices.ExecuteUpdateAsync(u => u
                .SetProperty(i => i.PartnerName, invoiceName).SetProperty(i => i.PartnerEmail, "")
                .SetProperty(i => i.PartnerAddress, "").SetProperty(i => i.PaymentDetails, ""), ct),
            ["partnerProfiles"] = await s.PartnerProfiles.ExecuteUpdateAsync(u => u
                .SetProperty(p => p.Biography, "").SetProperty(p => p.Specialisms, "").SetProperty(p => p.NumberOnRoll, (int?)null), ct),
            ["selfBillingAgreements"] = await AnonymiseAgreementsAsync(s, user.FullName, invoiceName, ct),
            ["caseStudyAdjustments"] = await s.CaseStudyAdjustments.ExecuteUpdateAsync(u => u
                .SetProperty(a => a.EligibilityReason, a => a.EligibilityReason == null ? null : RemovedReason)
                .SetProperty(a => a.ExtensionReason, a => a.ExtensionReason == null ? null : RemovedReason), ct),
        };
        // A dispute's reason is the partner's own words.
        await s.Invoices.Where(i => i.DisputeReason != null).ExecuteUpdateAsync(u => u.SetProperty(i => i.DisputeReason, RemovedReason), ct);
        await db.TutorialFeedback.Where(f => s.Bookings.Any(b => b.Id == f.BookingId)).ExecuteUpdateAsync(u => u.SetProperty(f => f.Notes, ""), ct);
        await db.Referrals.Where(r => s.Bookings.Any(b => b.Id == r.BookingId)).ExecuteUpdateAsync(u => u.SetProperty(r => r.Reason, RemovedReason), ct);
        // Names copied onto records the person made in a working role.
        await db.RequirementOverrides.Where(o => o.CreatedById == personId).ExecuteUpdateAsync(u => u.SetProperty(o => o.CreatedByName, FormerMember), ct);
        await db.RequirementOverrides.Where(o => o.WithdrawnByName == user.FullName).ExecuteUpdateAsync(u => u.SetProperty(o => o.WithdrawnByName, FormerMember), ct);
        await db.BankHolidayFiles.Where(f => f.UploadedById == personId).ExecuteUpdateAsync(u => u.SetProperty(f => f.UploadedByName, FormerMember), ct);

        user.FullName = FormerMember;
        user.Email = null;
        user.NormalizedEmail = null;
        user.UserName = "erased-" + user.Id;
        user.NormalizedUserName = user.UserName.ToUpperInvariant();
        user.PasswordHash = null;
        user.PhoneNumber = null;
        user.EmailConfirmed = false;
        user.TwoFactorEnabled = false;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        user.InvitedAt = null;
        user.ErasedAt = now;
        var summary = new ErasureSummary(personId, deleted, anonymised);
        db.AuditEntries.Add(AuditEntry.For(AuditSubject, 0, "Erased", byUserId, now, personId: personId, detail: Describe(summary)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return summary;
    }

    public const string RemovedReason = "Removed when the person's data was erased";

    // The agreement stays (HMRC: it is kept with the self-billed invoices it covers), under the same
    // "Former member" name as the invoices: the name they typed to sign, their name in the terms as
    // shown to them, and the reason it was ended go.
    private static async Task<int> AnonymiseAgreementsAsync(Scope s, string fullName, string invoiceName, CancellationToken ct)
    {
        var agreements = await s.SelfBillingAgreements.ToListAsync(ct);
        foreach (var agreement in agreements)
        {
            agreement.AcceptedName = invoiceName;
            if (fullName.Length > 0)
            {
                agreement.TermsText = agreement.TermsText.Replace(fullName, invoiceName, StringComparison.Ordinal);
            }
            agreement.EndReason = agreement.EndReason is null ? null : RemovedReason;
        }
        return agreements.Count;
    }

    public static string Describe(ErasureSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        static string List(IReadOnlyDictionary<string, int> counts) => string.Join(", ", counts.Where(c => c.Value > 0).Select(c => $"{c.Key} {c.Value}"));
        return $"Deleted: {List(summary.Deleted)}. Anonymised: {List(summary.Anonymised)}.";
    }

    public static string Initials(string fullName) =>
        string.Concat((fullName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetter(w[0])).Select(w => char.ToUpperInvariant(w[0])));

    private async Task<Failure?> CheckAsync(string personId, string? byUserId, CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == personId).Select(u => new { u.ErasedAt }).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return Failure.NotFound("There is no such person.");
        }
        if (person.ErasedAt is not null)
        {
            return Failure.Conflict("This person's data has already been erased.");
        }
        if (personId == byUserId)
        {
            return Failure.Refused("You cannot erase your own account. Ask another member of the programme team.");
        }
        // Their bank details are needed until the invoice is paid or settled.
        if (await db.Invoices.AnyAsync(i => i.Partner.UserId == personId
                && (i.Status == InvoiceStatus.Submitted || i.Status == InvoiceStatus.Approved || i.Status == InvoiceStatus.Disputed), ct))
        {
            return Failure.Refused("This partner has invoices waiting for a decision or payment, or disputed. Pay, reject or withdraw them first.");
        }
        return null;
    }

    private Task<string?> EmailOfAsync(string personId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == personId).Select(u => u.Email).FirstAsync(ct);

    // The rows each step touches, the same for the preview and the erasure.
    private sealed class Scope(AppDbContext db, string id, string? email)
    {
        private IQueryable<int> ParticipantIds => db.Participants.Where(p => p.UserId == id).Select(p => p.Id);
        private IQueryable<int> PartnerIds => db.PartnerProfiles.Where(p => p.UserId == id).Select(p => p.Id);

        public IQueryable<Microsoft.AspNetCore.Identity.IdentityUserRole<string>> Roles => db.UserRoles.Where(r => r.UserId == id);
        public IQueryable<Communities.ProblemCard> ProblemCards => db.ProblemCards.Where(c => c.OwnerId == id);
        public IQueryable<Communities.BuddyCheckIn> BuddyNotes => db.BuddyCheckIns.Where(c => c.AuthorId == id);
        public IQueryable<Submission> Drafts => db.Submissions.Where(s => ParticipantIds.Contains(s.ParticipantId) && s.Status == SubmissionStatus.Draft);
        public IQueryable<Submission> KeptSubmissions => db.Submissions.Where(s => ParticipantIds.Contains(s.ParticipantId) && s.Status != SubmissionStatus.Draft);
        public IQueryable<Project1> Project1s => db.Project1s.Where(p => ParticipantIds.Contains(p.ParticipantId));
        public IQueryable<Project2> Project2s => db.Project2s.Where(p => ParticipantIds.Contains(p.ParticipantId));
        public IQueryable<Tutorials.WindowOverride> WindowOverrides => db.WindowOverrides.Where(o => ParticipantIds.Contains(o.ParticipantId));
        public IQueryable<Projects.RequirementOverride> RequirementOverrides => db.RequirementOverrides.Where(o => ParticipantIds.Contains(o.ParticipantId));
        public IQueryable<Calendars.CalendarFeed> CalendarFeeds => db.CalendarFeeds.Where(f => f.UserId == id);
        public IQueryable<Reminders.ReminderOptOut> ReminderOptOuts => db.ReminderOptOuts.Where(o => o.UserId == id);
        public IQueryable<Reminders.SentReminder> SentReminders => db.SentReminders.Where(r => r.UserId == id);
        public IQueryable<Infrastructure.Email.OutboxMessage> Emails => db.OutboxMessages.Where(m => email != null && m.To == email);
        public IQueryable<PartnerBilling> Billing => db.PartnerBillings.Where(b => PartnerIds.Contains(b.PartnerId));
        public IQueryable<People.Participant> Participants => db.Participants.Where(p => p.UserId == id);
        public IQueryable<Tutorials.Booking> Bookings => db.Bookings.Where(b => ParticipantIds.Contains(b.ParticipantId));
        public IQueryable<Communities.SessionTurn> Turns => db.SessionTurns.Where(t => t.OwnerId == id);
        public IQueryable<Invoice> Invoices => db.Invoices.Where(i => PartnerIds.Contains(i.PartnerId));
        public IQueryable<Tutorials.PartnerProfile> PartnerProfiles => db.PartnerProfiles.Where(p => p.UserId == id);
        public IQueryable<SelfBillingAgreement> SelfBillingAgreements => db.SelfBillingAgreements.Where(a => PartnerIds.Contains(a.PartnerId));
        public IQueryable<CaseStudyAdjustment> CaseStudyAdjustments => db.CaseStudyAdjustments.Where(a => ParticipantIds.Contains(a.ParticipantId));

        // Files they uploaded, their problem cards' artefacts and their submissions' documents.
        public IQueryable<Guid> FileIds() =>
            db.StoredFiles.Where(f => f.UploadedById == id).Select(f => f.Id)
                .Union(ProblemCards.Where(c => c.ArtefactId != null).Select(c => c.ArtefactId!.Value))
                .Union(db.SubmissionDocuments.Where(d => db.Submissions.Any(s => s.Id == d.SubmissionId && ParticipantIds.Contains(s.ParticipantId))).Select(d => d.FileId));
    }
}
