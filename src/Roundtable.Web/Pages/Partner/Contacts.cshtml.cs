using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Partner;

// Whom a partner contacts with their queries (the folder's Partner policy); the team edits it.
public class ContactsModel(AppDbContext db) : PageModel
{
    public string? Text { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Text = await db.ProgrammeContacts.AsNoTracking().Where(c => c.Id == ProgrammeContacts.SingletonId).Select(c => c.Text).FirstOrDefaultAsync(ct);
}
