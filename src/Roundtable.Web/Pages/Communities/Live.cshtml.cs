using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.LiveSessions;

namespace Roundtable.Web.Pages.Communities;

// Members, their tutors and the programme team watch; the chair runs it from the same page. With
// breakouts, a member sees their own breakout's screen until everyone comes back for the review;
// the session's page is then the overview of every breakout.
public class LiveModel(AppDbContext db, LiveService live, CommunityQueries queries) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromQuery(Name = "screen")] public string? Screen { get; set; }
    // "session" shows the whole session's overview to a member who is in a breakout.
    [FromQuery(Name = "view")] public string? View { get; set; }
    public bool SharedScreen => Screen == "shared";
    public LiveState State { get; private set; } = null!;
    // The session's own state (the overview); the same as State unless this is a breakout's screen.
    public LiveState Session { get; private set; } = null!;
    public int? BreakoutId => State.BreakoutId;
    public string GroupName { get; private set; } = "";
    public string Me { get; private set; } = "";
    public bool IsMember { get; private set; }
    // Who the chair can name as note-taker: the present members of this screen's session or breakout.
    public IReadOnlyList<LivePerson> NoteTakerChoices { get; private set; } = [];
    // Set when the programme team has cancelled the session: the page says so instead of showing the controls.
    public string? CancelledNotice { get; private set; }
    public bool IsChair => IsMember && State.Chair?.Id == Me;
    public bool IsSessionChair => IsMember && Session.Chair?.Id == Me;
    public string Api => BreakoutId is int b ? $"/api/v1/sessions/{Id}/breakouts/{b}/live" : $"/api/v1/sessions/{Id}/live";
    public string Title => BreakoutId is null ? "Live session" : $"Breakout {State.BreakoutNumber}";
    public string StatusText => State.Status switch
    {
        "NotStarted" => "Waiting for the chair to start the session.",
        "Paused" => "Paused by the chair.",
        "Finished" => BreakoutId is null ? "The session has finished." : "This breakout has finished its turns.",
        _ => $"Running. Chair: {State.Chair?.Name}.",
    };

    [TempData] public string? MoveError { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await live.GetAsync(Id, User, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        Session = State = result.Value;
        var session = await db.CommunitySessions.AsNoTracking().Include(s => s.Group).FirstAsync(s => s.Id == Id, ct);
        GroupName = session.Group.Name;
        CancelledNotice = session.CancelledNotice;
        Me = User.UserId();
        IsMember = await queries.IsMemberAsync(session.GroupId, User, ct);
        var myBreakout = IsMember ? await live.MyBreakoutIdAsync(Id, Me, ct) : null;
        if (myBreakout is int b && View != "session" && Session.Status is "Running" or "Paused" && Session.StepIndex == 0)
        {
            State = (await live.GetBreakoutAsync(Id, b, User, ct)).Value!;
        }
        NoteTakerChoices = BreakoutId is int shown
            ? Session.Breakouts.First(x => x.Id == shown).Members
            : await PresentAsync(session, ct);
        return Page();
    }

    private async Task<List<LivePerson>> PresentAsync(CommunitySession session, CancellationToken ct)
    {
        var present = await db.SessionAttendance.Where(a => a.SessionId == session.Id && a.Present).Select(a => a.UserId).ToListAsync(ct);
        return await db.CommunityMembers.Where(m => m.GroupId == session.GroupId && (present.Count == 0 || present.Contains(m.UserId)))
            .OrderBy(m => m.User.FullName).Select(m => new LivePerson(m.UserId, m.User.FullName)).ToListAsync(ct);
    }

    // Before the start, the chair moves someone to another proposed breakout (post, then back to the page).
    public async Task<IActionResult> OnPostMoveAsync(string? personId, int? breakout, CancellationToken ct)
    {
        var result = await live.MoveAsync(Id, personId, breakout, User, ct);
        if (!result.Succeeded)
        {
            if (result.Failure.Kind == FailureKind.NotFound)
            {
                return NotFound();
            }
            MoveError = result.Failure.Message;
        }
        return RedirectToPage(null, null, new { id = Id }, "live-proposed");
    }

    public static string Format(int seconds)
    {
        var abs = Math.Abs(seconds);
        return (seconds < 0 ? "+" : "") + string.Create(CultureInfo.InvariantCulture, $"{abs / 60:00}:{abs % 60:00}");
    }

    public static string TimeWords(LiveState s) => s.Status switch
    {
        "Running" or "Paused" when s.RemainingSeconds < 0 => $"Time is up: {Format(s.RemainingSeconds)} over",
        "Running" or "Paused" when s.RemainingSeconds <= 60 => "Less than a minute left",
        "Running" or "Paused" => $"{(s.RemainingSeconds + 59) / 60} minutes left",
        _ => "",
    };
}
