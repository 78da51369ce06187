using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Programme.Tutorials;

public class IndexModel(TutorialQueries queries, TutorialBookings bookings, BookingFacts facts, AppDbContext db) : PageModel
{
    public static readonly IReadOnlyList<(string Value, string Text)> Flags =
    [
        ("outside", "Outside the window"),
        ("late", "Late cancellations"),
        ("noshow", "No-shows"),
        ("overdue", "Feedback outstanding"),
    ];

    [FromQuery] public string? Flag { get; set; }
    [FromQuery] public BookingStatus? Status { get; set; }
    public List<TeamBookingRow> All { get; private set; } = [];
    public List<TeamBookingRow> Shown { get; private set; } = [];
    public int NoticeHours { get; private set; }
    [BindProperty] public string? Notice { get; set; }

    public int Count(string flag) => All.Count(r => Matches(r, flag));

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Notice = NoticeHours.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostRestoreAsync(int bookingId, CancellationToken ct)
    {
        var restored = await bookings.RestoreAllowanceAsync(bookingId, User.UserId(), ct);
        if (restored.Failure?.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }
        TempData["Flash"] = restored.Succeeded ? "Restored the delegate's allowance: they can book another tutorial for that project." : restored.Failure.Message;
        return RedirectToPage(new { Flag, Status });
    }

    public async Task<IActionResult> OnPostNoticeAsync(CancellationToken ct)
    {
        if (!int.TryParse(Notice?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var hours) || hours is < 1 or > TutorialSettings.MaxNoticeHours)
        {
            ModelState.AddModelError(nameof(Notice), $"Enter the notice period in hours, a whole number from 1 to {TutorialSettings.MaxNoticeHours}");
            await LoadAsync(ct);
            return Page();
        }
        var settings = await db.TutorialSettings.FirstOrDefaultAsync(s => s.Id == TutorialSettings.SingletonId, ct);
        if (settings is null)
        {
            db.TutorialSettings.Add(new TutorialSettings { NoticeHours = hours });
        }
        else
        {
            settings.NoticeHours = hours;
        }
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Delegates now need to give {hours} hours' notice; cancelling later is flagged as late.";
        return RedirectToPage(new { Flag, Status });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        All = await queries.TeamBookingsAsync(ct);
        NoticeHours = await facts.NoticeHoursAsync(ct);
        Shown = All.Where(r => (Flag is null || Matches(r, Flag)) && (Status is null || r.Status == Status)).ToList();
    }

    private static bool Matches(TeamBookingRow row, string flag) => flag switch
    {
        "outside" => row.OutsideWindow,
        "late" => row.LateCancellation,
        "noshow" => row.NoShow,
        "overdue" => row.FeedbackOverdue,
        _ => true,
    };
}
