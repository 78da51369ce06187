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
}
