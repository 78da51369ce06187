using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Programme.Tutorials;

public class WindowsModel(TutorialQueries queries, TutorialBookings bookings, AppDbContext db) : PageModel
{
    public sealed class InputModel
    {
        public int? ParticipantId { get; set; }
        public int? Project { get; set; }
        public string? Reason { get; set; }
    }

    public sealed record OverrideRow(string Delegate, int Project, string Reason, string By, DateTime At);

    public List<DelegateWindowRow> Delegates { get; private set; } = [];
    public List<OverrideRow> Overrides { get; private set; } = [];
    [BindProperty] public InputModel Input { get; set; } = new();

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.ParticipantId is null)
        {
            ModelState.AddModelError("Input.ParticipantId", "Choose the delegate");
        }
        if (Input.Project is null)
        {
            ModelState.AddModelError("Input.Project", "Choose the tutorial");
        }
        if (ModelState.IsValid)
        {
            var overridden = await bookings.OverrideWindowAsync(new WindowOverrideInput(Input.ParticipantId!.Value, Input.Project!.Value, Input.Reason), User.UserId(), ct);
            if (overridden.Succeeded)
            {
                await LoadAsync(ct);
                var name = Delegates.FirstOrDefault(d => d.ParticipantId == Input.ParticipantId)?.Name ?? "The delegate";
                TempData["Flash"] = $"{name}'s tutorial {Input.Project} may now fall outside its window; it is no longer flagged.";
                return RedirectToPage();
            }
            ModelState.AddFailure(overridden.Failure);
        }
        await LoadAsync(ct);
        return Page();
    }

    public IEnumerable<(string Value, string Text)> DelegateOptions =>
        Delegates.Select(d => (d.ParticipantId.ToString(CultureInfo.InvariantCulture), $"{d.Name} ({d.Cohort})"));

    private async Task LoadAsync(CancellationToken ct)
    {
        Delegates = await queries.DelegateWindowsAsync(ct);
        Overrides = await db.WindowOverrides.AsNoTracking().OrderByDescending(o => o.At)
            .Select(o => new OverrideRow(o.Participant.User.FullName, o.Project, o.Reason,
                db.Users.Where(u => u.Id == o.ById).Select(u => u.FullName).FirstOrDefault() ?? "", o.At))
            .ToListAsync(ct);
    }
}
