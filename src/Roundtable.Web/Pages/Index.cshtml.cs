using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages;

public class IndexModel : PageModel
{
    // Signed-in people go straight to the home of their first role.
    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Page();
        }
        var role = Roles.All.FirstOrDefault(User.IsInRole);
        return role is null ? RedirectToPage("/Account/NoRole") : RedirectToPage(Roles.HomePage(role));
    }
}
