using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Pages.Shared;

namespace Roundtable.Web.Pages.Programme.Communities;

public class GroupModel(AppDbContext db, CommunityQueries queries, ProtocolLibrary library, TimeProvider time) : PageModel
{
    public sealed record SessionRow(int Id, DateTime StartsAt, SessionMode Mode, string Where, DateTime? RecordedAt, DateTime? CancelledAt);

    public sealed class InputModel
    {
        public DateParts Date { get; set; } = new();
        public string? Time { get; set; } = "16:00";
        public SessionMode? Mode { get; set; } = SessionMode.Online;
        public string? Where { get; set; }
    }

    [FromRoute] public int Id { get; set; }
    public string Name { get; private set; } = "";
    public int CohortId { get; private set; }
    public ChairOrderView Chairs { get; private set; } = new([], null, false);
    public List<SessionRow> Sessions { get; private set; } = [];
    public DateTime Now => time.UtcNow();
    [BindProperty] public InputModel Input { get; set; } = new();
    // The group's own protocol; null follows the programme's default.
    [BindProperty] public int? ProtocolId { get; set; }
    public IReadOnlyList<ProtocolSummary> Protocols { get; private set; } = [];
    public ProtocolPlan Plan { get; private set; } = null!;
    public int MemberCount { get; private set; }

    public async Task<IActionResult> OnPostProtocolAsync(CancellationToken ct)
    {
        var failure = await library.SetGroupProtocolAsync(Id, ProtocolId, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }
        if (failure is not null)
        {
            await LoadAsync(ct);
            ModelState.AddFailure(failure);
            return Page();
        }
        TempData["Flash"] = "Saved the group's protocol. Sessions scheduled from now on use it; sessions already planned keep theirs.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var date = ModelState.RequiredDate(Input.Date, $"{nameof(Input)}.{nameof(Input.Date)}", "the date");
        var schedule = new SessionScheduleInput(Input.Time, Input.Mode, Input.Where);
        if (date is null)
        {
            // The date's own error is shown; so are any others.
            if (schedule.Check() is { } details)
            {
                ModelState.AddFailure(details);
            }
            return Page();
        }
        var session = schedule.ScheduleOn(date.Value, Id);
        if (!session.Succeeded)
        {
            ModelState.AddFailure(session.Failure);
            return Page();
        }
        session.Value.ProtocolVersionId = await library.VersionIdForNewSessionAsync(Id, ct);
        db.CommunitySessions.Add(session.Value);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Scheduled a session on {UkFormat.Date(session.Value.StartsAt)} at {UkFormat.Clock(LondonTime.ToLocal(session.Value.StartsAt))}.";
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var group = await db.CommunityGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == Id, ct);
        if (group is null)
        {
            return false;
        }
        (Name, CohortId) = (group.Name, group.CohortId);
        Chairs = await queries.ChairOrderAsync(Id, ct);
        Protocols = await library.ListAsync(ct);
        Plan = await library.PlanForGroupAsync(Id, ct);
        MemberCount = await db.CommunityMembers.CountAsync(m => m.GroupId == Id, ct);
        if (Request.Method == HttpMethods.Get)
        {
            ProtocolId = group.ProtocolId;
        }
        Sessions = await db.CommunitySessions.AsNoTracking().Where(s => s.GroupId == Id).OrderBy(s => s.StartsAt)
            .Select(s => new SessionRow(s.Id, s.StartsAt, s.Mode, s.Where, s.RecordedAt, s.CancelledAt)).ToListAsync(ct);
        return true;
    }
}
