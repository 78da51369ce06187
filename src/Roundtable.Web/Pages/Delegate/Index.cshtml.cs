using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Pages.Projects;
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
        Places = await db.Participants.AsNoTracking().Where(p => p.UserId == me)
            .OrderByDescending(p => p.Cohort.CourseStart)
            .Select(p => new Place(p.Cohort.Name, p.Cohort.Programme.Code, p.Cohort.CourseStart, p.School!.Name, p.Tutor!.FullName, p.Tutor.Email))
            .ToListAsync(ct);
        if (await communities.NextSessionForAsync(me, ct) is { } session)
        {
            var chair = await communities.ChairForAsync(session, ct);
            var group = await db.CommunityGroups.Where(g => g.Id == session.GroupId).Select(g => g.Name).FirstAsync(ct);
            var ready = await db.ProblemCards.AnyAsync(c => c.SessionId == session.Id && c.OwnerId == me, ct);
            Session = new NextSession(session.Id, group, session.StartsAt, chair?.Name, chair?.Id == me, ready);
        }
        if (await tutorials.PlaceAsync(me, ct) is { } npqh)
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
