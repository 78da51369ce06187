using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Tutorials;

public sealed record ProjectTutorial(int Project, TutorialWindow? Window, BookingView? Current, BookingView? LateCancellation);

public class IndexModel(DelegateTutorials tutorials) : PageModel
{
    public string? Cohort { get; private set; }
    public List<ProjectTutorial> Projects { get; } = [];
    public List<BookingView> History { get; private set; } = [];
    public DateTime Now => tutorials.Now;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var place = await tutorials.PlaceAsync(User.UserId(), ct);
        if (place is null)
        {
            return;
        }
        Cohort = place.Cohort.Name;
        var bookings = await tutorials.BookingsAsync(place.Id, ct);
        foreach (var project in ProjectNumbers.All)
        {
            var current = bookings.LastOrDefault(b => b.Project == project && b.IsActive);
            var late = current is null ? bookings.LastOrDefault(b => b.Project == project && b.Status == BookingStatus.LateCancelled && !b.AllowanceRestored) : null;
            Projects.Add(new ProjectTutorial(project, await tutorials.WindowAsync(place, project, ct), current, late));
        }
        History = bookings.Where(b => !b.IsActive).ToList();
    }
}
