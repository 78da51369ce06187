using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Programme.Communities;

public class CohortModel(AppDbContext db, GroupFormationService formation, TimeProvider time) : PageModel
{
    public sealed record GroupView(int Id, string Name, bool Published, List<PersonInCohort> Members, double Score, List<string> Reasons, List<string> Warnings);
    public sealed record PairView(string Round, List<string> Names, int CheckIns, DateOnly? LastCheckIn, int Repeats);

    [FromRoute] public int Id { get; set; }
    public string CohortName { get; private set; } = "";
    public int DelegateCount { get; private set; }
    public int PlacedInPublished { get; private set; }
    public List<GroupView> Groups { get; private set; } = [];
    public List<PersonInCohort> Unplaced { get; private set; } = [];
    public List<PairView> Pairs { get; private set; } = [];
    public List<string> FormationProblems { get; private set; } = [];
    public IReadOnlyList<(int Value, string Text)> WeightChoices { get; } = [(0, "Not at all"), (1, "A little"), (2, "Quite a lot"), (4, "A lot")];

    [BindProperty] public int PhaseWeight { get; set; } = 2;
    [BindProperty] public int RegionWeight { get; set; } = 1;
    [BindProperty] public bool AcceptWarnings { get; set; }
    [BindProperty] public string? NewGroupName { get; set; }
    [BindProperty] public List<string> NewMembers { get; set; } = [];
    [BindProperty] public string? Round { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFormAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (PhaseWeight is < 0 or > 10 || RegionWeight is < 0 or > 10)
        {
            ModelState.AddModelError("", "Choose the weights from the lists");
            return Page();
        }
        var delegates = await formation.DelegatesAsync(Id, outsidePublishedGroups: true, ct);
        var proposal = GroupFormationService.Propose(delegates, new GroupFormationOptions { PhaseWeight = PhaseWeight, RegionWeight = RegionWeight, Seed = Id });
        await formation.SaveDraftAsync(Id, proposal, ct);
        TempData["Flash"] = $"Proposed {proposal.Groups.Count} draft groups. Check them, move people if you need to, then publish.";
        TempData["FormationProblems"] = string.Join("\n", proposal.Problems);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var groupIds = Groups.Select(g => g.Id).ToHashSet();
        var members = await db.CommunityMembers.Where(m => m.CohortId == Id).ToListAsync(ct);
        var moved = 0;
        // Read straight from the form: a bound dictionary would also swallow every other field
        // when no move is posted (model binding falls back to the empty prefix).
        foreach (var (key, value) in Request.Form.Where(f => f.Key.StartsWith("Moves[", StringComparison.Ordinal) && f.Key.EndsWith(']')))
        {
            var userId = key["Moves[".Length..^1];
            var member = members.FirstOrDefault(m => m.UserId == userId);
            if (member is null || !int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var groupId) || !groupIds.Contains(groupId))
            {
                ModelState.AddModelError("", "Choose groups from the lists");
                return Page();
            }
            if (member.GroupId != groupId)
            {
                member.GroupId = groupId;
                moved++;
            }
        }
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = moved == 1 ? "Moved 1 delegate." : $"Moved {moved} delegates.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var drafts = Groups.Where(g => !g.Published).ToList();
        if (drafts.Any(g => g.Warnings.Count > 0) && !AcceptWarnings)
        {
            ModelState.AddModelError("AcceptWarnings", "Some groups are marked 'Check'. Move people to fix them, or tick the box to publish anyway");
            return Page();
        }
        var ids = drafts.Select(g => g.Id).ToList();
        var published = await db.CommunityGroups.Where(g => ids.Contains(g.Id) && !g.Published).ExecuteUpdateAsync(s => s.SetProperty(g => g.Published, true), ct);
        TempData["Flash"] = $"Published {published} groups. Their members can see them now.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var name = NewGroupName?.Trim() ?? "";
        if (name.Length == 0 || name.Length > CommunityGroup.NameMaxLength)
        {
            ModelState.AddModelError(nameof(NewGroupName), name.Length == 0 ? "Enter a name for the group" : "Enter a name of at most 100 characters");
        }
        else if (Groups.Any(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError(nameof(NewGroupName), "This cohort already has a group with that name");
        }
        var unplaced = Unplaced.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        if (NewMembers.Count == 0)
        {
            ModelState.AddModelError(nameof(NewMembers), "Choose the delegates for the group");
        }
        else if (NewMembers.Any(m => !unplaced.Contains(m)))
        {
            ModelState.AddModelError(nameof(NewMembers), "Choose delegates who are not in a group yet");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.CommunityGroups.Add(new CommunityGroup
        {
            CohortId = Id,
            Name = name,
            Members = NewMembers.Distinct().Select(userId => new CommunityMember { CohortId = Id, UserId = userId }).ToList(),
        });
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddModelError(nameof(NewMembers), "Someone placed one of these delegates in a group at the same moment. Check the groups and try again");
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = $"Made the draft group {name}.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostPairAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var round = Round?.Trim() ?? "";
        if (round.Length == 0 || round.Length > BuddyPair.RoundMaxLength)
        {
            ModelState.AddModelError(nameof(Round), round.Length == 0 ? "Enter a name for this round, like Spring 2027" : "Enter a name of at most 100 characters");
        }
        else if (Pairs.Any(p => string.Equals(p.Round, round, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError(nameof(Round), "There is already a round with that name");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var ids = await db.Participants.Where(p => p.CohortId == Id).OrderBy(p => p.UserId).Select(p => p.UserId).ToListAsync(ct);
        var earlier = await db.BuddyPairs.Where(p => p.CohortId == Id).Select(p => p.Members.Select(m => m.UserId).ToList()).ToListAsync(ct);
        var result = BuddyPairing.Pair(ids, earlier, seed: Id * 31 + earlier.Count);
        if (result.Problem is not null && result.Groups.Count == 0)
        {
            ModelState.AddModelError(nameof(Round), result.Problem);
            return Page();
        }
        var now = time.UtcNow();
        foreach (var group in result.Groups)
        {
            db.BuddyPairs.Add(new BuddyPair
            {
                CohortId = Id, Round = round, CreatedAt = now,
                Members = group.MemberIds.Select(userId => new BuddyPairMember { UserId = userId }).ToList(),
            });
        }
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Paired {ids.Count} delegates into {result.Groups.Count} buddy groups for {round}"
            + (result.RepeatedPairings > 0 ? $"; {result.RepeatedPairings} earlier pairings could not be avoided." : ", with no one paired with an earlier buddy.");
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (cohort is null)
        {
            return false;
        }
        CohortName = cohort.Name;
        if (TempData.Peek("FormationProblems") is string problems && problems.Length > 0)
        {
            FormationProblems = problems.Split('\n').ToList();
        }
        var everyone = await formation.DelegatesAsync(Id, outsidePublishedGroups: false, ct);
        DelegateCount = everyone.Count;
        var byId = everyone.ToDictionary(d => d.Id);
        var groups = await db.CommunityGroups.AsNoTracking().Where(g => g.CohortId == Id).OrderBy(g => g.Published).ThenBy(g => g.Name)
            .Select(g => new { g.Id, g.Name, g.Published, Members = g.Members.Select(m => m.UserId).ToList() }).ToListAsync(ct);
        Groups = groups.Select(g =>
        {
            var members = g.Members.Where(byId.ContainsKey).Select(id => byId[id]).OrderBy(m => m.Name).ToList();
            var (score, reasons, warnings) = GroupFormationService.Describe(members);
            return new GroupView(g.Id, g.Name, g.Published, members, score, reasons, warnings);
        }).ToList();
        var placed = groups.SelectMany(g => g.Members).ToHashSet(StringComparer.Ordinal);
        PlacedInPublished = groups.Where(g => g.Published).Sum(g => g.Members.Count);
        Unplaced = everyone.Where(d => !placed.Contains(d.Id)).ToList();

        var pairs = await db.BuddyPairs.AsNoTracking().Where(p => p.CohortId == Id).OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new { p.Round, p.CreatedAt, Members = p.Members.Select(m => m.UserId).ToList(), CheckIns = p.CheckIns.Count, Last = p.CheckIns.Max(c => (DateOnly?)c.Date) })
            .ToListAsync(ct);
        Pairs = pairs.Select(p =>
        {
            var repeats = pairs.Count(other => other.CreatedAt < p.CreatedAt && other.Members.Intersect(p.Members).Count() >= 2);
            return new PairView(p.Round, p.Members.Select(id => byId.TryGetValue(id, out var d) ? d.Name : "a former delegate").ToList(), p.CheckIns, p.Last, repeats);
        }).ToList();
        return true;
    }
}
