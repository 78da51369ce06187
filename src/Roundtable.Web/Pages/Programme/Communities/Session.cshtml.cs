using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Pages.Shared;

namespace Roundtable.Web.Pages.Programme.Communities;

// The programme team moves a session that has not started, changes where it meets, or cancels it.
// Each change raises the session's calendar SEQUENCE, so members' subscribed calendars follow, and
// e-mails every member and the chair (outbox rows saved with the change; none when nothing changed).
public class SessionModel(AppDbContext db, TimeProvider time, SessionNotifications notifications, AppLinks links, ProtocolLibrary library) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public CommunitySession Session { get; private set; } = null!;
    public string GroupName { get; private set; } = "";
    [BindProperty] public GroupModel.InputModel Input { get; set; } = new();
    [BindProperty] public int? ProtocolId { get; set; }
    public IReadOnlyList<ProtocolSummary> Protocols { get; private set; } = [];
    public ProtocolPlan Plan { get; private set; } = null!;

    // This session alone planned on another protocol (its current version).
    public async Task<IActionResult> OnPostProtocolAsync(CancellationToken ct)
    {
        var failure = ProtocolId is { } id
            ? await library.SetSessionProtocolAsync(Id, id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct)
            : Failure.Invalid(nameof(ProtocolId), "Choose a protocol");
        if (failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }
        if (failure is not null)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(ct);
            ModelState.AddFailure(failure);
            return Page();
        }
        TempData["Flash"] = "Saved the session's protocol.";
        return RedirectToPage("Group", new { id = await db.CommunitySessions.Where(s => s.Id == Id).Select(s => s.GroupId).FirstAsync(ct) });
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var local = LondonTime.ToLocal(Session.StartsAt);
        Input = new GroupModel.InputModel
        {
            Date = DateParts.From(DateOnly.FromDateTime(local)), Time = UkFormat.Clock(local), Mode = Session.Mode, Where = Session.Where,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var date = ModelState.RequiredDate(Input.Date, $"{nameof(Input)}.{nameof(Input.Date)}", "the date");
        var schedule = new SessionScheduleInput(Input.Time, Input.Mode, Input.Where);
        var before = SessionPlace.Of(Session);
        var failure = date is null ? schedule.Check() : schedule.ApplyTo(Session, date.Value, time.UtcNow());
        if (failure is not null || date is null)
        {
            if (failure is not null)
            {
                ModelState.AddFailure(failure);
            }
            return Page();
        }
        if (SessionPlace.Of(Session) != before)
        {
            await notifications.MovedAsync(Session, before, links.BaseUrl(Request), ct);
        }
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"The session is on {UkFormat.Date(Session.StartsAt)} at {UkFormat.Clock(LondonTime.ToLocal(Session.StartsAt))}. Members' subscribed calendars will show the change.";
        return RedirectToPage("Group", new { id = Session.GroupId });
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Session.Cancel(time.UtcNow()) is { } failure)
        {
            ModelState.AddFailure(failure);
            return Page();
        }
        await notifications.CancelledAsync(Session, links.BaseUrl(Request), ct);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Cancelled the session on {UkFormat.DateTime(Session.StartsAt)}. Members' subscribed calendars will show it cancelled.";
        return RedirectToPage("Group", new { id = Session.GroupId });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var session = await db.CommunitySessions.Include(s => s.Group).FirstOrDefaultAsync(s => s.Id == Id, ct);
        if (session is null)
        {
            return false;
        }
        (Session, GroupName) = (session, session.Group.Name);
        Protocols = await library.ListAsync(ct);
        Plan = await library.PlanForSessionAsync(session, ct);
        ProtocolId ??= Plan.ProtocolId;
        return true;
    }
}
