using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Account;

// The page behind both the invitation link and the password-reset link.
public class SetPasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string UserId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public bool Reset { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a password")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "Enter a password of at least 10 characters")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Enter the password again to confirm it")]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match")]
        public string Confirm { get; set; } = "";
    }

    public IActionResult OnGet() =>
        string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Code) ? RedirectToPage("/Account/ForgotPassword") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByIdAsync(UserId);
        var result = user is null
            ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken" })
            : await users.ResetPasswordAsync(user, Invitations.DecodeCode(Code), Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "InvalidToken" ? "" : "Input.Password",
                    error.Code == "InvalidToken"
                        ? "This link has expired or has already been used. Ask for a new one from the sign-in page ('I have forgotten my password')."
                        : error.Description);
            }
            return Page();
        }
        user!.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Flash"] = "Your password is saved and you are signed in.";
        return RedirectToPage("/Index");
    }
}
