using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.People;

namespace Roundtable.Web.Reminders;

// Makes one reminder of every kind due as soon as the app starts, so a newcomer sees them arrive
// (over SMTP, or as .eml files in Email:PickupDirectory) within a minute: the reminders job fires
// at start-up and the outbox job every few seconds.
public static class RemindersDemoData
{
    public static async Task SeedAsync(AppDbContext db, int cohortId, TimeProvider time, Func<string, string, string[], Task<AppUser>> person,
        AppUser tutor, CancellationToken ct = default)
    {
        var now = time.UtcNow();
        var today = LondonTime.Today(time);
        var npqh = await db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.ProgrammeId).SingleAsync(ct);

        // Session tomorrow: the first group meets tomorrow afternoon; its first member chairs.
        var group = await db.CommunityGroups.Include(g => g.Members).Where(g => g.CohortId == cohortId).OrderBy(g => g.Name).FirstOrDefaultAsync(ct);
        if (group is not null && LondonTime.TryToUtc(today.AddDays(1).ToDateTime(new TimeOnly(16, 30)), out var tomorrow))
        {
            db.CommunitySessions.Add(new CommunitySession
            {
                GroupId = group.Id, StartsAt = tomorrow, Mode = SessionMode.Online, Where = $"https://meet.example.org/roundtable-{group.Id}-extra",
                ChairId = group.Members.OrderBy(m => m.Id).Select(m => m.UserId).FirstOrDefault(),
            });
        }

        // Tutorial window closing: a cohort whose tutorial 1 window ends in a week.
        var closing = new Cohort { ProgrammeId = npqh, Name = "NPQH (tutorial window closing)", CourseStart = today.AddDays(7).AddMonths(-3) };
        // Placement days short: a cohort whose 18 months end in three weeks.
        var ending = new Cohort { ProgrammeId = npqh, Name = "NPQH (placement ending)", CourseStart = today.AddDays(21).AddMonths(-ReminderRules.ProgrammeMonths) };
        db.Cohorts.AddRange(closing, ending);
        await db.SaveChangesAsync(ct);
        var late = await person("delegate-window", "Zara Penhaligon", [Roles.Delegate]);
        var shortLog = await person("delegate-placement", "Idris Blackmore", [Roles.Delegate]);
        db.Participants.Add(new Participant { UserId = late.Id, CohortId = closing.Id, TutorId = tutor.Id });
        db.Participants.Add(new Participant { UserId = shortLog.Id, CohortId = ending.Id, TutorId = tutor.Id });

        // Invoice awaiting approval: the submitted demo invoice has waited two weeks.
        await db.Invoices.Where(i => i.Status == Invoicing.InvoiceStatus.Submitted && i.SubmittedAt > now.AddDays(-14))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.SubmittedAt, now.AddDays(-14)), ct);
        await db.SaveChangesAsync(ct);
        // Feedback overdue: TutorialsDemoData already leaves a tutorial a week old without feedback.
    }
}
