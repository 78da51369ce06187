using System.Text;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Files;
using Roundtable.Web.People;

namespace Roundtable.Web.Projects;

// A fictional NPQSL cohort on the case-study assessment, with a case study whose window opened
// yesterday at 09:00 and closes at 17:00 a week later (UK time), relative to the demo clock.
// npqsl1 and npqsl2 attended every community session; npqsl3 missed three of five (not eligible,
// and told why); npqsl4 missed two but the team overrode it and granted an extension; npqsl1 has a draft.
public static class CaseStudyDemoData
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider time, string teamId,
        Func<string, string, string[], Task<AppUser>> person, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var now = time.UtcNow();
        var today = LondonTime.Today(time);
        var programme = await db.Programmes.FirstAsync(p => p.Code == "NPQSL", ct);
        programme.Regime = AssessmentRegime.CaseStudy;
        var cohort = new Cohort { Programme = programme, Name = $"NPQSL {today.AddMonths(-3):MMMM yyyy}", CourseStart = today.AddMonths(-3) };
        db.Cohorts.Add(cohort);
        string[] names = ["Alys Penhaligon", "Bilal Chowdhury", "Cara Lindqvist", "Dominic Achebe"];
        var members = new List<AppUser>();
        for (var i = 0; i < names.Length; i++)
        {
            var user = await person($"npqsl{i + 1}", names[i], [Roles.Delegate]);
            members.Add(user);
            db.Participants.Add(new Participant { UserId = user.Id, Cohort = cohort });
        }
        await db.SaveChangesAsync(ct);

        var group = new CommunityGroup
        {
            CohortId = cohort.Id, Name = "Senior leaders 1", Published = true,
            Members = members.Select(m => new CommunityMember { CohortId = cohort.Id, UserId = m.Id }).ToList(),
        };
        db.CommunityGroups.Add(group);
        int[] attended = [5, 5, 2, 3];
        for (var s = 0; s < 5; s++)
        {
            var startsAt = now.AddDays(-70 + s * 14);
            group.Sessions.Add(new CommunitySession
            {
                StartsAt = startsAt, Mode = SessionMode.Online, Where = "https://meet.example.org/npqsl", RecordedAt = startsAt.AddHours(2),
                Attendance = members.Select((m, i) => new SessionAttendance { UserId = m.Id, Present = s < attended[i] }).ToList(),
            });
        }

        var file = new StoredFile
        {
            Id = Guid.NewGuid(), FileName = "ashdown-vale-case-study.txt", ContentType = "text/plain", UploadedById = teamId, UploadedAt = now,
            Content = Encoding.UTF8.GetBytes("Ashdown Vale Academy (fictional) is a 900-pupil secondary school. Attendance has fallen for two years, " +
                "two heads of department left in the summer and the budget forecast shows a deficit next year. The governing board has asked " +
                "the senior team for a plan to improve attendance without adding to staff workload."),
        };
        file.Size = file.Content.Length;
        db.StoredFiles.Add(file);
        LondonTime.TryToUtc(today.AddDays(-1).ToDateTime(CaseStudy.DefaultOpensAt), out var opens);
        LondonTime.TryToUtc(today.AddDays(CaseStudy.WindowDays - 2).ToDateTime(CaseStudy.DefaultClosesAt), out var closes);
        var caseStudy = CaseStudy.Publish(new CaseStudyFields("Ashdown Vale Academy: attendance",
            "As a senior leader at Ashdown Vale, how would you lead an improvement in attendance over the next year? Set out your diagnosis, your plan, how you would bring staff with you, and how you would know it was working.",
            cohort.Id, opens, closes, CaseStudy.DefaultWordLimit, CaseStudy.DefaultAttendanceThreshold), file, teamId, now.AddDays(-14));
        db.CaseStudies.Add(caseStudy);
        db.AssessmentCriteria.AddRange(
            new AssessmentCriterion { Project = ProjectNumbers.CaseStudy, Code = "CS1", Text = "Diagnoses the school's challenge from the evidence in the case study.", Position = 1 },
            new AssessmentCriterion { Project = ProjectNumbers.CaseStudy, Code = "CS2", Text = "Sets out a realistic plan that brings staff and governors with it.", Position = 2 },
            new AssessmentCriterion { Project = ProjectNumbers.CaseStudy, Code = "CS3", Text = "Explains how impact would be evaluated.", Position = 3 });
        await db.SaveChangesAsync(ct);

        var participants = await db.Participants.Where(p => p.CohortId == cohort.Id).ToDictionaryAsync(p => p.UserId, p => p.Id, ct);
        db.CaseStudyAdjustments.Add(new CaseStudyAdjustment
        {
            CaseStudyId = caseStudy.Id, ParticipantId = participants[members[3].Id], EligibleOverride = true,
            EligibilityReason = "Two sessions were missed for a school inspection; the tutor confirmed the catch-up work.",
            ExtendedUntil = closes.AddDays(3), ExtensionReason = "Bereavement leave in the first week of the window.",
            ChangedAt = now, ChangedById = teamId,
        });
        var draft = Submission.Start(participants[members[0].Id], ProjectNumbers.CaseStudy, 1, now);
        draft.CaseStudyId = caseStudy.Id;
        draft.SetText(["Attendance at Ashdown Vale has fallen for two years, and the fall is steepest among pupils eligible for free school meals."], null, now);
        db.Submissions.Add(draft);
        await db.SaveChangesAsync(ct);
    }
}
