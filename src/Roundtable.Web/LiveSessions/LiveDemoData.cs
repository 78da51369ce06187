using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.Web.LiveSessions;

// A senior leadership cohort with one group of eight, all marked present for a session due within
// the hour: its chair (breakout1) starts it and sees two breakouts run side by side.
public static class LiveDemoData
{
    private static readonly string[] Names =
    [
        "Ada Brennan", "Bilal Chaudhry", "Carys Dunmore", "Dominic Eze", "Elif Fairweather", "Farah Greaves", "Gethin Hollis", "Hana Ibbotson",
    ];

    public static async Task SeedAsync(AppDbContext db, TimeProvider time, Func<string, string, string[], Task<AppUser>> person, CancellationToken ct = default)
    {
        var now = time.UtcNow();
        var today = DateOnly.FromDateTime(now);
        var programme = await db.Programmes.FirstAsync(p => p.Code == "NPQSL", ct);
        var start = today.AddMonths(-2);
        var cohort = new Cohort { ProgrammeId = programme.Id, Name = $"NPQSL {start:MMMM yyyy}", CourseStart = start, DfeCohortYear = start.Month >= 9 ? start.Year : start.Year - 1 };
        db.Cohorts.Add(cohort);
        // Colleagues in pairs from four schools, so the split shows them kept apart.
        var schools = await db.Schools.OrderBy(s => s.Urn).Take(4).ToListAsync(ct);
        await db.SaveChangesAsync(ct);
        var members = new List<AppUser>();
        for (var i = 0; i < Names.Length; i++)
        {
            var user = await person($"breakout{i + 1}", Names[i], [Roles.Delegate]);
            members.Add(user);
            db.Participants.Add(new Participant { UserId = user.Id, CohortId = cohort.Id, SchoolId = schools[i / 2 % schools.Count].Id, Birthday = new Birthday(3 + i, 2) });
        }
        var group = new CommunityGroup
        {
            CohortId = cohort.Id, Name = "Senior leaders' circle", Published = true,
            Members = members.Select(m => new CommunityMember { CohortId = cohort.Id, UserId = m.Id }).ToList(),
        };
        db.CommunityGroups.Add(group);
        await db.SaveChangesAsync(ct);
        var startsAt = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc).AddMinutes(20);
        var session = new CommunitySession { GroupId = group.Id, StartsAt = startsAt, Mode = SessionMode.Online, Where = $"https://meet.example.org/roundtable-{group.Id}" };
        db.CommunitySessions.Add(session);
        await db.SaveChangesAsync(ct);
        db.SessionAttendance.AddRange(members.Select(m => new SessionAttendance { SessionId = session.Id, UserId = m.Id, Present = true }));
        await db.SaveChangesAsync(ct);
    }
}
