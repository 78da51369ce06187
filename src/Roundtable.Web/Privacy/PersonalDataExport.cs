using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Calendars;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Email;
using Roundtable.Web.Infrastructure.Files;
using Roundtable.Web.Invoicing;
using Roundtable.Web.LiveSessions;
using Roundtable.Web.People;
using Roundtable.Web.Projects;
using Roundtable.Web.Reminders;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Privacy;

// A subject access export: one JSON file per kind of record held about a person, and the files they
// uploaded, in one ZIP. Every entity that holds a person's id is either read here (Handled) or named
// in NotExported with the reason; PersonalDataCoverageTests walks the EF model to keep it so.
public sealed class PersonalDataExport(AppDbContext db)
{
    public static readonly IReadOnlyDictionary<Type, string> Handled = new Dictionary<Type, string>
    {
        [typeof(AppUser)] = "account.json",
        [typeof(IdentityUserRole<string>)] = "roles.json",
        [typeof(Participant)] = "programmes.json",
        [typeof(CommunityMember)] = "community-groups.json",
        [typeof(CommunitySession)] = "sessions-chaired.json",
        [typeof(SessionAttendance)] = "session-attendance.json",
        [typeof(SessionTurn)] = "session-turns.json",
        [typeof(ProblemCard)] = "problem-cards.json",
        [typeof(BuddyPairMember)] = "buddy-pairs.json",
        [typeof(BuddyCheckIn)] = "buddy-notes.json",
        [typeof(LiveSession)] = "live-sessions-chaired.json",
        [typeof(LiveBreakout)] = "live-breakouts.json",
        [typeof(LiveBreakoutMember)] = "live-breakouts.json",
        [typeof(Booking)] = "bookings.json",
        [typeof(TutorialFeedback)] = "bookings.json",
        [typeof(Referral)] = "bookings.json",
        [typeof(WindowOverride)] = "window-overrides.json",
        [typeof(RequirementOverride)] = "requirement-overrides.json",
        [typeof(Project1)] = "projects.json",
        [typeof(Project2)] = "projects.json",
        [typeof(Submission)] = "submissions.json",
        [typeof(CaseStudyAdjustment)] = "case-study-adjustments.json",
        [typeof(CaseStudy)] = "actions.json",
        [typeof(PartnerProfile)] = "partner-profile.json",
        [typeof(PartnerBilling)] = "partner-billing.json",
        [typeof(FeeRate)] = "fee-rates.json",
        [typeof(Invoice)] = "invoices.json",
        [typeof(SelfBillingAgreement)] = "self-billing-agreements.json",
        [typeof(ReminderOptOut)] = "reminder-preferences.json",
        [typeof(SentReminder)] = "reminders-sent.json",
        [typeof(CalendarFeed)] = "calendar-feed.json",
        [typeof(OutboxMessage)] = "emails.json",
        [typeof(AuditEntry)] = "audit.json",
        [typeof(StoredFile)] = "files.json",
        [typeof(Exemplar)] = "actions.json",
        [typeof(BankHolidayFile)] = "actions.json",
        [typeof(PendingImport)] = "actions.json",
        [typeof(RetentionSettings)] = "actions.json",
        [typeof(Dfe.Declaration)] = "dfe-declarations.json",
    };

    public static readonly IReadOnlyDictionary<Type, string> NotExported = new Dictionary<Type, string>
    {
        [typeof(Dfe.DeclarationRuleSettings)] = "Holds only who last changed the declaration rules, a record of the team's own work.",
        [typeof(ProgrammeContacts)] = "Holds only who last changed the programme contacts, a record of the team's own work.",
        [typeof(Insight.CohortBudget)] = "Holds only who last set a cohort's budget, a record of the team's own work.",
        [typeof(Communities.ProtocolVersion)] = "Holds only who saved a version of a protocol, a record of the team's own work.",

        [typeof(IdentityUserClaim<string>)] = "Sign-in internals (none are written today); deleted on erasure.",
        [typeof(IdentityUserLogin<string>)] = "External sign-in keys are secrets, never handed out; deleted on erasure.",
        [typeof(IdentityUserToken<string>)] = "Sign-in and reset tokens are secrets, never handed out; deleted on erasure.",
        [typeof(Dfe.DfeSettings)] = "Holds only who last changed the DfE settings, a record of the team's own work.",
        [typeof(Dfe.DfeApplication)] = "A copy of DfE's own application record, which DfE answers for; once accepted, the delegate's place (with its DfE participant id) is exported.",
        [typeof(Dfe.DfeStatusChange)] = "The team's record of what was sent to DfE about a place; the place itself and its training status are exported.",
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public sealed record ExportFile(string Name, byte[] Content);

    // Null when there is no such person.
    public async Task<List<ExportFile>?> FilesAsync(string userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return null;
        }
        var files = new List<ExportFile>();
        void Add(string name, object content) => files.Add(new(name, JsonSerializer.SerializeToUtf8Bytes(content, Json)));

        Add("account.json", new
        {
            user.Id, Name = user.FullName, user.Email, user.PhoneNumber, user.CreatedAt, user.InvitedAt, user.ErasedAt,
            user.EmailConfirmed, user.TwoFactorEnabled, HasPassword = user.PasswordHash is not null,
        });
        Add("roles.json", await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync(ct));

        var participantIds = await db.Participants.Where(p => p.UserId == userId).Select(p => p.Id).ToListAsync(ct);
        Add("programmes.json", await db.Participants.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new
            {
                p.Id, Programme = p.Cohort.Programme.Code, Cohort = p.Cohort.Name, p.Cohort.CourseStart,
                School = p.School == null ? null : p.School.Name, SchoolUrn = p.School == null ? (int?)null : p.School.Urn,
                Tutor = p.Tutor == null ? null : p.Tutor.FullName, p.BirthdayDay, p.BirthdayMonth,
            }).ToListAsync(ct));

        Add("community-groups.json", await db.CommunityMembers.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new { m.GroupId, Group = m.Group.Name, m.CohortId }).ToListAsync(ct));
        Add("sessions-chaired.json", await db.CommunitySessions.AsNoTracking().Where(s => s.ChairId == userId || s.NextChairId == userId)
            .OrderBy(s => s.StartsAt)
            .Select(s => new
            {
                s.Id, Group = s.Group.Name, s.StartsAt, s.Mode, s.Where, Chair = s.ChairId == userId, NextChair = s.NextChairId == userId,
                s.CancelledAt, s.RecordedAt, s.Successes, s.Reflections, s.QuestionsForTeam,
            }).ToListAsync(ct));
        Add("session-attendance.json", await db.SessionAttendance.AsNoTracking().Where(a => a.UserId == userId)
            .Join(db.CommunitySessions, a => a.SessionId, s => s.Id, (a, s) => new { a.SessionId, s.StartsAt, a.Present })
            .OrderBy(a => a.StartsAt).ToListAsync(ct));
        Add("session-turns.json", await db.SessionTurns.AsNoTracking().Where(t => t.OwnerId == userId)
            .Select(t => new { t.SessionId, t.Session.StartsAt, t.Position, t.ActionSteps, t.ChosenAction, t.FollowUp }).ToListAsync(ct));
        Add("problem-cards.json", await db.ProblemCards.AsNoTracking().Where(c => c.OwnerId == userId)
            .Select(c => new
            {
                c.Id, c.SessionId, c.Problem, c.Evidence, c.Context, c.Why, c.FrameworkArea, c.Specific, c.Solvable, c.Controllable,
                Artefact = c.Artefact == null ? null : c.Artefact.FileName, c.UpdatedAt,
            }).ToListAsync(ct));
        Add("buddy-pairs.json", await db.BuddyPairMembers.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new { m.PairId, m.Pair.Round, m.Pair.CreatedAt }).ToListAsync(ct));
        Add("buddy-notes.json", await db.BuddyCheckIns.AsNoTracking().Where(c => c.AuthorId == userId)
            .Select(c => new { c.PairId, c.Date, c.Note, c.CreatedAt }).ToListAsync(ct));
        Add("live-sessions-chaired.json", await db.LiveSessions.AsNoTracking().Where(l => l.ChairId == userId)
            .Select(l => new { l.SessionId, l.Status, l.StartedAt, l.FinishedAt }).ToListAsync(ct));
        Add("live-breakouts.json", new
        {
            NoteTakerOfSessions = await db.LiveSessions.AsNoTracking().Where(l => l.NoteTakerId == userId).Select(l => l.SessionId).ToListAsync(ct),
            Breakouts = await db.LiveBreakouts.AsNoTracking()
                .Where(b => b.ChairId == userId || b.NoteTakerId == userId || b.Members.Any(m => m.UserId == userId))
                .OrderBy(b => b.SessionId).ThenBy(b => b.Number)
                .Select(b => new
                {
                    b.SessionId, Breakout = b.Number, b.Status, b.StartedAt, b.FinishedAt,
                    Member = b.Members.Any(m => m.UserId == userId), Chair = b.ChairId == userId, NoteTaker = b.NoteTakerId == userId,
                }).ToListAsync(ct),
        });

        Add("bookings.json", await db.Bookings.AsNoTracking().Where(b => participantIds.Contains(b.ParticipantId))
            .OrderBy(b => b.BookedAt)
            .Select(b => new
            {
                b.Id, b.Project, b.Slot.StartsAt, b.Slot.Minutes, b.Slot.Mode, Partner = b.Slot.Partner.User.FullName, b.Focus, b.ProjectSummary,
                b.Status, b.BookedAt, b.OutsideWindow, b.CancelledAt, b.CancelReason,
                Feedback = b.Feedback == null ? null : new { b.Feedback.Held, b.Feedback.Notes, b.Feedback.RecordedAt },
                Referrals = db.Referrals.Where(r => r.BookingId == b.Id).Select(r => new { r.Reason, r.CreatedAt, r.DealtWithAt }).ToList(),
            }).ToListAsync(ct));
        Add("window-overrides.json", await db.WindowOverrides.AsNoTracking().Where(o => participantIds.Contains(o.ParticipantId))
            .Select(o => new { o.Project, o.Reason, o.At }).ToListAsync(ct));
        Add("requirement-overrides.json", await db.RequirementOverrides.AsNoTracking().Where(o => participantIds.Contains(o.ParticipantId))
            .Select(o => new { o.Project, o.Key, o.Reason, o.CreatedAt, o.WithdrawnAt }).ToListAsync(ct));
        Add("projects.json", new
        {
            Project1 = await db.Project1s.AsNoTracking().Where(p => participantIds.Contains(p.ParticipantId))
                .Select(p => new
                {
                    p.Rationale, p.BaselineEvidence, p.SuccessCriteria, p.Team, p.Start, p.PlannedEnd, p.BoardPresentedOn, p.BoardFeedback,
                    p.ImplementationStart, p.Evaluation, p.UpdatedAt,
                }).ToListAsync(ct),
            Project2 = await db.Project2s.AsNoTracking().Where(p => participantIds.Contains(p.ParticipantId))
                .Select(p => new
                {
                    p.PlacementSchoolName, p.PlacementSchoolUrn, p.PlacementSchoolPhase, p.ContrastPerformance, p.ContrastPupilProfile,
                    p.ContrastGeography, p.ContrastOther, p.Challenges, p.ActionPlan, p.BoardPresentedOn, p.BoardFeedback, p.UpdatedAt,
                    PlacementDays = p.PlacementDays.OrderBy(d => d.Date).Select(d => new { d.Date, d.Activity }).ToList(),
                    ClosureDays = p.ClosureDays.OrderBy(d => d.Date).Select(d => new { d.Date, d.Reason }).ToList(),
                    BudgetLines = p.BudgetLines.Select(l => new { l.Category, l.Year, l.Description, l.AmountPence }).ToList(),
                }).ToListAsync(ct),
        });
        Add("submissions.json", await db.Submissions.AsNoTracking().Where(s => participantIds.Contains(s.ParticipantId))
            .OrderBy(s => s.Project).ThenBy(s => s.Version)
            .Select(s => new
            {
                s.Project, s.Version, s.Status, s.Section1, s.Section2, s.Section3, s.Annexes, s.Words, s.CreatedAt, s.SubmittedAt,
                s.Outcome, s.OutcomeComment, s.AssessedAt, s.ReleasedAt,
                Judgements = s.Judgements.Select(j => new { j.Criterion.Code, j.Met, j.Comment }).ToList(),
                Documents = s.Documents.Select(d => d.File.FileName).ToList(),
            }).ToListAsync(ct));

        // The team's decisions about their case studies: eligibility overrides and extensions, with the reasons.
        Add("case-study-adjustments.json", await db.CaseStudyAdjustments.AsNoTracking().Where(a => participantIds.Contains(a.ParticipantId))
            .OrderBy(a => a.ChangedAt)
            .Join(db.CaseStudies, a => a.CaseStudyId, c => c.Id, (a, c) => new
            {
                CaseStudy = c.Title, c.OpensAt, c.ClosesAt, a.EligibleOverride, a.EligibilityReason, a.ExtendedUntil, a.ExtensionReason, a.ChangedAt,
            }).ToListAsync(ct));

        // What was declared to DfE about them (the DfE ids are DfE's records, not people).
        Add("dfe-declarations.json", await db.Declarations.AsNoTracking().Where(d => participantIds.Contains(d.ParticipantId))
            .OrderBy(d => d.Id)
            .Select(d => new { d.Type, d.DeclarationDate, d.Evidence, d.HasPassed, d.State, d.DfeId, d.DfeState, d.Error, d.CreatedAt, d.SubmittedAt, d.VoidedAt })
            .ToListAsync(ct));

        var partnerIds = await db.PartnerProfiles.Where(p => p.UserId == userId).Select(p => p.Id).ToListAsync(ct);
        Add("partner-profile.json", await db.PartnerProfiles.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new
            {
                p.HeadshipYears, p.Phase, p.SettingType, p.Region, p.NumberOnRoll, p.Specialisms, p.Biography, p.MonthlyCap, p.UpdatedAt,
                Slots = db.TutorialSlots.Where(s => s.PartnerId == p.Id).OrderBy(s => s.StartsAt)
                    .Select(s => new { s.StartsAt, s.Minutes, s.Mode, s.Where, s.WithdrawnAt, Booked = db.Bookings.Any(b => b.SlotId == s.Id) }).ToList(),
            }).ToListAsync(ct));
        Add("partner-billing.json", await db.PartnerBillings.AsNoTracking().Where(b => partnerIds.Contains(b.PartnerId))
            .Select(b => new { b.Address, b.PaymentDetails, b.VatRegistered, b.VatNumber, b.UpdatedAt }).ToListAsync(ct));
        Add("fee-rates.json", await db.FeeRates.AsNoTracking().Where(f => f.PartnerId != null && partnerIds.Contains(f.PartnerId.Value))
            .Select(f => new { f.From, f.AmountPence, f.SetAt }).ToListAsync(ct));
        Add("self-billing-agreements.json", await db.SelfBillingAgreements.AsNoTracking().Where(a => partnerIds.Contains(a.PartnerId)).OrderBy(a => a.StartsOn)
            .Select(a => new { a.StartsOn, a.EndsOn, a.AcceptedName, a.AcceptedAt, a.TermsText, a.EndedAt, a.EndReason }).ToListAsync(ct));
        Add("invoices.json", await db.Invoices.AsNoTracking().Where(i => partnerIds.Contains(i.PartnerId))
            .OrderBy(i => i.Sequence)
            .Select(i => new
            {
                i.Number, i.IssuedOn, i.Status, i.PartnerName, i.PartnerEmail, i.PartnerAddress, i.PaymentDetails, i.VatNumber,
                i.SubtotalPence, i.VatPence, i.TotalPence, i.SubmittedAt, i.DecidedAt, i.RejectReason, i.PaidOn, i.PaymentReference,
                Lines = i.Lines.Select(l => new { l.TutorialDate, l.Project, l.DelegateInitials, l.FeePence }).ToList(),
            }).ToListAsync(ct));

        Add("reminder-preferences.json", await db.ReminderOptOuts.AsNoTracking().Where(o => o.UserId == userId)
            .Select(o => new { OptedOutOf = o.Kind, o.At }).ToListAsync(ct));
        Add("reminders-sent.json", await db.SentReminders.AsNoTracking().Where(r => r.UserId == userId)
            .Select(r => new { r.Kind, r.SentAt }).ToListAsync(ct));
        // The address itself is a secret that opens the feed: only the fact that one exists.
        Add("calendar-feed.json", await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == userId)
            .Select(f => new { f.CreatedAt }).ToListAsync(ct));
        var email = user.Email;
        Add("emails.json", email is null ? [] : await db.OutboxMessages.AsNoTracking().Where(m => m.To == email)
            .OrderBy(m => m.CreatedAt).Select(m => new { m.Subject, m.TextBody, m.Status, m.CreatedAt, m.SentAt }).ToListAsync(ct));

        var bookingIds = await db.Bookings.Where(b => participantIds.Contains(b.ParticipantId) || partnerIds.Contains(b.Slot.PartnerId)).Select(b => b.Id).ToListAsync(ct);
        var invoiceIds = await db.Invoices.Where(i => partnerIds.Contains(i.PartnerId)).Select(i => i.Id).ToListAsync(ct);
        Add("audit.json", await db.AuditEntries.AsNoTracking()
            .Where(a => a.UserId == userId || a.PersonId == userId
                || (a.Subject == Booking.AuditSubject && bookingIds.Contains(a.SubjectId))
                || (a.Subject == Invoice.AuditSubject && invoiceIds.Contains(a.SubjectId)))
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new { a.At, ByThisPerson = a.UserId == userId, a.Subject, a.SubjectId, a.Action, a.Detail, a.Changes }).ToListAsync(ct));

        Add("actions.json", await ActionsAsync(userId, ct));

        var fileIds = await db.StoredFiles.Where(f => f.UploadedById == userId).Select(f => f.Id)
            .Union(db.ProblemCards.Where(c => c.OwnerId == userId && c.ArtefactId != null).Select(c => c.ArtefactId!.Value))
            .Union(db.SubmissionDocuments.Where(d => db.Submissions.Any(s => s.Id == d.SubmissionId && participantIds.Contains(s.ParticipantId))).Select(d => d.FileId))
            .ToListAsync(ct);
        var stored = await db.StoredFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).OrderBy(f => f.UploadedAt).ToListAsync(ct);
        Add("files.json", stored.Select(f => new { Path = FilePath(f), f.FileName, f.ContentType, f.Size, f.UploadedAt }).ToList());
        files.AddRange(stored.Select(f => new ExportFile(FilePath(f), f.Content)));
        return files;
    }

    public static byte[] Zip(IEnumerable<ExportFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                var entry = zip.CreateEntry(file.Name, CompressionLevel.Fastest);
                using var stream = entry.Open();
                stream.Write(file.Content);
            }
        }
        return buffer.ToArray();
    }

    // The file's id keeps two uploads with the same name apart.
    private static string FilePath(StoredFile f) => $"files/{f.Id:N}-{Path.GetFileName(f.FileName)}";

    // What the person did in a working role: records that carry their id as the one who acted.
    private async Task<List<RecordedAction>> ActionsAsync(string userId, CancellationToken ct)
    {
        var actions = new List<RecordedAction>();
        actions.AddRange(await db.FeeRates.Where(f => f.SetById == userId).Select(f => new RecordedAction("Fee rate", f.Id, "Set", f.SetAt)).ToListAsync(ct));
        actions.AddRange(await db.Exemplars.Where(e => e.PublishedById == userId).Select(e => new RecordedAction("Exemplar", e.Id, "Published", e.PublishedAt)).ToListAsync(ct));
        actions.AddRange(await db.CaseStudies.Where(c => c.PublishedById == userId).Select(c => new RecordedAction("Case study", c.Id, "Published", c.PublishedAt)).ToListAsync(ct));
        actions.AddRange(await db.CaseStudyAdjustments.Where(a => a.ChangedById == userId).Select(a => new RecordedAction("Case-study adjustment", a.Id, "Changed", a.ChangedAt)).ToListAsync(ct));
        actions.AddRange(await db.BankHolidayFiles.Where(f => f.UploadedById == userId).Select(f => new RecordedAction("Bank holiday file", f.Id, "Uploaded", f.UploadedAt)).ToListAsync(ct));
        actions.AddRange(await db.PendingImports.Where(i => i.CreatedById == userId).Select(i => new RecordedAction("Delegate import", i.Id, "Started", i.CreatedAt)).ToListAsync(ct));
        actions.AddRange(await db.RetentionSettings.Where(r => r.UpdatedById == userId).Select(r => new RecordedAction("Retention settings", r.Id, "Changed", r.UpdatedAt)).ToListAsync(ct));
        actions.AddRange(await db.Invoices.Where(i => i.SubmittedById == userId).Select(i => new RecordedAction("Invoice", i.Number, "Submitted", i.SubmittedAt)).ToListAsync(ct));
        actions.AddRange(await db.Invoices.Where(i => i.DecidedById == userId).Select(i => new RecordedAction("Invoice", i.Number, "Decided", i.DecidedAt)).ToListAsync(ct));
        actions.AddRange(await db.Invoices.Where(i => i.PaidRecordedById == userId).Select(i => new RecordedAction("Invoice", i.Number, "Recorded as paid", i.PaidRecordedAt)).ToListAsync(ct));
        actions.AddRange(await db.Bookings.Where(b => b.CancelledById == userId).Select(b => new RecordedAction("Booking", b.Id, "Cancelled", b.CancelledAt)).ToListAsync(ct));
        actions.AddRange(await db.Bookings.Where(b => b.AllowanceRestoredById == userId).Select(b => new RecordedAction("Booking", b.Id, "Allowance restored", b.AllowanceRestoredAt)).ToListAsync(ct));
        actions.AddRange(await db.TutorialFeedback.Where(f => f.RecordedById == userId).Select(f => new RecordedAction("Booking", f.BookingId, "Feedback recorded", f.RecordedAt)).ToListAsync(ct));
        actions.AddRange(await db.Referrals.Where(r => r.TutorId == userId).Select(r => new RecordedAction("Referral", r.Id, "Referred to you", r.CreatedAt)).ToListAsync(ct));
        actions.AddRange(await db.Referrals.Where(r => r.DealtWithById == userId).Select(r => new RecordedAction("Referral", r.Id, "Dealt with", r.DealtWithAt)).ToListAsync(ct));
        actions.AddRange(await db.Submissions.Where(s => s.AssessorId == userId).Select(s => new RecordedAction("Submission", s.Id, "Assigned to you to assess", s.AssignedAt)).ToListAsync(ct));
        actions.AddRange(await db.Submissions.Where(s => s.ReleasedById == userId).Select(s => new RecordedAction("Submission", s.Id, "Outcome released", s.ReleasedAt)).ToListAsync(ct));
        actions.AddRange(await db.RequirementOverrides.Where(o => o.CreatedById == userId).Select(o => new RecordedAction("Requirement override", o.Id, "Made", o.CreatedAt)).ToListAsync(ct));
        actions.AddRange(await db.WindowOverrides.Where(o => o.ById == userId).Select(o => new RecordedAction("Tutorial window override", o.Id, "Made", o.At)).ToListAsync(ct));
        actions.AddRange(await db.Participants.Where(p => p.TutorId == userId).Select(p => new RecordedAction("Delegate", p.Id, "You are their tutor", null)).ToListAsync(ct));
        return actions.OrderBy(a => a.At).ToList();
    }

    private sealed record RecordedAction(string Record, object Id, string Action, DateTime? At);
}
