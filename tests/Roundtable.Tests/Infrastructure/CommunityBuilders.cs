using Roundtable.Web.Communities;
using Roundtable.Web.People;

namespace Roundtable.Tests.Infrastructure;

// Builders for community groups and sessions, written straight to the database.
public static class CommunityBuilders
{
    public static Task<CommunityGroup> GroupAsync(this AppFactory app, Cohort cohort, IEnumerable<AppUser> members, bool published = true, string name = "Group A") =>
        app.WithDbAsync(async db =>
        {
            var group = new CommunityGroup
            {
                CohortId = cohort.Id, Name = name, Published = published,
                Members = members.Select(m => new CommunityMember { CohortId = cohort.Id, UserId = m.Id }).ToList(),
            };
            db.CommunityGroups.Add(group);
            await db.SaveChangesAsync();
            return group;
        });

    public static Task<CommunitySession> SessionAsync(this AppFactory app, CommunityGroup group, TimeSpan fromNow, SessionMode mode = SessionMode.Online) =>
        app.WithDbAsync(async db =>
        {
            var session = new CommunitySession
            {
                GroupId = group.Id, StartsAt = app.Clock.GetUtcNow().UtcDateTime + fromNow, Mode = mode,
                Where = mode == SessionMode.Online ? "https://meet.example.org/x" : "Room 1",
            };
            db.CommunitySessions.Add(session);
            await db.SaveChangesAsync();
            return session;
        });

    // A cohort with one published group of the given size, each delegate at a different school.
    public static async Task<(Cohort Cohort, List<AppUser> Members, CommunityGroup Group)> GroupWithMembersAsync(this TestData data, AppFactory app, int size = 4, string prefix = "m", Cohort? cohort = null, string groupName = "Group A", int urnBase = 200000)
    {
        cohort ??= await data.CohortAsync();
        var members = new List<AppUser>();
        for (var i = 1; i <= size; i++)
        {
            var school = await data.SchoolAsync(urnBase + i, $"School {prefix}{i}");
            members.Add(await data.DelegateAsync(cohort, $"{prefix}{i}@test.example", school, name: $"{prefix.ToUpperInvariant()} Member {i}"));
        }
        var group = await app.GroupAsync(cohort, members, name: groupName);
        return (cohort, members, group);
    }
}
