using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Infrastructure.Files;

namespace Roundtable.Web.Pages.Communities;

// A member prepares their own card for a session that has not started.
[RequestSizeLimit(64 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
public class ProblemModel(AppDbContext db, ProblemCards cards, TimeProvider time) : PageModel
{
    [FromRoute] public int SessionId { get; set; }
    [BindProperty] public ProblemCardInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Artefact { get; set; }
    public DateTime StartsAt { get; private set; }
    public string? ArtefactName { get; private set; }
    public SuitabilityResult? Result { get; private set; }
    public IReadOnlyList<string> Areas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (allowed, card) = await LoadAsync(ct);
        if (!allowed)
        {
            return NotFound();
        }
        if (card is not null)
        {
            Input = ProblemCardInput.From(card);
            Result = card.Suitability;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!(await LoadAsync(ct)).Allowed)
        {
            return NotFound();
        }
        var content = Input.Check(Areas);
        if (!content.Succeeded)
        {
            ModelState.AddFailure(content.Failure);
        }
        StoredFile? file = null;
        if (Artefact is not null)
        {
            var check = FileRules.Check(Artefact.FileName, Artefact.Length);
            if (!check.Ok)
            {
                ModelState.AddFailure(Failure.Invalid(nameof(Artefact), check.Error!), prefix: "");
            }
            else
            {
                file = await FileRules.ReadAsync(Artefact, User.UserId(), time.UtcNow(), ct);
            }
        }
        if (!ModelState.IsValid || !content.Succeeded)
        {
            return Page();
        }
        var saved = await cards.SaveAsync(SessionId, User.UserId(), content.Value, file, ct);
        if (!saved.Succeeded)
        {
            // The quota speaks of the artefact field, which has no Input prefix.
            ModelState.AddFailure(saved.Failure, prefix: saved.Failure.Field == nameof(Artefact) ? "" : FormFailures.InputPrefix);
            return Page();
        }
        TempData["Flash"] = saved.Value.Card.Suitability.Suitable ? "Your problem card is saved and ready." : "Your problem card is saved as a draft.";
        return RedirectToPage(new { sessionId = SessionId });
    }

    // Only a member of the group prepares a card, and only before the session starts.
    private async Task<(bool Allowed, ProblemCard? Card)> LoadAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var session = await cards.SessionToPrepareAsync(SessionId, me, ct);
        if (session is null)
        {
            return (false, null);
        }
        StartsAt = session.StartsAt;
        Areas = await FrameworkArea.ForSessionAsync(db, SessionId, ct);
        var card = await db.ProblemCards.AsNoTracking().Include(c => c.Artefact).FirstOrDefaultAsync(c => c.SessionId == SessionId && c.OwnerId == me, ct);
        ArtefactName = card?.Artefact?.FileName;
        return (true, card);
    }
}
