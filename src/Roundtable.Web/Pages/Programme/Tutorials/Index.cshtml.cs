using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Infrastructure.Lists;
using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Programme.Tutorials;

// Programme team only (the /Programme folder's convention). Every tutorial booking, searched by
// delegate or partner, filtered by status, flag, project and date, sorted and paged in the database
// (feedback outstanding becomes a date cut-off: tutorials on or before the last day whose feedback is
// now more than two working days late); downloads as CSV.
public class IndexModel(TutorialBookings bookings, BookingFacts facts, AppDbContext db, ProjectCalendar calendar, TimeProvider time, ListExport export) : ListPageModel
{
    public static readonly IReadOnlyList<(string Value, string Text)> Flags =
    [
        ("outside", "Outside the window"),
        ("late", "Late cancellations"),
        ("noshow", "No-shows"),
        ("overdue", "Feedback outstanding"),
    ];

    [FromQuery(Name = "flag")] public string? Flag { get; set; }
    [FromQuery(Name = "status")] public string? StatusFilter { get; set; }
    [FromQuery(Name = "project")] public string? Project { get; set; }
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }
    public BookingStatus? Status => ListOptions.Parse<BookingStatus>(StatusFilter);
    public List<TeamBookingRow> Shown { get; private set; } = [];
    public Dictionary<string, int> FlagCounts { get; private set; } = [];
    public bool AnyBookings { get; private set; }
    public int NoticeHours { get; private set; }
    [BindProperty] public string? Notice { get; set; }

    public int Count(string flag) => FlagCounts.GetValueOrDefault(flag);

    public override string SearchLabel => "Delegate or partner";
    public override (string One, string Many) Noun => ("tutorial", "tutorials");
    public override IReadOnlyList<ListFilter> Filters =>
    [
        new("status", "Status", Status?.ToString(), EnumText.Values<BookingStatus>().Select(s => (s.ToString(), Booking.StatusText(s))).ToList(), "Any status"),
        new("flag", "Needs attention", Flag, Flags, "Any"),
        new("project", "Project", Project, ProjectNumbers.All.Select(p => (p.ToString(CultureInfo.InvariantCulture), ProjectNumbers.ShortName(p))).ToList(), "Both projects"),
        new("from", "Tutorials from", From, Type: "date"),
        new("to", "Tutorials up to", To, Type: "date"),
    ];

    private static readonly ListSort<Booking> Sorts = new ListSort<Booking>()
        .By("date", b => b.Slot.StartsAt, defaultDescending: true).By("delegate", b => b.Participant.User.FullName)
        .By("partner", b => b.Slot.Partner.User.FullName)
        .ThenBy(b => b.Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (WantsCsv)
        {
            var all = await RowsAsync(Sorts.Apply(await QueryAsync(ct), this), ct);
            return await export.FileAsync(this, "tutorials", "tutorials.csv",
                ["Date", "Time (UK)", "Delegate", "Partner", "Project", "Status", "Outside the window", "Feedback outstanding", "Allowance restored"],
                all.Select(r => (IReadOnlyList<string?>)[ListExport.Date(LondonTime.DateOf(r.StartsAt)), LondonTime.ToLocal(r.StartsAt).ToString("HH:mm", CultureInfo.InvariantCulture),
                    r.DelegateName, r.PartnerName, ProjectNumbers.ShortName(r.Project), Booking.StatusText(r.Status),
                    r.OutsideWindow ? "Yes" : "No", r.FeedbackOverdue ? "Yes" : "No", r.AllowanceRestoredAt is null ? "No" : "Yes"]).ToList(), ct);
        }
        await LoadAsync(ct);
        Notice = NoticeHours.ToString(CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int bookingId, CancellationToken ct)
    {
        var restored = await bookings.RestoreAllowanceAsync(bookingId, User.UserId(), ct);
        if (restored.Failure?.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }
        TempData["Flash"] = restored.Succeeded ? "Restored the delegate's allowance: they can book another tutorial for that project." : restored.Failure.Message;
        return RedirectToPage(new { flag = Flag, status = StatusFilter });
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
        return RedirectToPage(new { flag = Flag, status = StatusFilter });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        NoticeHours = await facts.NoticeHoursAsync(ct);
        var query = Sorts.Apply(await QueryAsync(ct), this);
        SetTotal(await query.CountAsync(ct));
        Shown = await RowsAsync(query.Skip(Skip).Take(PageSize), ct);
        AnyBookings = Total > 0 || await db.Bookings.AnyAsync(ct);
        foreach (var (flag, _) in Flags)
        {
            FlagCounts[flag] = await WithFlag(db.Bookings.AsNoTracking(), flag).CountAsync(ct);
        }
    }

    private DateTime _now;
    private DateTime _overdueBefore;

    // A tutorial's feedback is outstanding when it was booked (not cancelled, not marked), has started,
    // has no feedback and its UK date is on or before the last date whose feedback is now overdue.
    private async Task SetOverdueCutOffAsync(CancellationToken ct)
    {
        _now = time.UtcNow();
        var today = LondonTime.Today(time);
        var holidays = await calendar.HolidaysAsync(ct);
        var last = today.AddDays(-1);
        while (!TutorialQueries.IsFeedbackOverdue(last, today, holidays))
        {
            last = last.AddDays(-1);
        }
        _overdueBefore = TimeZoneInfo.ConvertTimeToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue), LondonTime.Zone);
    }

    private IQueryable<Booking> WithFlag(IQueryable<Booking> query, string? flag) => flag switch
    {
        "outside" => query.Where(b => b.OutsideWindow),
        "late" => query.Where(b => b.Status == BookingStatus.LateCancelled),
        "noshow" => query.Where(b => b.Status == BookingStatus.NoShow),
        "overdue" => query.Where(b => b.Status == BookingStatus.Booked && b.Feedback == null && b.Slot.StartsAt <= _now && b.Slot.StartsAt < _overdueBefore),
        _ => query,
    };

    private async Task<IQueryable<Booking>> QueryAsync(CancellationToken ct)
    {
        await SetOverdueCutOffAsync(ct);
        var query = db.Bookings.AsNoTracking();
        if (Search is { } q)
        {
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(b => b.Participant.User.FullName.ToUpper().Contains(q) || b.Slot.Partner.User.FullName.ToUpper().Contains(q));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (Flags.Any(f => f.Value == Flag)) { query = WithFlag(query, Flag); } else { Flag = null; }
        if (Status is { } s) { query = query.Where(b => b.Status == s); } else { StatusFilter = null; }
        if (int.TryParse(Project, NumberStyles.None, CultureInfo.InvariantCulture, out var project) && ProjectNumbers.All.Contains(project))
        {
            query = query.Where(b => b.Project == project);
        }
        else
        {
            Project = null;
        }
        if (ListOptions.Date(From) is { } from)
        {
            var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), LondonTime.Zone);
            query = query.Where(b => b.Slot.StartsAt >= fromUtc);
        }
        else
        {
            From = null;
        }
        if (ListOptions.Date(To) is { } to)
        {
            var toUtc = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), LondonTime.Zone);
            query = query.Where(b => b.Slot.StartsAt < toUtc);
        }
        else
        {
            To = null;
        }
        return query;
    }

    private async Task<List<TeamBookingRow>> RowsAsync(IQueryable<Booking> query, CancellationToken ct)
    {
        var rows = await query.Select(b => new
        {
            b.Id, Delegate = b.Participant.User.FullName, Partner = b.Slot.Partner.User.FullName, b.Project, b.Slot.StartsAt, b.Status,
            b.OutsideWindow, HasFeedback = b.Feedback != null, b.AllowanceRestoredAt,
        }).ToListAsync(ct);
        return rows.Select(r => new TeamBookingRow(r.Id, r.Delegate, r.Partner, r.Project, r.StartsAt, r.Status, r.OutsideWindow, r.HasFeedback,
                r.AllowanceRestoredAt, r.Status == BookingStatus.Booked && !r.HasFeedback && r.StartsAt <= _now && r.StartsAt < _overdueBefore))
            .ToList();
    }
}
