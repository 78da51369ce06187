using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Tutorials;

public sealed record DirectoryFilter(SchoolPhase? Phase = null, Region? Region = null, SettingType? SettingType = null, TutorialMode? Mode = null);

public sealed record DirectoryEntry(PartnerProfile Partner, string Name, PartnerMatch Match, int FreeSlots, IReadOnlyList<TutorialMode> Modes, DateTime? EarliestFree);

public sealed record FreeSlot(int Id, DateTime StartsAt, int Minutes, TutorialMode Mode, string Where);

// What delegates see of partners: the ranked directory and the free slots.
public sealed class PartnerDirectory(AppDbContext db, TimeProvider time)
{
    private DateTime Now => time.UtcNow();

    public IQueryable<PartnerProfile> ActivePartners
    {
        get
        {
            var partnerRole = RoleSeed.IdOf(Roles.Partner);
            return db.PartnerProfiles.Where(p => db.UserRoles.Any(r => r.UserId == p.UserId && r.RoleId == partnerRole));
        }
    }

    public IQueryable<TutorialSlot> FreeSlots =>
        db.TutorialSlots.Where(s => s.WithdrawnAt == null && s.StartsAt > Now && !db.Bookings.Any(b => b.ActiveSlotId == s.Id));

    // Project 1: the delegate's own school. Project 2: the placement school, as far as it is known
    // (the URN finds it among the schools we keep; otherwise only its phase is recorded).
    public async Task<MatchTarget> TargetAsync(Participant place, int project, CancellationToken ct = default)
    {
        if (project == ProjectNumbers.Change)
        {
            var school = place.School ?? (place.SchoolId is { } id ? await db.Schools.AsNoTracking().SingleAsync(s => s.Id == id, ct) : null);
            return school is null ? new MatchTarget("your school (not recorded)", null, null, null, null) : MatchTarget.Of(school, school.Name);
        }
        var placement = await db.Project2s.AsNoTracking().Where(p => p.ParticipantId == place.Id)
            .Select(p => new { p.PlacementSchoolName, p.PlacementSchoolUrn, p.PlacementSchoolPhase }).FirstOrDefaultAsync(ct);
        if (placement is null || string.IsNullOrWhiteSpace(placement.PlacementSchoolName))
        {
            return new MatchTarget("your placement school (not recorded yet)", null, null, null, null);
        }
        var known = placement.PlacementSchoolUrn is { } urn ? await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Urn == urn, ct) : null;
        return known is not null
            ? MatchTarget.Of(known, placement.PlacementSchoolName)
            : new MatchTarget(placement.PlacementSchoolName, placement.PlacementSchoolPhase, null, null, null);
    }

    public async Task<List<DirectoryEntry>> RankAsync(MatchTarget target, DirectoryFilter filter, CancellationToken ct = default)
    {
        var partners = ActivePartners.AsNoTracking();
        if (filter.Phase is { } phase)
        {
            partners = partners.Where(p => p.Phase == phase);
        }
        if (filter.Region is { } region)
        {
            partners = partners.Where(p => p.Region == region);
        }
        if (filter.SettingType is { } setting)
        {
            partners = partners.Where(p => p.SettingType == setting);
        }
        var rows = await partners.Select(p => new { Profile = p, p.User.FullName }).ToListAsync(ct);
        // The free slots summed up by the database, per partner and mode (a few rows per partner),
        // rather than every free slot of every partner read and scanned here.
        var partnerIds = partners.Select(p => p.Id);
        var free = (await FreeSlots.Where(s => partnerIds.Contains(s.PartnerId))
                .GroupBy(s => new { s.PartnerId, s.Mode })
                .Select(g => new { g.Key.PartnerId, g.Key.Mode, Count = g.Count(), Earliest = g.Min(s => s.StartsAt) })
                .ToListAsync(ct))
            .ToLookup(f => f.PartnerId);
        var names = rows.ToDictionary(r => r.Profile.Id, r => r.FullName);
        var entries = PartnerMatching.Rank(rows.Select(r => r.Profile), target, p => names[p.Id])
            .Select(x =>
            {
                var mine = free[x.Partner.Id].ToList();
                return new DirectoryEntry(x.Partner, names[x.Partner.Id], x.Match, mine.Sum(f => f.Count), mine.Select(f => f.Mode).Order().ToList(),
                    mine.Count == 0 ? null : mine.Min(f => f.Earliest));
            });
        if (filter.Mode is { } mode)
        {
            entries = entries.Where(e => e.Modes.Contains(mode));
        }
        return entries.ToList();
    }

    public Task<List<FreeSlot>> FreeSlotsAsync(int partnerId, DateTime? from = null, DateTime? to = null, CancellationToken ct = default)
    {
        var slots = FreeSlots.Where(s => s.PartnerId == partnerId);
        if (from is { } f)
        {
            slots = slots.Where(s => s.StartsAt >= f);
        }
        if (to is { } t)
        {
            slots = slots.Where(s => s.StartsAt < t);
        }
        return slots.OrderBy(s => s.StartsAt).ThenBy(s => s.Id).Select(s => new FreeSlot(s.Id, s.StartsAt, s.Minutes, s.Mode, s.Where)).ToListAsync(ct);
    }
}
