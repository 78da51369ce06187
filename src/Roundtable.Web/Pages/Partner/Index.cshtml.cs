using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Infrastructure.Auth;

namespace Roundtable.Web.Pages.Partner;

public class IndexModel : PageModel
{
    public string Name { get; private set; } = "";

    public void OnGet() => Name = User.FindFirst(AppClaims.FullName)?.Value ?? "";
}
