using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Projects;

// The placement-day log and the placement school's closure days, each day classified as it is added.
public class PlacementModel(ProjectProgress progress, ProjectRecords records, ProjectCalendar calendar) : PageModel
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

    // PlacementDayInput as typed.
    public sealed class DayInput
    {
        public DateParts Date { get; set; } = new();
        public string? Activity { get; set; }
    }

    // ClosureDayInput as typed.
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
        var input = new PlacementDayInput(ModelState.RequiredDate(Day.Date, $"{nameof(Day)}.{nameof(Day.Date)}", "the date of the placement day"), Day.Activity);
        if (!ModelState.IsValid)
        {
            return Redisplay(PlacementDay.Check(input), nameof(Day));
        }
        var logged = await records.LogPlacementDayAsync(place.Id, input, ct);
        if (!logged.Succeeded)
        {
            return Redisplay(logged.Failure, nameof(Day));
        }
        var day = UkFormat.DayAndDate(logged.Value.Date);
        TempData["Flash"] = logged.Value.Counts
            ? $"Logged {day}. It counts as a placement day."
            : $"Logged {day}. It does not count as a placement day: {logged.Value.Reason}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddClosureAsync(CancellationToken ct)
    {
        var place = await LoadAsync(ct);
        if (place is null)
        {
            return NotFound();
        }
        var input = new ClosureDayInput(ModelState.RequiredDate(Closure.Date, $"{nameof(Closure)}.{nameof(Closure.Date)}", "the date the school was closed"), Closure.Reason);
        if (!ModelState.IsValid)
        {
            return Redisplay(ClosureDay.Check(input), nameof(Closure));
        }
        var recorded = await records.RecordClosureAsync(place.Id, input, ct);
        if (!recorded.Succeeded)
        {
            return Redisplay(recorded.Failure, nameof(Closure));
        }
        TempData["Flash"] = $"Recorded {UkFormat.DayAndDate(recorded.Value.Date)} as a day the placement school was closed.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveDayAsync(int id, CancellationToken ct)
    {
        var place = await progress.NpqhPlaceAsync(User.UserId(), ct);
        if (place is null || await records.RemovePlacementDayAsync(place.Id, id, ct) is not { Value: { } day })
        {
            return NotFound();
        }
        TempData["Flash"] = $"Removed {UkFormat.DayAndDate(day.Date)} from the log.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveClosureAsync(int id, CancellationToken ct)
    {
        var place = await progress.NpqhPlaceAsync(User.UserId(), ct);
        if (place is null || await records.RemoveClosureAsync(place.Id, id, ct) is not { Value: { } closure })
        {
            return NotFound();
        }
        TempData["Flash"] = $"Removed the closure day {UkFormat.DayAndDate(closure.Date)}.";
        return RedirectToPage();
    }

    private PageResult Redisplay(Failure? failure, string form)
    {
        if (failure is not null)
        {
            ModelState.AddFailure(failure, form);
        }
        return Page();
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
