using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Programme.Projects;

public class CriterionModel(AppDbContext db, ProjectCriteria criteria) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public int Uses { get; private set; }
    public bool ConfirmDelete { get; private set; }

    // CriterionInput as typed.
    public sealed class InputModel
    {
        public string? Project { get; set; }
        public string? Code { get; set; }
        public string? Text { get; set; }
        public string? Position { get; set; }

        public static InputModel From(AssessmentCriterion c) => new()
        {
            Project = c.Project.ToString(CultureInfo.InvariantCulture), Code = c.Code, Text = c.Text,
            Position = c.Position.ToString(CultureInfo.InvariantCulture),
        };
    }

    public async Task<IActionResult> OnGetAsync(int? project, bool delete, CancellationToken ct)
    {
        if (Id is null)
        {
            Input.Project = project?.ToString(CultureInfo.InvariantCulture);
            return Page();
        }
        var criterion = await db.AssessmentCriteria.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (criterion is null)
        {
            return NotFound();
        }
        Input = InputModel.From(criterion);
        Uses = await criteria.UsesAsync(criterion.Id, ct);
        ConfirmDelete = delete;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var saved = await criteria.SaveAsync(Id, new CriterionInput(Input.Project, Input.Code, Input.Text, Input.Position), ct);
        if (!saved.Succeeded)
        {
            return await RedisplayAsync(saved.Failure, keepTyped: true, ct);
        }
        TempData["Flash"] = $"Saved criterion {saved.Value.Code} for Project {saved.Value.Project}.";
        return RedirectToPage("Criteria");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var deleted = await criteria.DeleteAsync(Id ?? 0, ct);
        if (!deleted.Succeeded)
        {
            return await RedisplayAsync(deleted.Failure, keepTyped: false, ct);
        }
        TempData["Flash"] = $"Deleted criterion {deleted.Value.Code} from Project {deleted.Value.Project}.";
        return RedirectToPage("Criteria");
    }

    // An existing criterion's project cannot change, so it is shown from the record.
    private async Task<IActionResult> RedisplayAsync(Failure failure, bool keepTyped, CancellationToken ct)
    {
        var criterion = Id is null ? null : await db.AssessmentCriteria.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (failure.Kind == FailureKind.NotFound || (Id is not null && criterion is null))
        {
            return NotFound();
        }
        if (criterion is not null)
        {
            Input = keepTyped ? Input : InputModel.From(criterion);
            Input.Project = criterion.Project.ToString(CultureInfo.InvariantCulture);
            Uses = await criteria.UsesAsync(criterion.Id, ct);
        }
        ModelState.AddFailure(failure);
        return Page();
    }
}
