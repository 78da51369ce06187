using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Account;

// The page behind both the invitation link and the password-reset link.
public class SetPasswordModel(Invitations invitations, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string UserId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public bool Reset { get; set; }
    [BindProperty] public SetPasswordInput Input { get; set; } = new();

    // Why the link cannot be used (used, superseded, expired, broken); the page says so instead of asking for a password.
    public string? LinkProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Code))
        {
            return RedirectToPage("/Account/ForgotPassword");
        }
        LinkProblem = (await invitations.CheckLinkAsync(UserId, Code)).Failure?.Message;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var set = await invitations.SetPasswordAsync(UserId, Code, Input);
        if (!set.Succeeded)
        {
            ModelState.AddFailure(set.Failure);
            return Page();
        }
        var user = set.Value;
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Flash"] = "Your password is saved and you are signed in.";
        return RedirectToPage("/Index");
    }
}
