using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;

namespace Roundtable.Web.Pages.Communities;

// A problem card's artefact, for whoever may see that card (CommunityQueries.CardOwnersVisibleAsync).
public class ArtefactModel(AppDbContext db, CommunityQueries queries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var card = await db.ProblemCards.AsNoTracking().Where(c => c.Id == id && c.ArtefactId != null)
            .Select(c => new { c.Session.GroupId, c.ArtefactId, c.OwnerId }).FirstOrDefaultAsync(ct);
        if (card is null || !await queries.CanViewGroupAsync(card.GroupId, User, ct)
            || await queries.CardOwnersVisibleAsync(card.GroupId, User, ct) is { } owners && !owners.Contains(card.OwnerId))
        {
            return NotFound();
        }
        var file = await db.StoredFiles.AsNoTracking().FirstAsync(f => f.Id == card.ArtefactId, ct);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
