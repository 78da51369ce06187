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
public class ProblemModel(AppDbContext db, CommunityQueries queries, TimeProvider time) : PageModel
{
    [FromRoute] public int SessionId { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public IFormFile? Artefact { get; set; }
    public DateTime StartsAt { get; private set; }
    public string? ArtefactName { get; private set; }
    public SuitabilityResult? Result { get; private set; }
    public IReadOnlyList<string> Areas { get; private set; } = [];

    public sealed class InputModel
    {
        public string? Problem { get; set; }
        public string? Evidence { get; set; }
        public string? Context { get; set; }
        public string? Why { get; set; }
        public string? FrameworkArea { get; set; }
        public string? Specific { get; set; }
        public string? Solvable { get; set; }
        public string? Controllable { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (allowed, card) = await LoadAsync(ct);
        if (!allowed)
        {
            return NotFound();
        }
        if (card is { } c)
        {
            Input = new InputModel
            {
                Problem = c.Problem, Evidence = c.Evidence, Context = c.Context, Why = c.Why, FrameworkArea = c.FrameworkArea,
                Specific = c.Specific.ToString(), Solvable = c.Solvable.ToString(), Controllable = c.Controllable.ToString(),
            };
            Result = c.Suitability;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!(await LoadAsync(ct)).Allowed)
        {
            return NotFound();
        }
        var errors = ProblemCardRules.Validate(Input.Problem, Input.Evidence, Input.Context, Input.Why, Input.FrameworkArea,
            Input.Specific, Input.Solvable, Input.Controllable, Areas, out var answers);
        foreach (var (key, messages) in errors)
        {
            ModelState.AddModelError("Input." + char.ToUpperInvariant(key[0]) + key[1..], messages[0]);
        }
        StoredFile? file = null;
        if (Artefact is not null)
        {
            var check = FileRules.Check(Artefact.FileName, Artefact.Length);
            if (!check.Ok)
            {
                ModelState.AddModelError(nameof(Artefact), check.Error!);
            }
            else
            {
                file = await FileRules.ReadAsync(Artefact, User.UserId(), time.UtcNow(), ct);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (card, _) = await ProblemCardRules.SaveAsync(db, SessionId, User.UserId(), Input.Problem!, Input.Evidence!, Input.Context!, Input.Why!,
            Input.FrameworkArea!, Areas, answers, file, time, ct);
        if (card is null)
        {
            ModelState.AddModelError("", "Your card was saved from another window at the same moment. Reload the page to see it, then make your change again.");
            return Page();
        }
        TempData["Flash"] = card.Suitability.Suitable ? "Your problem card is saved and ready." : "Your problem card is saved as a draft.";
        return RedirectToPage(new { sessionId = SessionId });
    }

    // Only a member of the group prepares a card, and only before the session starts.
    private async Task<(bool Allowed, ProblemCard? Card)> LoadAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var session = await db.CommunitySessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SessionId, ct);
        if (session is null || session.StartsAt <= time.UtcNow() || !await queries.IsMemberAsync(session.GroupId, me, ct))
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
