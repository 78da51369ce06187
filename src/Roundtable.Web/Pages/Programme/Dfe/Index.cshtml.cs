using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Dfe;

namespace Roundtable.Web.Pages.Programme.Dfe;

// Programme team only (folder convention): the DfE link at a glance: the last sync, what waits
// for the team, and calls that did not go through, each with "try again".
public class IndexModel(AppDbContext db, DfeSync sync, DfeConnection connection, DfeTraining training) : PageModel
{
    public sealed record FailedApplication(int Id, string Name, string Error, DateTime? At);
    public sealed record FailedChange(int Id, string Delegate, DfeTrainingChange Change, string? Error, DateTime RecordedAt);

    public DfeSettings? Settings { get; private set; }
    public bool Connected { get; private set; }
    public int Pending { get; private set; }
    public int Accepted { get; private set; }
    public int WaitingChanges { get; private set; }
    public List<FailedApplication> FailedApplications { get; private set; } = [];
    public List<FailedChange> FailedChanges { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Settings = await db.DfeSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == DfeSettings.SingletonId, ct);
        Connected = await connection.GetAsync(ct) is not null;
        Pending = await db.DfeApplications.CountAsync(a => a.Status == DfeApplicationStatus.Pending, ct);
        Accepted = await db.DfeApplications.CountAsync(a => a.Status == DfeApplicationStatus.Accepted, ct);
        FailedApplications = await db.DfeApplications.AsNoTracking().Where(a => a.Status == DfeApplicationStatus.Pending && a.LastError != null)
            .OrderBy(a => a.FullName).Take(100).Select(a => new FailedApplication(a.Id, a.FullName, a.LastError!, a.LastErrorAt)).ToListAsync(ct);
        WaitingChanges = await db.DfeStatusChanges.CountAsync(c => c.State == DfeSendState.Waiting, ct);
        FailedChanges = await db.DfeStatusChanges.AsNoTracking().Where(c => c.State == DfeSendState.Failed || c.State == DfeSendState.Refused)
            .OrderByDescending(c => c.RecordedAt).Take(100)
            .Join(db.Participants, c => c.ParticipantRowId, p => p.Id, (c, p) => new FailedChange(c.Id, p.User.FullName, c.Change, c.Error, c.RecordedAt))
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostSyncAsync(CancellationToken ct)
    {
        var run = await sync.RunAsync(ct);
        if (run.Failed)
        {
            TempData["DfeError"] = run.Outcome;
        }
        else
        {
            TempData["Flash"] = "Synced with DfE: " + run.Outcome;
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetryChangeAsync(int id, CancellationToken ct)
    {
        var sent = await training.SendAsync(id, ct);
        if (sent.Succeeded)
        {
            TempData["Flash"] = "DfE has the change now.";
        }
        else
        {
            TempData["DfeError"] = sent.Failure.Message;
        }
        return RedirectToPage();
    }
}
