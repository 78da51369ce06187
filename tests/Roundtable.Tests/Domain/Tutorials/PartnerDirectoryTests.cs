using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;
using Xunit;

namespace Roundtable.Tests.Domain.Tutorials;

// The directory's free-slot figures are summed up by the database (per partner and mode); they must
// be exactly what reading every slot and counting in memory gave, and the ranking must not move.
public class PartnerDirectoryTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task FreeSlotFigures_AndOrder_MatchCountingEverySlot()
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var cohort = await Data.CohortAsync();
        var delegateUser = await Data.DelegateAsync(cohort, "booker@test.example");
        var participantId = await Data.ParticipantIdAsync(delegateUser);
        var random = new Random(20);
        var phases = Enum.GetValues<SchoolPhase>();
        var regions = Enum.GetValues<Region>();
        for (var i = 0; i < 14; i++)
        {
            // Some partners share a score and headship years, so the later tie-breaks (name, id) count.
            var partner = await Data.UserAsync($"partner{i:D2}@test.example", $"Partner {(char)('A' + random.Next(5))}", [Roles.Partner]);
            var profile = await App.WithDbAsync(async db =>
            {
                var p = new PartnerProfile
                {
                    UserId = partner.Id, Phase = phases[random.Next(2)], Region = regions[random.Next(3)], SettingType = SettingType.Academy,
                    HeadshipYears = 5 + random.Next(3), NumberOnRoll = 200 + random.Next(400), UpdatedAt = now,
                };
                db.PartnerProfiles.Add(p);
                await db.SaveChangesAsync();
                return p;
            });
            // Up to a dozen slots each: past and future, online and in person, some withdrawn,
            // some held by a booking, some whose booking was cancelled (free again); a few partners have none.
            var count = i % 5 == 4 ? 0 : random.Next(1, 13);
            await App.WithDbAsync(async db =>
            {
                for (var n = 0; n < count; n++)
                {
                    var mode = random.Next(3) == 0 ? TutorialMode.InPerson : TutorialMode.Online;
                    var slot = new TutorialSlot
                    {
                        PartnerId = profile.Id, StartsAt = now.AddHours(random.Next(-400, 2000)), Minutes = 60, Mode = mode,
                        Where = mode == TutorialMode.Online ? "https://meet.example.org/t" : "Head's office", CreatedAt = now.AddDays(-30),
                        WithdrawnAt = random.Next(6) == 0 ? now.AddDays(-1) : null,
                    };
                    db.TutorialSlots.Add(slot);
                    await db.SaveChangesAsync();
                    var fate = random.Next(4);
                    if (fate < 2)
                    {
                        db.Bookings.Add(new Booking
                        {
                            SlotId = slot.Id, ParticipantId = participantId, Project = 1, Status = fate == 0 ? BookingStatus.Booked : BookingStatus.Cancelled,
                            BookedAt = now.AddDays(-2), ActiveSlotId = fate == 0 ? slot.Id : null,
                        });
                        await db.SaveChangesAsync();
                    }
                }
            });
        }
        var target = new MatchTarget("a primary in the South East", SchoolPhase.Primary, SettingType.Academy, Region.SouthEast, 300);

        foreach (var filter in new[] { new DirectoryFilter(), new DirectoryFilter(Mode: TutorialMode.InPerson), new DirectoryFilter(Phase: SchoolPhase.Primary, Mode: TutorialMode.Online) })
        {
            var expected = await CountingEverySlotAsync(target, filter, now);
            await using var scope = App.Services.CreateAsyncScope();
            var actual = await scope.ServiceProvider.GetRequiredService<PartnerDirectory>().RankAsync(target, filter);

            Assert.Equal(expected.Select(e => (e.Id, e.Name, e.Score, e.FreeSlots, string.Join(",", e.Modes), e.EarliestFree)),
                actual.Select(e => (e.Partner.Id, e.Name, e.Match.Score, e.FreeSlots, string.Join(",", e.Modes), e.EarliestFree)));
        }
        Assert.Contains((await App.WithDbAsync(db => db.TutorialSlots.ToListAsync())), s => s.WithdrawnAt is not null);
    }

    // The directory as it was first written: every free slot read, each partner's counted in memory.
    private async Task<List<(int Id, string Name, int Score, int FreeSlots, List<TutorialMode> Modes, DateTime? EarliestFree)>> CountingEverySlotAsync(
        MatchTarget target, DirectoryFilter filter, DateTime now) =>
        await App.WithDbAsync(async db =>
        {
            var partnerRole = await db.Roles.Where(r => r.Name == Roles.Partner).Select(r => r.Id).SingleAsync();
            var profiles = await db.PartnerProfiles.AsNoTracking().Include(p => p.User)
                .Where(p => db.UserRoles.Any(r => r.UserId == p.UserId && r.RoleId == partnerRole)).ToListAsync();
            profiles = profiles.Where(p => filter.Phase is null || p.Phase == filter.Phase).ToList();
            var held = (await db.Bookings.Where(b => b.ActiveSlotId != null).Select(b => b.ActiveSlotId!.Value).ToListAsync()).ToHashSet();
            var slots = (await db.TutorialSlots.AsNoTracking().ToListAsync()).Where(s => s.WithdrawnAt is null && s.StartsAt > now && !held.Contains(s.Id)).ToList();
            return PartnerMatching.Rank(profiles, target, p => p.User.FullName)
                .Select(x =>
                {
                    var mine = slots.Where(s => s.PartnerId == x.Partner.Id).ToList();
                    return (x.Partner.Id, x.Partner.User.FullName, x.Match.Score, mine.Count, mine.Select(s => s.Mode).Distinct().Order().ToList(),
                        mine.Count == 0 ? (DateTime?)null : mine.Min(s => s.StartsAt));
                })
                .Where(e => filter.Mode is null || e.Item5.Contains(filter.Mode.Value))
                .ToList();
        });
}
