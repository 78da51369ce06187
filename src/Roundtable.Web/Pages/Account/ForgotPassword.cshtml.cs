using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Account;

public class ForgotPasswordModel(UserManager<AppUser> users, Invitations invitations, AppLinks links) : PageModel
{
    [BindProperty]
    public ForgotPasswordInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Check() is { } failure)
        {
            ModelState.AddFailure(failure);
            return Page();
        }
        // The same answer whether or not the account exists, so the page reveals nobody's e-mail.
        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is not null)
        {
            await invitations.SendPasswordResetAsync(user, links.BaseUrl(Request), ct);
        }
        Sent = true;
        return Page();
    }
}
