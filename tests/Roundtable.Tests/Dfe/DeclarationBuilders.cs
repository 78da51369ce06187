using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Communities;
using Roundtable.Web.Dfe;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Tests.Dfe;

// Delegates known to DfE (a participant at the fake), with attendance to declare.
public static class DeclarationBuilders
{
    public const string Course = "npq-headship";

    public static async Task<Cohort> DfeCohortAsync(this TestData data, AppFactory app, string name = "NPQH Test")
    {
        var cohort = await data.CohortAsync(name);
        await app.WithDbAsync(async db =>
        {
            var programme = await db.Programmes.SingleAsync(p => p.Id == cohort.ProgrammeId);
            programme.DfeCourseIdentifier = Course;
            await db.SaveChangesAsync();
        });
        return cohort;
    }

    // A delegate with a DfE participant id (known to the fake when one is given), in their own
    // group, marked present at the given number of past sessions (a week apart, the last a week ago).
    public static async Task<(AppUser User, int ParticipantId, string DfeId)> DfeDelegateAsync(this TestData data, AppFactory app, Cohort cohort,
        FakeDfeServer? fake, string email, int sessionsAttended, string? name = null)
    {
        var user = await data.DelegateAsync(cohort, email, name: name ?? email.Split('@')[0]);
        var dfeId = fake?.AddParticipant(Course, participantId: null, fullName: user.FullName).Id ?? Guid.NewGuid().ToString();
        var participantId = await data.ParticipantIdAsync(user);
        await app.WithDbAsync(async db =>
        {
            var participant = await db.Participants.SingleAsync(p => p.Id == participantId);
            participant.DfeParticipantId = dfeId;
            await db.SaveChangesAsync();
        });
        if (sessionsAttended > 0)
        {
            await app.AttendAsync(cohort, user, sessionsAttended, $"Group {email}");
        }
        return (user, participantId, dfeId);
    }

    public static async Task AttendAsync(this AppFactory app, Cohort cohort, AppUser user, int sessions, string groupName)
    {
        var group = await app.GroupAsync(cohort, [user], name: groupName);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < sessions; i++)
            {
                var session = new CommunitySession { GroupId = group.Id, StartsAt = now.AddDays(-7 * (sessions - i)), Mode = SessionMode.Online, Where = "https://meet.example/x", RecordedAt = now };
                session.Attendance.Add(new SessionAttendance { UserId = user.Id, Present = true });
                db.CommunitySessions.Add(session);
            }
            await db.SaveChangesAsync();
        });
    }

    // A declaration already standing in Roundtable (sent before these tests' calls).
    public static Task<Declaration> DeclarationRowAsync(this AppFactory app, int participantId, DeclarationType type, DeclarationState state,
        string? dfeId = null, DateTime? claimedAt = null, int attempts = 0) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var row = Declaration.Queue(participantId, new DeclarationProposal(type, now.AddDays(-10), "Test evidence.", null), null, now);
            row.State = state;
            row.DfeId = dfeId;
            row.DfeState = dfeId is null ? null : "submitted";
            row.ClaimedAt = claimedAt;
            row.ClaimedBy = claimedAt is null ? null : "server-that-died";
            row.Attempts = attempts;
            db.Declarations.Add(row);
            await db.SaveChangesAsync();
            return row;
        });

    public static Task ReleaseOutcomeAsync(this AppFactory app, int participantId, int project, AssessmentOutcome outcome, DateTime releasedAt) =>
        app.WithDbAsync(async db =>
        {
            var s = Submission.Start(participantId, project, 1, releasedAt.AddDays(-30));
            s.Status = SubmissionStatus.Released;
            s.Outcome = outcome;
            s.SubmittedAt = releasedAt.AddDays(-20);
            s.AssessedAt = releasedAt.AddDays(-1);
            s.ReleasedAt = releasedAt;
            db.Submissions.Add(s);
            await db.SaveChangesAsync();
        });

    // A programme assessed by case study (the reformed NPQs), known to DfE by its course identifier.
    public static async Task<Cohort> DfeCaseStudyCohortAsync(this TestData data, AppFactory app, string course = "npq-senior-leadership")
    {
        var cohort = await data.CohortAsync("NPQSL Test", "NPQSL");
        await app.WithDbAsync(async db =>
        {
            var programme = await db.Programmes.SingleAsync(p => p.Id == cohort.ProgrammeId);
            programme.DfeCourseIdentifier = course;
            programme.Regime = AssessmentRegime.CaseStudy;
            await db.SaveChangesAsync();
        });
        return cohort;
    }

    // A case study published to the cohort, its window a month before the given time.
    public static Task<int> PublishCaseStudyAsync(this AppFactory app, Cohort cohort, DateTime before) =>
        app.WithDbAsync(async db =>
        {
            var file = new Roundtable.Web.Infrastructure.Files.StoredFile
            {
                Id = Guid.NewGuid(), FileName = "case.txt", ContentType = "text/plain", Content = "Case."u8.ToArray(), Size = 5,
                UploadedById = "team", UploadedAt = before.AddDays(-40),
            };
            db.StoredFiles.Add(file);
            var caseStudy = CaseStudy.Publish(new CaseStudyFields("Brookside Academy", "How would you lead the change?", cohort.Id,
                before.AddDays(-35), before.AddDays(-28), CaseStudy.DefaultWordLimit, 0), file, "team", before.AddDays(-40));
            db.CaseStudies.Add(caseStudy);
            await db.SaveChangesAsync();
            return caseStudy.Id;
        });

    // The delegate's response to a new case study with its outcome released (version 2 is a resubmission in a later window).
    public static async Task<int> ReleaseCaseStudyOutcomeAsync(this AppFactory app, Cohort cohort, int participantId, AssessmentOutcome outcome, DateTime releasedAt, int version = 1)
    {
        var caseStudyId = await app.PublishCaseStudyAsync(cohort, releasedAt);
        return await app.WithDbAsync(async db =>
        {
            var s = Submission.Start(participantId, ProjectNumbers.CaseStudy, version, releasedAt.AddDays(-33));
            s.CaseStudyId = caseStudyId;
            s.Status = SubmissionStatus.Released;
            s.Outcome = outcome;
            s.SubmittedAt = releasedAt.AddDays(-30);
            s.AssessedAt = releasedAt.AddDays(-1);
            s.ReleasedAt = releasedAt;
            db.Submissions.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
    }
}
