using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.LiveSessions;

namespace Roundtable.Web.Pages.Communities;

// Members, their tutors and the programme team watch; the chair runs it from the same page.
public class LiveModel(AppDbContext db, LiveService live, CommunityQueries queries) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromQuery(Name = "screen")] public string? Screen { get; set; }
    public bool SharedScreen => Screen == "shared";
    public LiveState State { get; private set; } = null!;
    public string GroupName { get; private set; } = "";
    public string Me { get; private set; } = "";
    public string MyName => User.FindFirst(AppClaims.FullName)?.Value ?? "";
    public bool IsMember { get; private set; }
    // Set when the programme team has cancelled the session: the page says so instead of showing the controls.
    public string? CancelledNotice { get; private set; }
    public bool IsChair => IsMember && State.Chair?.Id == Me;
    public string StatusText => State.Status switch
    {
        "NotStarted" => "Waiting for the chair to start the session.",
        "Paused" => "Paused by the chair.",
        "Finished" => "The session has finished.",
        _ => $"Running. Chair: {State.Chair?.Name}.",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await live.GetAsync(Id, User, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        State = result.Value;
        var session = await db.CommunitySessions.AsNoTracking().Include(s => s.Group).FirstAsync(s => s.Id == Id, ct);
        GroupName = session.Group.Name;
        CancelledNotice = session.CancelledNotice;
        Me = User.UserId();
        IsMember = await queries.IsMemberAsync(session.GroupId, User, ct);
        return Page();
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
