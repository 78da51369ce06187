using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.Web.Communities;

public sealed record PersonInCohort(string Id, string Name, string Email, int? SchoolId, string School, SchoolPhase? Phase, Region? Region);

public sealed record ProposedGroup(int Number, IReadOnlyList<PersonInCohort> Members, double Score, IReadOnlyList<string> Reasons, bool Flagged);

public sealed record Proposal(IReadOnlyList<ProposedGroup> Groups, IReadOnlyList<string> Problems);

// How much the team wants a group to share a phase and a region: 0 (not at all) to 10.
public sealed class FormationWeights
{
    public const double Max = 10;

    public double PhaseWeight { get; set; } = 2;
    public double RegionWeight { get; set; } = 1;

    public Failure? Check()
    {
        var errors = new FieldErrors();
        if (PhaseWeight is < 0 or > Max)
        {
            errors.Add(nameof(PhaseWeight), "Weights run from 0 to 10.");
        }
        if (RegionWeight is < 0 or > Max)
        {
            errors.Add(nameof(RegionWeight), "Weights run from 0 to 10.");
        }
        return errors.ToFailure();
    }

    public GroupFormationOptions Options(int seed) => new() { PhaseWeight = PhaseWeight, RegionWeight = RegionWeight, Seed = seed };
}

// Runs the pure formation over a cohort's delegates, describes groups as people see them, and
// saves a proposal as draft groups the programme team can adjust before publishing.
public sealed class GroupFormationService(AppDbContext db)
{
    public async Task<List<PersonInCohort>> DelegatesAsync(int cohortId, bool outsidePublishedGroups, CancellationToken ct = default)
    {
        var query = db.Participants.AsNoTracking().Where(p => p.CohortId == cohortId);
        if (outsidePublishedGroups)
        {
            query = query.Where(p => !db.CommunityMembers.Any(m => m.CohortId == cohortId && m.UserId == p.UserId && m.Group.Published));
        }
        return await query.OrderBy(p => p.User.FullName)
            .Select(p => new PersonInCohort(p.UserId, p.User.FullName, p.User.Email!, p.SchoolId, p.School!.Name ?? "", p.School.Phase, p.School.Region))
            .ToListAsync(ct);
    }

    public static Proposal Propose(IReadOnlyList<PersonInCohort> delegates, GroupFormationOptions options)
    {
        // A delegate with no school recorded cannot clash with anyone: give them a school of their own.
        var input = delegates.Select(d => new CohortParticipant(d.Id,
            d.SchoolId?.ToString(CultureInfo.InvariantCulture) ?? "none:" + d.Id,
            d.Phase?.ToString() ?? "", d.Region?.ToString() ?? "")).ToList();
        var result = GroupFormation.Form(input, options);
        var byId = delegates.ToDictionary(d => d.Id);
        var schoolNames = delegates.Where(d => d.SchoolId is not null).GroupBy(d => d.SchoolId!.Value)
            .ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => g.First().School);
        var problems = result.Problems.Select(p => schoolNames.Aggregate(p, (text, s) => text.Replace($"School {s.Key} ", $"{s.Value} ", StringComparison.Ordinal))).ToList();
        return new Proposal(
            result.Groups.Select(g => new ProposedGroup(g.Number, g.MemberIds.Select(id => byId[id]).ToList(), g.Score, g.Reasons, g.Flagged)).ToList(),
            problems);
    }

    // What a group is like now, after any moves: the reasons the team sees beside it.
    public static (double Score, List<string> Reasons, List<string> Warnings) Describe(IReadOnlyList<PersonInCohort> members, double phaseWeight = 2, double regionWeight = 1)
    {
        var reasons = new List<string>();
        var warnings = new List<string>();
        if (members.Count is < 4 or > 6)
        {
            warnings.Add(members.Count < 4 ? $"Only {members.Count} members: groups should have 4 to 6" : $"{members.Count} members: groups should have 4 to 6");
        }
        foreach (var clash in members.Where(m => m.SchoolId is not null).GroupBy(m => m.SchoolId).Where(g => g.Count() > 1))
        {
            warnings.Add($"{clash.Count()} delegates from {clash.First().School}");
        }
        reasons.Add(Spread(members.Select(m => m.Phase is { } p ? EnumText.Display(p) : "phase not recorded").ToList(), members.Count));
        reasons.Add(Spread(members.Select(m => m.Region is { } r ? EnumText.Display(r) : "region not recorded").ToList(), members.Count, "in "));

        var pairs = 0;
        var similar = 0.0;
        for (var i = 0; i < members.Count; i++)
        {
            for (var j = i + 1; j < members.Count; j++)
            {
                pairs++;
                similar += (members[i].Phase is not null && members[i].Phase == members[j].Phase ? phaseWeight : 0)
                    + (members[i].Region is not null && members[i].Region == members[j].Region ? regionWeight : 0);
            }
        }
        var score = pairs == 0 ? 0 : similar / (pairs * (phaseWeight + regionWeight));
        return (Math.Round(score, 2), reasons, warnings);
    }

    private static string Spread(List<string> values, int total, string prefix = "")
    {
        var groups = values.GroupBy(v => v).OrderByDescending(g => g.Count()).ToList();
        if (groups.Count == 1)
        {
            return $"All {prefix}{groups[0].Key}";
        }
        return string.Join(", ", groups.Select(g => $"{g.Count()} of {total} {prefix}{g.Key}"));
    }

    // Replaces the cohort's draft groups with the proposal (published groups are never touched).
    public async Task SaveDraftAsync(int cohortId, Proposal proposal, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.CommunityGroups.Where(g => g.CohortId == cohortId && !g.Published).ExecuteDeleteAsync(ct);
        var taken = await db.CommunityGroups.Where(g => g.CohortId == cohortId).Select(g => g.Name).ToListAsync(ct);
        var n = 0;
        foreach (var group in proposal.Groups)
        {
            string name;
            do { name = $"Group {++n}"; } while (taken.Contains(name));
            db.CommunityGroups.Add(new CommunityGroup
            {
                CohortId = cohortId,
                Name = name,
                Notes = string.Join("; ", group.Reasons),
                Members = group.Members.Select(m => new CommunityMember { CohortId = cohortId, UserId = m.Id }).ToList(),
            });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
