using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Reminders;

namespace Roundtable.Web.Pages;

// The unsubscribe link in every reminder. Anyone holding the link may use it (the token is the
// permission, as RFC 8058 expects). GET only asks, since mail scanners follow links; POST, from
// this page's button or from a mail client's one-click (List-Unsubscribe-Post), turns the kind off.
// The mail client's POST carries no antiforgery token, and none is needed: the token in the path
// is unguessable, and all it can do is stop one kind of reminder to one person.
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class UnsubscribeModel(ReminderPreferences preferences) : PageModel
{
    public ReminderKind? Kind { get; private set; }
    public bool Done { get; private set; }

    public IActionResult OnGet(string token)
    {
        Kind = preferences.Read(token)?.Kind;
        return Kind is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var result = await preferences.UnsubscribeAsync(token, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        Kind = result.Value.Kind;
        Done = true;
        return Page();
    }
}
