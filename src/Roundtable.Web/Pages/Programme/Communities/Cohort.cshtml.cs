using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Communities;

namespace Roundtable.Web.Pages.Programme.Communities;

public class CohortModel(CohortGroups cohortGroups) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public string CohortName { get; private set; } = "";
    public int DelegateCount { get; private set; }
    public int PlacedInPublished { get; private set; }
    public List<CohortGroupView> Groups { get; private set; } = [];
    public List<PersonInCohort> Unplaced { get; private set; } = [];
    public List<BuddyPairView> Pairs { get; private set; } = [];
    public List<string> FormationProblems { get; private set; } = [];
    public IReadOnlyList<(int Value, string Text)> WeightChoices { get; } = [(0, "Not at all"), (1, "A little"), (2, "Quite a lot"), (4, "A lot")];

    // Each form on the page posts its own fields; those of the older forms have no prefix.
    [BindProperty(Name = "")] public FormationWeights Weights { get; set; } = new();
    [BindProperty(Name = "")] public PublishInput Publish { get; set; } = new();
    [BindProperty] public NewGroupInput NewGroup { get; set; } = new();
    [BindProperty(Name = "")] public BuddyRoundInput Buddies { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFormAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var proposal = await cohortGroups.ProposeAsync(Id, Weights, ct);
        if (!proposal.Succeeded)
        {
            ModelState.AddFailure(proposal.Failure, prefix: "");
            return Page();
        }
        TempData["Flash"] = $"Proposed {proposal.Value.Groups.Count} draft groups. Check them, move people if you need to, then publish.";
        TempData["FormationProblems"] = string.Join("\n", proposal.Value.Problems);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        // Read straight from the form: a bound dictionary would also swallow every other field
        // when no move is posted (model binding falls back to the empty prefix).
        var moves = Request.Form.Where(f => f.Key.StartsWith("Moves[", StringComparison.Ordinal) && f.Key.EndsWith(']'))
            .ToDictionary(f => f.Key["Moves[".Length..^1], f => f.Value.ToString(), StringComparer.Ordinal);
        var moved = await cohortGroups.MoveAsync(Id, moves, ct);
        if (!moved.Succeeded)
        {
            ModelState.AddFailure(moved.Failure);
            return Page();
        }
        TempData["Flash"] = moved.Value == 1 ? "Moved 1 delegate." : $"Moved {moved.Value} delegates.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var published = await cohortGroups.PublishAsync(Id, Publish, ct);
        if (!published.Succeeded)
        {
            ModelState.AddFailure(published.Failure, prefix: "");
            return Page();
        }
        TempData["Flash"] = $"Published {published.Value} groups. Their members can see them now.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var group = await cohortGroups.CreateAsync(Id, NewGroup, ct);
        if (!group.Succeeded)
        {
            ModelState.AddFailure(group.Failure, prefix: nameof(NewGroup));
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = $"Made the draft group {group.Value.Name}.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostPairAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var paired = await cohortGroups.PairBuddiesAsync(Id, Buddies, ct);
        if (!paired.Succeeded)
        {
            ModelState.AddFailure(paired.Failure, prefix: "");
            return Page();
        }
        var (round, delegates, pairing) = paired.Value;
        TempData["Flash"] = $"Paired {delegates} delegates into {pairing.Groups.Count} buddy groups for {round}"
            + (pairing.RepeatedPairings > 0 ? $"; {pairing.RepeatedPairings} earlier pairings could not be avoided." : ", with no one paired with an earlier buddy.");
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var view = await cohortGroups.ViewAsync(Id, ct);
        if (view is null)
        {
            return false;
        }
        if (TempData.Peek("FormationProblems") is string problems && problems.Length > 0)
        {
            FormationProblems = problems.Split('\n').ToList();
        }
        (CohortName, DelegateCount, PlacedInPublished) = (view.CohortName, view.Delegates.Count, view.PlacedInPublished);
        (Groups, Unplaced, Pairs) = (view.Groups, view.Unplaced, view.Pairs);
        return true;
    }
}
