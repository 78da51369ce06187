using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Roundtable.Web.Pages.Assessor;

public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
