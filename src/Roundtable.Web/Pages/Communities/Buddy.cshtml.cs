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
    public sealed class CheckInForm
    {
        public DateParts Date { get; set; } = new();
        public string? Note { get; set; }
    }

    // The form's fields are Date.Day, Date.Month, Date.Year and Note, without a prefix.
    [BindProperty(Name = "")] public CheckInForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.Date = DateParts.From(LondonTime.Today(time));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (PairId is null)
        {
            return NotFound();
        }
        var checkIn = new BuddyCheckInInput(ModelState.RequiredDate(Input.Date, nameof(Input.Date), "the date of the check-in"), Input.Note);
        if (checkIn.Check(LondonTime.Today(time)) is { } failure)
        {
            ModelState.AddFailure(failure, prefix: "");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.BuddyCheckIns.Add(BuddyCheckIn.Log(PairId.Value, User.UserId(), checkIn, time.UtcNow()));
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
