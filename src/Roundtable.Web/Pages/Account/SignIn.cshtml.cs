using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Account;

public class SignInModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.Check() is { } failure)
        {
            ModelState.AddFailure(failure);
            return Page();
        }
        // Counts failures towards lockout (the scaffolded default does not).
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Index");
        }
        // Locked, wrong or unknown: the same answer, so the page reveals nobody's account.
        ModelState.AddFailure(Failure.Invalid([new(nameof(SignInInput.Email), SignInAnswer.Failed), new(FieldError.General, SignInAnswer.Hint)]));
        return Page();
    }
}
