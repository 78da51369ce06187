using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.Data;
using Roundtable.Web.Pages.Projects;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Programme.Projects;

public class CriterionModel(AppDbContext db) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public int Uses { get; private set; }
    public bool ConfirmDelete { get; private set; }

    public sealed class InputModel
    {
        public string? Project { get; set; }
        public string? Code { get; set; }
        public string? Text { get; set; }
        public string? Position { get; set; }
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
        Input = new InputModel
        {
            Project = criterion.Project.ToString(CultureInfo.InvariantCulture), Code = criterion.Code, Text = criterion.Text,
            Position = criterion.Position.ToString(CultureInfo.InvariantCulture),
        };
        Uses = await UsesAsync(criterion.Id, ct);
        ConfirmDelete = delete;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var criterion = Id is null ? null : await db.AssessmentCriteria.FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (Id is not null && criterion is null)
        {
            return NotFound();
        }
        var project = criterion?.Project ?? 0;
        if (criterion is not null)
        {
            Input.Project = project.ToString(CultureInfo.InvariantCulture);
        }
        if (criterion is null && !(int.TryParse(Input.Project, NumberStyles.None, CultureInfo.InvariantCulture, out project) && ProjectNumbers.IsValid(project)))
        {
            ModelState.AddModelError("Input.Project", "Choose the project");
        }
        var code = ModelState.Text(Input.Code, "Input.Code", "the code", AssessmentCriterion.CodeMaxLength, required: true);
        var text = ModelState.Text(Input.Text, "Input.Text", "the criterion", AssessmentCriterion.TextMaxLength, required: true);
        var position = 0;
        if (!string.IsNullOrWhiteSpace(Input.Position) && !int.TryParse(Input.Position.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out position))
        {
            ModelState.AddModelError("Input.Position", "The order must be a whole number, like 3");
        }
        if (ModelState.IsValid && await db.AssessmentCriteria.AnyAsync(c => c.Project == project && c.Code == code && c.Id != (Id ?? 0), ct))
        {
            ModelState.AddModelError("Input.Code", $"Project {project} already has a criterion {code}");
        }
        if (!ModelState.IsValid)
        {
            if (criterion is not null)
            {
                Uses = await UsesAsync(criterion.Id, ct);
            }
            return Page();
        }
        if (criterion is null)
        {
            criterion = new AssessmentCriterion { Project = project };
            db.AssessmentCriteria.Add(criterion);
        }
        criterion.Code = code!;
        criterion.Text = text!;
        criterion.Position = string.IsNullOrWhiteSpace(Input.Position)
            ? (await db.AssessmentCriteria.Where(c => c.Project == project).MaxAsync(c => (int?)c.Position, ct) ?? 0) + 1
            : position;
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddModelError("Input.Code", $"Project {project} already has a criterion {code}");
            return Page();
        }
        TempData["Flash"] = $"Saved criterion {code} for Project {project}.";
        return RedirectToPage("Criteria");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var criterion = await db.AssessmentCriteria.FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (criterion is null)
        {
            return NotFound();
        }
        Uses = await UsesAsync(criterion.Id, ct);
        if (Uses > 0)
        {
            ModelState.AddModelError("", $"Criterion {criterion.Code} cannot be deleted: it is used by {UkFormat.Plural(Uses, "judgement or document", "judgements or documents")}. Change its wording instead.");
            Input = new InputModel { Project = criterion.Project.ToString(CultureInfo.InvariantCulture), Code = criterion.Code, Text = criterion.Text, Position = criterion.Position.ToString(CultureInfo.InvariantCulture) };
            return Page();
        }
        db.AssessmentCriteria.Remove(criterion);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Deleted criterion {criterion.Code} from Project {criterion.Project}.";
        return RedirectToPage("Criteria");
    }

    private async Task<int> UsesAsync(int id, CancellationToken ct) =>
        await db.CriterionJudgements.CountAsync(j => j.CriterionId == id, ct) + await db.DocumentCriteria.CountAsync(d => d.CriterionId == id, ct);
}
