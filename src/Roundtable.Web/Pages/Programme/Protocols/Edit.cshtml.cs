using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;

namespace Roundtable.Web.Pages.Programme.Protocols;

// Edits the steps of one group size of the team's own protocol. The draft travels in the form:
// adding, removing and moving steps re-show the page without saving (so they work without
// JavaScript), and saving makes a new version based on the one the editor started from.
public class EditModel(AppDbContext db, ProtocolLibrary library) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }
    [BindProperty] public int BasedOn { get; set; }
    [BindProperty] public ProtocolDraft Input { get; set; } = new();
    public Protocol Protocol { get; private set; } = null!;
    public ProtocolPlan Plan { get; private set; } = null!;
    public int EditedSize { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Protocol.BuiltIn)
        {
            TempData["Flash"] = "Built-in protocols cannot be changed: copy it and edit the copy.";
            return RedirectToPage("View", new { id = Id });
        }
        BasedOn = Plan.VersionNumber;
        Input = ProtocolDraft.From(Protocol.Name, Protocol.Description, Plan.SessionMinutes, Plan.Design.TemplateFor(EditedSize));
        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) => ReshowAsync(() =>
    {
        if (Input.Steps.Count < ProtocolDraft.MaxTurnSteps)
        {
            Input.Steps.Add(StepDraft.Blank());
        }
    }, ct);

    public Task<IActionResult> OnPostRemoveAsync(int index, CancellationToken ct) => ReshowAsync(() =>
    {
        if (index >= 0 && index < Input.Steps.Count)
        {
            Input.Steps.RemoveAt(index);
        }
    }, ct);

    public Task<IActionResult> OnPostUpAsync(int index, CancellationToken ct) => ReshowAsync(() => Swap(index, index - 1), ct);

    public Task<IActionResult> OnPostDownAsync(int index, CancellationToken ct) => ReshowAsync(() => Swap(index, index + 1), ct);

    public Task<IActionResult> OnPostTotalsAsync(CancellationToken ct) => ReshowAsync(() => { }, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var checkedDraft = Input.Check(EditedSize);
        if (!checkedDraft.Succeeded)
        {
            ModelState.AddFailure(checkedDraft.Failure);
            return Page();
        }
        var (name, description, sessionMinutes, template) = checkedDraft.Value;
        var design = Plan.Design with { Templates = Plan.Design.Templates.Select(t => t.GroupSize == EditedSize ? template : t).ToList() };
        var saved = await library.SaveVersionAsync(Id, BasedOn, name, description, sessionMinutes, design, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (!saved.Succeeded)
        {
            ModelState.AddFailure(saved.Failure);
            return Page();
        }
        TempData["Flash"] = $"Saved {name} as version {saved.Value.Number}. Sessions already planned keep their version.";
        return RedirectToPage("View", new { id = Id });
    }

    private async Task<IActionResult> ReshowAsync(Action change, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        change();
        // The draft is shown as changed, without the errors of a save.
        ModelState.Clear();
        return Page();
    }

    private void Swap(int a, int b)
    {
        if (a >= 0 && b >= 0 && a < Input.Steps.Count && b < Input.Steps.Count)
        {
            (Input.Steps[a], Input.Steps[b]) = (Input.Steps[b], Input.Steps[a]);
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var plan = await library.PlanAsync(Id, ct);
        var protocol = await db.Protocols.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id, ct);
        if (plan is null || protocol is null)
        {
            return false;
        }
        (Protocol, Plan) = (protocol, plan);
        EditedSize = Size is { } size && plan.Sizes.Contains(size) ? size : plan.Sizes[0];
        return true;
    }
}
