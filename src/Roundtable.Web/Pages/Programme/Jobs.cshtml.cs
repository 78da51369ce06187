using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Infrastructure.Email;
using Roundtable.Web.Scheduling;

namespace Roundtable.Web.Pages.Programme;

// The programme team (folder convention) sees each scheduled job and the e-mail queue, and sends
// a failed e-mail again after confirming.
public class JobsModel(JobsOverview overview, OutboxSender outbox, AppDbContext db, TimeProvider time) : PageModel
{
    public const string AuditSubject = "E-mail";

    public List<JobRow> Jobs { get; private set; } = [];
    public QueueCounts Counts { get; private set; } = new(0, 0, 0);
    public OutboxStatus Status { get; private set; }
    public List<QueueRow> Queue { get; private set; } = [];
    public QueueRow? Confirm { get; private set; }
    public bool SchedulingEnabled => overview.SchedulingEnabled;

    public async Task<IActionResult> OnGetAsync(string? status, long? resend, CancellationToken ct)
    {
        Status = Enum.TryParse<OutboxStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : OutboxStatus.Failed;
        if (resend is not null)
        {
            Status = OutboxStatus.Failed;
        }
        Jobs = await overview.JobsAsync(ct);
        Counts = await overview.CountsAsync(ct);
        Queue = await overview.QueueAsync(Status, ct);
        Confirm = resend is long id ? Queue.FirstOrDefault(q => q.Id == id) : null;
        return resend is not null && Confirm is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostSendAgainAsync(long id, CancellationToken ct)
    {
        var result = await outbox.SendAgainAsync(id, ct);
        if (!result.Succeeded)
        {
            return result.Failure.Kind == FailureKind.NotFound ? NotFound() : RedirectWithFlash(result.Failure.Message);
        }
        db.AuditEntries.Add(AuditEntry.Of(AuditSubject, (int)id, "Sent again", User.UserId(), time.UtcNow(), $"To {result.Value.To}: {result.Value.Subject}"));
        await db.SaveChangesAsync(ct);
        return RedirectWithFlash($"The e-mail to {result.Value.To} is waiting to be sent again.");
    }

    private RedirectToPageResult RedirectWithFlash(string message)
    {
        TempData["Flash"] = message;
        return RedirectToPage(new { status = "waiting" });
    }
}
