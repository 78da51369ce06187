using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.Communities;

public sealed record CohortGroupView(int Id, string Name, bool Published, List<PersonInCohort> Members, double Score, List<string> Reasons, List<string> Warnings);

public sealed record BuddyPairView(string Round, List<string> Names, int CheckIns, DateOnly? LastCheckIn, int Repeats);

public sealed record CohortGroupsView(string CohortName, List<PersonInCohort> Delegates, List<CohortGroupView> Groups, List<PersonInCohort> Unplaced, List<BuddyPairView> Pairs)
{
    public int PlacedInPublished => Groups.Where(g => g.Published).Sum(g => g.Members.Count);
}

// A group the programme team makes by hand from delegates not yet in one.
public sealed class NewGroupInput
{
    public string? Name { get; set; }
    public List<string> Members { get; set; } = [];
}

public sealed class PublishInput
{
    public bool AcceptWarnings { get; set; }
}

public sealed class BuddyRoundInput
{
    public string? Round { get; set; }
}

public sealed record BuddyRound(string Round, int Delegates, BuddyPairingResult Pairing);

// The programme team's work on a cohort's groups and buddies: load, check with the rules on the
// entities, save. Formation itself is in GroupFormationService.
public sealed class CohortGroups(AppDbContext db, GroupFormationService formation, TimeProvider time)
{
    public async Task<CohortGroupsView?> ViewAsync(int cohortId, CancellationToken ct = default)
    {
        var cohortName = await db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (cohortName is null)
        {
            return null;
        }
        var everyone = await formation.DelegatesAsync(cohortId, outsidePublishedGroups: false, ct);
        var byId = everyone.ToDictionary(d => d.Id);
        var groups = await db.CommunityGroups.AsNoTracking().Where(g => g.CohortId == cohortId).OrderBy(g => g.Published).ThenBy(g => g.Name)
            .Select(g => new { g.Id, g.Name, g.Published, Members = g.Members.Select(m => m.UserId).ToList() }).ToListAsync(ct);
        var views = groups.Select(g =>
        {
            var members = g.Members.Where(byId.ContainsKey).Select(id => byId[id]).OrderBy(m => m.Name).ToList();
            var (score, reasons, warnings) = GroupFormationService.Describe(members);
            return new CohortGroupView(g.Id, g.Name, g.Published, members, score, reasons, warnings);
        }).ToList();
        var placed = groups.SelectMany(g => g.Members).ToHashSet(StringComparer.Ordinal);

        var pairs = await db.BuddyPairs.AsNoTracking().Where(p => p.CohortId == cohortId).OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new { p.Round, p.CreatedAt, Members = p.Members.Select(m => m.UserId).ToList(), CheckIns = p.CheckIns.Count, Last = p.CheckIns.Max(c => (DateOnly?)c.Date) })
            .ToListAsync(ct);
        var pairViews = pairs.Select(p =>
        {
            var repeats = pairs.Count(other => other.CreatedAt < p.CreatedAt && other.Members.Intersect(p.Members).Count() >= 2);
            return new BuddyPairView(p.Round, p.Members.Select(id => byId.TryGetValue(id, out var d) ? d.Name : "a former delegate").ToList(), p.CheckIns, p.Last, repeats);
        }).ToList();
        return new CohortGroupsView(cohortName, everyone, views, everyone.Where(d => !placed.Contains(d.Id)).ToList(), pairViews);
    }

    // Replaces the draft groups with a new proposal for everyone not in a published group.
    public async Task<Result<Proposal>> ProposeAsync(int cohortId, FormationWeights weights, CancellationToken ct = default)
    {
        if (weights.Check() is { } failure)
        {
            return failure;
        }
        var proposal = GroupFormationService.Propose(await formation.DelegatesAsync(cohortId, outsidePublishedGroups: true, ct), weights.Options(seed: cohortId));
        await formation.SaveDraftAsync(cohortId, proposal, ct);
        return proposal;
    }

    // moves: delegate id to the id of the group they go to (as the form sends it). Returns how many moved.
    public async Task<Result<int>> MoveAsync(int cohortId, IReadOnlyDictionary<string, string> moves, CancellationToken ct = default)
    {
        var groupIds = await db.CommunityGroups.Where(g => g.CohortId == cohortId).Select(g => g.Id).ToListAsync(ct);
        var members = await db.CommunityMembers.Where(m => m.CohortId == cohortId).ToListAsync(ct);
        var moved = 0;
        foreach (var (userId, target) in moves)
        {
            var member = members.FirstOrDefault(m => m.UserId == userId);
            if (member is null || !int.TryParse(target, System.Globalization.CultureInfo.InvariantCulture, out var groupId) || !groupIds.Contains(groupId))
            {
                return new Failure(FailureKind.Invalid, "Choose groups from the lists");
            }
            moved += member.MoveTo(groupId) ? 1 : 0;
        }
        await db.SaveChangesAsync(ct);
        return moved;
    }

    // Publishes every draft group: members see them from now on.
    public async Task<Result<int>> PublishAsync(int cohortId, PublishInput input, CancellationToken ct = default)
    {
        var view = await ViewAsync(cohortId, ct);
        if (view is null)
        {
            return Failure.NotFound("There is no cohort with that id.");
        }
        var drafts = view.Groups.Where(g => !g.Published).ToList();
        if (CommunityGroup.CheckPublish(drafts.Any(g => g.Warnings.Count > 0), input.AcceptWarnings) is { } failure)
        {
            return failure;
        }
        var ids = drafts.Select(g => g.Id).ToList();
        return await db.CommunityGroups.Where(g => ids.Contains(g.Id) && !g.Published).ExecuteUpdateAsync(s => s.SetProperty(g => g.Published, true), ct);
    }

    public async Task<Result<CommunityGroup>> CreateAsync(int cohortId, NewGroupInput input, CancellationToken ct = default)
    {
        var view = await ViewAsync(cohortId, ct);
        if (view is null)
        {
            return Failure.NotFound("There is no cohort with that id.");
        }
        var group = CommunityGroup.Draft(cohortId, input, view.Groups.Select(g => g.Name).ToList(), view.Unplaced.Select(u => u.Id).ToHashSet(StringComparer.Ordinal));
        if (!group.Succeeded)
        {
            return group;
        }
        db.CommunityGroups.Add(group.Value);
        return await db.TrySaveUniqueAsync(ct)
            ? group
            : Failure.Conflict("Someone placed one of these delegates in a group at the same moment. Check the groups and try again", nameof(NewGroupInput.Members));
    }

    // A new round of buddy pairs for the whole cohort, avoiding earlier buddies where numbers allow.
    public async Task<Result<BuddyRound>> PairBuddiesAsync(int cohortId, BuddyRoundInput input, CancellationToken ct = default)
    {
        var rounds = await db.BuddyPairs.Where(p => p.CohortId == cohortId).Select(p => p.Round).Distinct().ToListAsync(ct);
        var round = BuddyPair.CheckRound(input, rounds);
        if (!round.Succeeded)
        {
            return round.Failure;
        }
        var ids = await db.Participants.Where(p => p.CohortId == cohortId).OrderBy(p => p.UserId).Select(p => p.UserId).ToListAsync(ct);
        var earlier = await db.BuddyPairs.Where(p => p.CohortId == cohortId).Select(p => p.Members.Select(m => m.UserId).ToList()).ToListAsync(ct);
        var pairing = BuddyPairing.Pair(ids, earlier, seed: (cohortId * 31) + earlier.Count);
        if (pairing.Problem is not null && pairing.Groups.Count == 0)
        {
            return Failure.Refused(pairing.Problem, nameof(BuddyRoundInput.Round));
        }
        var now = time.UtcNow();
        db.BuddyPairs.AddRange(pairing.Groups.Select(g => BuddyPair.For(cohortId, round.Value, g, now)));
        await db.SaveChangesAsync(ct);
        return new BuddyRound(round.Value, ids.Count, pairing);
    }
}
