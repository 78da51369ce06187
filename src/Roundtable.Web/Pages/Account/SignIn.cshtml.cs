using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Account;

public class SignInModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address")]
        [StringLength(AppUser.EmailMaxLength, ErrorMessage = "Enter an e-mail address of at most 254 characters")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password")]
        [StringLength(200, ErrorMessage = "Enter a password of at most 200 characters")]
        public string Password { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // Counts failures towards lockout (the scaffolded default does not).
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Index");
        }
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", $"Your account is locked after {AuthSetup.MaxFailedSignIns} failed attempts to sign in. Try again in {AuthSetup.LockoutTime.TotalMinutes:0} minutes, or reset your password.");
            return Page();
        }
        ModelState.AddModelError("Input.Email", "Enter a correct e-mail address and password");
        return Page();
    }
}
