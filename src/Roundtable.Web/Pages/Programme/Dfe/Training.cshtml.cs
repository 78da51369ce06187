using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Dfe;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Programme.Dfe;

// Programme team only (folder convention): a delegate's training status (withdrawn, deferred,
// resumed), recorded here and sent to DfE with the reason DfE allows.
public class TrainingModel(AppDbContext db, DfeTraining training) : PageModel
{
    public sealed record PlaceView(int Id, string Name, string Cohort, string? DfeParticipantId, TrainingStatus Status);

    public PlaceView Place { get; private set; } = null!;
    public List<DfeStatusChange> History { get; private set; } = [];

    [BindProperty] public string? Change { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        DfeTrainingChange? change = Enum.TryParse<DfeTrainingChange>(Change, out var c) && Enum.IsDefined(c) ? c : null;
        var recorded = await training.RecordAsync(id, change, Reason, User.UserId(), ct);
        if (recorded.Succeeded)
        {
            TempData["Flash"] = recorded.Value.State == DfeSendState.Sent
                ? "Recorded, and DfE has it."
                : "Recorded in Roundtable; DfE did not take it yet: see the DfE link page to try again.";
            return RedirectToPage(new { id });
        }
        if (recorded.Failure.Kind == Infrastructure.FailureKind.NotFound)
        {
            return NotFound();
        }
        ModelState.AddModelError(recorded.Failure.Field == "Reason" ? nameof(Reason) : nameof(Change), recorded.Failure.Message);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var place = await db.Participants.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PlaceView(p.Id, p.User.FullName, p.Cohort.Name, p.DfeParticipantId, p.TrainingStatus)).FirstOrDefaultAsync(ct);
        if (place is null)
        {
            return false;
        }
        Place = place;
        History = await db.DfeStatusChanges.AsNoTracking().Where(s => s.ParticipantRowId == id).OrderByDescending(s => s.RecordedAt).ThenByDescending(s => s.Id).Take(50).ToListAsync(ct);
        return true;
    }
}
