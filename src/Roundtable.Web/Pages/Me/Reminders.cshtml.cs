using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Reminders;

namespace Roundtable.Web.Pages.Me;

// Anyone signed in chooses which reminder e-mails they get; only their own choices are read or changed.
[Authorize]
public class RemindersModel(ReminderPreferences preferences) : PageModel
{
    public List<ReminderChoice> Choices { get; private set; } = [];

    [BindProperty] public List<string> On { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Choices = await preferences.ChoicesAsync(User.UserId(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await preferences.SaveAsync(User.UserId(), On, ct);
        TempData["Flash"] = "Your reminder choices are saved.";
        return RedirectToPage();
    }
}
