using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Pages.Projects;
using Roundtable.Web.Pages.Shared;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Delegate;

// Delegates only (the folder's policy): what to do next, from their own records.
public class IndexModel(AppDbContext db, Web.Tutorials.DelegateTutorials tutorials, CommunityQueries communities, ProjectProgress projects) : PageModel
{
    public sealed record Place(string Cohort, string Programme, DateOnly CourseStart, string? School, string? Tutor, string? TutorEmail);
    public sealed record NextSession(int Id, string Group, DateTime StartsAt, string? Chair, bool ChairIsMe, bool CardReady);
    public sealed record ProjectStep(int Project, string Name, string Status, string Step, string Href);

    public List<Place> Places { get; private set; } = [];
    public NextSession? Session { get; private set; }
    public Web.Tutorials.BookingView? NextTutorial { get; private set; }
    public bool IsNpqh { get; private set; }
    public List<ProjectStep> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId();
        // One read of the delegate's places serves the cohort panels, the menu and the NPQH place.
        var places = await db.Participants.AsNoTracking().Where(p => p.UserId == me)
            .OrderByDescending(p => p.Cohort.CourseStart).ThenByDescending(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Cohort.Programme.Regime,
                Place = new Place(p.Cohort.Name, p.Cohort.Programme.Code, p.Cohort.CourseStart, p.School!.Name, p.Tutor!.FullName, p.Tutor.Email),
            })
            .ToListAsync(ct);
        Places = places.Select(p => p.Place).ToList();
        ViewData[DelegateMenu.ViewDataKey] = DelegateMenu.For(places.Select(p => (p.Regime, p.Place.Programme)));

        var next = await communities.UpcomingSessionsFor(me).AsNoTracking()
            .Select(s => new { Session = s, Group = s.Group.Name, CardReady = db.ProblemCards.Any(c => c.SessionId == s.Id && c.OwnerId == me) })
            .FirstOrDefaultAsync(ct);
        if (next is not null)
        {
            var chair = await communities.ChairForAsync(next.Session, ct);
            Session = new NextSession(next.Session.Id, next.Group, next.Session.StartsAt, chair?.Name, chair?.Id == me, next.CardReady);
        }
        // As ProjectProgress.NpqhPlaceAsync: the latest NPQH place (codes are stored upper case).
        if (places.FirstOrDefault(p => string.Equals(p.Place.Programme, ProjectNumbers.HeadshipCode, StringComparison.Ordinal)) is { } npqh)
        {
            IsNpqh = true;
            NextTutorial = (await tutorials.BookingsAsync(npqh.Id, ct))
                .FirstOrDefault(b => b.Status == Web.Tutorials.BookingStatus.Booked && b.StartsAt.AddMinutes(b.Minutes) > tutorials.Now);
            var progress = await projects.ForAsync(npqh.Id, ct);
            Projects = ProjectNumbers.All.Select(n => StepFor(progress, n)).ToList();
        }
    }

    private static ProjectStep StepFor(DelegateProjects progress, int project)
    {
        var latest = progress.Latest(project);
        var details = project == ProjectNumbers.Change ? "/Projects/Project1" : "/Projects/Project2";
        var status = ProjectViews.StatusForDelegate(latest);
        if (latest is { Status: not SubmissionStatus.Draft })
        {
            return new(project, ProjectNumbers.Name(project), status, "Nothing to do until the outcome is released.", $"/Projects/Submission/{project}");
        }
        if (progress.Requirements(project).FirstOrDefault(r => !r.Met) is { } unmet)
        {
            return new(project, ProjectNumbers.Name(project), status, $"{unmet.Name}: {unmet.Detail}", details);
        }
        return new(project, ProjectNumbers.Name(project), status, "Every requirement is met: submit your written account.", $"/Projects/Submission/{project}");
    }
}
