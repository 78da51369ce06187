using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Pages.Shared;

namespace Roundtable.Web.Pages.Communities;

// A delegate's current buddy pair: only its members read and write its notes.
public class BuddyModel(AppDbContext db, TimeProvider time) : PageModel
{
    public sealed record CheckInView(DateOnly Date, string Author, string Note);

    public int? PairId { get; private set; }
    public string Round { get; private set; } = "";
    public List<string> Others { get; private set; } = [];
    public List<CheckInView> CheckIns { get; private set; } = [];
    [BindProperty] public DateParts Date { get; set; } = new();
    [BindProperty] public string? Note { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Date = DateParts.From(LondonTime.Today(time));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (PairId is null)
        {
            return NotFound();
        }
        var today = LondonTime.Today(time);
        if (Date.TryGet("the date of the check-in", out var date) is { } error)
        {
            ModelState.AddModelError(nameof(Date), error);
        }
        else if (date > today)
        {
            ModelState.AddModelError(nameof(Date), "The date of the check-in must be today or in the past");
        }
        if (string.IsNullOrWhiteSpace(Note))
        {
            ModelState.AddModelError(nameof(Note), "Enter a short note");
        }
        else if (Note.Length > BuddyCheckIn.NoteMaxLength)
        {
            ModelState.AddModelError(nameof(Note), "Write the note in 1,000 characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.BuddyCheckIns.Add(new BuddyCheckIn { PairId = PairId.Value, AuthorId = User.UserId(), Date = date, Note = Note!.Trim(), CreatedAt = time.UtcNow() });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Check-in logged.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var pair = await db.BuddyPairs.AsNoTracking().Where(p => p.Members.Any(m => m.UserId == me)).OrderByDescending(p => p.CreatedAt)
            .Select(p => new
            {
                p.Id, p.Round,
                Others = p.Members.Where(m => m.UserId != me).Select(m => m.User.FullName).ToList(),
                CheckIns = p.CheckIns.OrderByDescending(c => c.Date).ThenByDescending(c => c.CreatedAt).Select(c => new CheckInView(c.Date, c.Author.FullName, c.Note)).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (pair is not null)
        {
            (PairId, Round, Others, CheckIns) = (pair.Id, pair.Round, pair.Others, pair.CheckIns);
        }
    }
}
