using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Programme.Tutorials;

// The programme team (the folder's policy) keeps the contacts partners see for their queries; each change is audited.
public class ContactsModel(AppDbContext db, AuditTrail trail, TimeProvider time) : PageModel
{
    [BindProperty] public string? Text { get; set; }
    public List<AuditRow> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Text = await db.ProgrammeContacts.Where(c => c.Id == ProgrammeContacts.SingletonId).Select(c => c.Text).FirstOrDefaultAsync(ct);
        History = await trail.HistoryAsync(ProgrammeContacts.AuditSubject, ProgrammeContacts.SingletonId, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var text = ModelState.Text(Text, nameof(Text), "the programme contacts", ProgrammeContacts.TextMaxLength, required: true);
        if (!ModelState.IsValid)
        {
            History = await trail.HistoryAsync(ProgrammeContacts.AuditSubject, ProgrammeContacts.SingletonId, ct);
            return Page();
        }
        var now = time.UtcNow();
        var contacts = await db.ProgrammeContacts.FirstOrDefaultAsync(c => c.Id == ProgrammeContacts.SingletonId, ct);
        if (contacts is null)
        {
            contacts = new ProgrammeContacts();
            db.ProgrammeContacts.Add(contacts);
        }
        contacts.Text = text!;
        contacts.UpdatedAt = now;
        contacts.UpdatedById = User.UserId();
        db.AuditEntries.Add(AuditEntry.Of(ProgrammeContacts.AuditSubject, ProgrammeContacts.SingletonId, "Changed", User.UserId(), now, text));
        // Two people saving at once: the primary key lets one insert the row; the other tries again.
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddModelError(nameof(Text), "Someone else saved the contacts at the same moment. Check them and save again");
            return Page();
        }
        TempData["Flash"] = "Programme contacts saved. Partners see them on their contacts page.";
        return RedirectToPage();
    }
}
