using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Account;

public class ForgotPasswordModel(UserManager<AppUser> users, Invitations invitations, IConfiguration configuration) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address in the correct format, like name@example.com")]
        [StringLength(AppUser.EmailMaxLength, ErrorMessage = "Enter an e-mail address of at most 254 characters")]
        public string Email { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // The same answer whether or not the account exists, so the page reveals nobody's e-mail.
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is not null)
        {
            await invitations.SendPasswordResetAsync(user, Invitations.BaseUrl(Request, configuration), ct);
        }
        Sent = true;
        return Page();
    }
}
