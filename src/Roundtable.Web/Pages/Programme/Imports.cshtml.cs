using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Programme;

// Uploaded delegate files whose preview shows errors and that nobody has confirmed or replaced yet.
public class ImportsModel(PendingImportQueries imports) : PageModel
{
    public List<PendingImportWithErrors> Imports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Imports = await imports.WithErrorsAsync(ct);
}
