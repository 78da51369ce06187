using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Projects;

// The placement-day log and the placement school's closure days, each day classified as it is added.
public class PlacementModel(AppDbContext db, ProjectProgress progress, ProjectCalendar calendar, TimeProvider time) : PageModel
{
    public sealed record DayRow(int Id, DateOnly Date, string Text, bool Counts, string? Reason);

    [BindProperty] public DayInput Day { get; set; } = new();
    [BindProperty] public ClosureInput Closure { get; set; } = new();
    public bool IsNpqh { get; private set; }
    public DelegateProjects? Progress { get; private set; }
    public List<DayRow> Days { get; private set; } = [];
    public List<DayRow> Closures { get; private set; } = [];
    public DayRow? ConfirmDay { get; private set; }
    public DayRow? ConfirmClosure { get; private set; }

    public sealed class DayInput
    {
        public DateParts Date { get; set; } = new();
        public string? Activity { get; set; }
    }

    public sealed class ClosureInput
    {
        public DateParts Date { get; set; } = new();
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? removeDay, int? removeClosure, CancellationToken ct)
    {
        if (await LoadAsync(ct) is null)
        {
            return Page();
        }
        ConfirmDay = removeDay is int d ? Days.FirstOrDefault(x => x.Id == d) : null;
        ConfirmClosure = removeClosure is int c ? Closures.FirstOrDefault(x => x.Id == c) : null;
        return (removeDay is not null && ConfirmDay is null) || (removeClosure is not null && ConfirmClosure is null) ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAddDayAsync(CancellationToken ct)
    {
        var place = await LoadAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        var date = ModelState.RequiredDate(Day.Date, "Day.Date", "the date of the placement day");
        var activity = ModelState.Text(Day.Activity, "Day.Activity", "what you did that day", PlacementDay.ActivityMaxLength, required: true);
        if (date is { } d)
        {
            if (d > LondonTime.Today(time))
            {
                ModelState.AddModelError("Day.Date", "The date of the placement day must be today or in the past");
            }
            else if (Days.Any(x => x.Date == d))
            {
                ModelState.AddModelError("Day.Date", $"You have already logged {UkFormat.DayAndDate(d)}");
            }
            else if (Days.Count >= Project2.MaxLoggedDays)
            {
                ModelState.AddModelError("Day.Date", $"You can log at most {Project2.MaxLoggedDays} days");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var project = await progress.Project2ForChangeAsync(place.Id, ct);
        project.PlacementDays.Add(new PlacementDay { Date = date!.Value, Activity = activity! });
        project.UpdatedAt = time.UtcNow();
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddModelError("Day.Date", $"You have already logged {UkFormat.DayAndDate(date.Value)}");
            return Page();
        }
        var closures = Closures.Select(c => c.Date).ToHashSet();
        var classification = WorkingDays.Classify(date.Value, await calendar.HolidaysAsync(ct), closures);
        TempData["Flash"] = classification.Counts
            ? $"Logged {UkFormat.DayAndDate(date.Value)}. It counts as a placement day."
            : $"Logged {UkFormat.DayAndDate(date.Value)}. It does not count as a placement day: {classification.Reason}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddClosureAsync(CancellationToken ct)
    {
        var place = await LoadAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        var date = ModelState.RequiredDate(Closure.Date, "Closure.Date", "the date the school was closed");
        var reason = ModelState.Text(Closure.Reason, "Closure.Reason", "why the school was closed", ClosureDay.ReasonMaxLength, required: true);
        if (date is { } d && Closures.Any(x => x.Date == d))
        {
            ModelState.AddModelError("Closure.Date", $"{UkFormat.DayAndDate(d)} is already recorded as a closure day");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var project = await progress.Project2ForChangeAsync(place.Id, ct);
        project.ClosureDays.Add(new ClosureDay { Date = date!.Value, Reason = reason! });
        project.UpdatedAt = time.UtcNow();
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddModelError("Closure.Date", $"{UkFormat.DayAndDate(date.Value)} is already recorded as a closure day");
            return Page();
        }
        TempData["Flash"] = $"Recorded {UkFormat.DayAndDate(date.Value)} as a day the placement school was closed.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveDayAsync(int id, CancellationToken ct)
    {
        var place = await LoadAsync(ct);
        var day = place is null ? null : await db.PlacementDays.FirstOrDefaultAsync(d => d.Id == id && db.Project2s.Any(p => p.Id == d.Project2Id && p.ParticipantId == place.Id), ct);
        if (day is null)
        {
            return NotFound();
        }
        db.PlacementDays.Remove(day);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Removed {UkFormat.DayAndDate(day.Date)} from the log.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveClosureAsync(int id, CancellationToken ct)
    {
        var place = await LoadAsync(ct);
        var closure = place is null ? null : await db.ClosureDays.FirstOrDefaultAsync(d => d.Id == id && db.Project2s.Any(p => p.Id == d.Project2Id && p.ParticipantId == place.Id), ct);
        if (closure is null)
        {
            return NotFound();
        }
        db.ClosureDays.Remove(closure);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Removed the closure day {UkFormat.DayAndDate(closure.Date)}.";
        return RedirectToPage();
    }

    private async Task<Participant?> LoadAsync(CancellationToken ct)
    {
        var place = await progress.NpqhPlaceAsync(User.UserId(), ct);
        IsNpqh = place is not null;
        if (place is null)
        {
            return null;
        }
        Progress = await progress.ForAsync(place.Id, ct);
        if (Progress.Project2 is { } p)
        {
            var holidays = await calendar.HolidaysAsync(ct);
            var closures = p.ClosureDays.Select(c => c.Date).ToHashSet();
            Days = p.PlacementDays.OrderBy(d => d.Date)
                .Select(d => WorkingDays.Classify(d.Date, holidays, closures) is var c ? new DayRow(d.Id, d.Date, d.Activity, c.Counts, c.Reason) : null!)
                .ToList();
            Closures = p.ClosureDays.OrderBy(d => d.Date)
                .Select(d => WorkingDays.Classify(d.Date, holidays) is var c ? new DayRow(d.Id, d.Date, d.Reason, c.Counts, c.Reason) : null!)
                .ToList();
        }
        return place;
    }
}
