using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Dfe;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;

namespace Roundtable.Web.Pages.Programme.Dfe;

public sealed record SentDeclaration(int Id, string DelegateName, string Cohort, DeclarationType Type, DateTime Date, bool? HasPassed, DeclarationState State,
    string? DfeId, string? DfeState, string? StatementId, string? Error, DateTime UpdatedAt, bool MayVoid);

// Programme team only (folder convention): the declarations ready to send with their evidence,
// sending all or some of them, and what DfE said about each one sent.
public class DeclarationsModel(AppDbContext db, DeclarationProposals proposals, DeclarationSubmissions submissions) : PageModel
{
    public const int SentShown = 200;

    [BindProperty] public List<int> DelegateIds { get; set; } = [];
    public List<ReadyDeclaration> Ready { get; private set; } = [];
    public List<SentDeclaration> Sent { get; private set; } = [];
    public DeclarationRuleSettings Rules { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DelegateIds.Count == 0)
        {
            ModelState.AddModelError(nameof(DelegateIds), "Select the declarations to send, or choose Send all ready declarations");
            await LoadAsync(ct);
            return Page();
        }
        return await SendAsync(DelegateIds.Distinct().ToList(), ct);
    }

    public Task<IActionResult> OnPostAllAsync(CancellationToken ct) => SendAsync(null, ct);

    public async Task<IActionResult> OnPostRetryAsync(int id, CancellationToken ct)
    {
        var retried = await submissions.RetryAsync(id, ct);
        if (!retried.Succeeded)
        {
            ModelState.AddFailure(retried.Failure, "");
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = Summary([retried.Value]);
        return RedirectToPage();
    }

    private async Task<IActionResult> SendAsync(List<int>? ids, CancellationToken ct)
    {
        var results = await submissions.SubmitAsync(ids, User.UserId(), ct);
        TempData["Flash"] = results.Count == 0 ? "Nothing was sent: those declarations are no longer ready." : Summary(results);
        return RedirectToPage();
    }

    private static string Summary(List<SubmitResult> results)
    {
        var submitted = results.Count(r => r.Status == DeclarationState.Submitted);
        var refused = results.Count(r => r.Status == DeclarationState.Refused);
        var failed = results.Count - submitted - refused;
        return $"{UkFormat.Plural(results.Count, "declaration", "declarations")} sent to DfE: {submitted} submitted, {refused} refused, {failed} failed. Each one's answer is below.";
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rules = await proposals.RulesAsync(ct);
        Ready = await proposals.ReadyAsync(null, ct);
        var rows = await db.Declarations.AsNoTracking().Where(d => d.State != DeclarationState.Ready)
            .OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).Take(SentShown)
            .Select(d => new { Row = d, Name = d.Participant.User.FullName, Cohort = d.Participant.Cohort.Name })
            .ToListAsync(ct);
        Sent = rows.Select(x => new SentDeclaration(x.Row.Id, x.Name, x.Cohort, x.Row.Type, x.Row.DeclarationDate, x.Row.HasPassed, x.Row.State,
            x.Row.DfeId, x.Row.DfeState, x.Row.StatementId, x.Row.Error, x.Row.UpdatedAt, x.Row.MayVoid)).ToList();
    }
}
