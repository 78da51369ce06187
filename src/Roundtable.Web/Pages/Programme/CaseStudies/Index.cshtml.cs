using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Programme.CaseStudies;

// The programme team's case studies (cohorts on the case-study regime) and the form that publishes
// one to a cohort with its window: by default opening at 09:00 tomorrow and closing at 17:00 eight days on.
public class IndexModel(AppDbContext db, Roundtable.Web.Projects.CaseStudies caseStudies, TimeProvider time) : PageModel
{
    public sealed record Row(int Id, string Title, string Cohort, DateTime OpensAt, DateTime ClosesAt, int WordLimit, int Responses);

    public sealed class Form
    {
        public string? Title { get; set; }
        public string? Question { get; set; }
        public IFormFile? Upload { get; set; }
        public string? CohortId { get; set; }
        public string? OpensOn { get; set; }
        public string? OpensAtTime { get; set; }
        public string? ClosesOn { get; set; }
        public string? ClosesAtTime { get; set; }
        public string? WordLimit { get; set; }
        public string? AttendanceThreshold { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    public List<Row> Rows { get; private set; } = [];
    public List<(int Id, string Name)> Cohorts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (opens, closes) = CaseStudy.DefaultDays(LondonTime.Today(time));
        Input = new Form
        {
            OpensOn = UkFormat.Iso(opens),
            OpensAtTime = CaseStudy.DefaultOpensAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ClosesOn = UkFormat.Iso(closes),
            ClosesAtTime = CaseStudy.DefaultClosesAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            WordLimit = CaseStudy.DefaultWordLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AttendanceThreshold = CaseStudy.DefaultAttendanceThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var published = await caseStudies.PublishAsync(new CaseStudyInput(Input.Title, Input.Question, Input.Upload, Input.CohortId,
            Input.OpensOn, Input.OpensAtTime, Input.ClosesOn, Input.ClosesAtTime, Input.WordLimit, Input.AttendanceThreshold), User.UserId(), ct);
        if (!published.Succeeded)
        {
            ModelState.AddFailure(published.Failure);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = $"Published {published.Value.Title}. Delegates see it when the window opens on {UkFormat.DateTime(published.Value.OpensAt)}.";
        return RedirectToPage("CaseStudy", new { id = published.Value.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Cohorts = await caseStudies.CohortsAsync(ct);
        Rows = await db.CaseStudies.AsNoTracking().OrderByDescending(c => c.OpensAt)
            .Select(c => new Row(c.Id, c.Title, c.Cohort.Programme.Code + " " + c.Cohort.Name, c.OpensAt, c.ClosesAt, c.WordLimit,
                db.Submissions.Count(s => s.CaseStudyId == c.Id && s.Status != SubmissionStatus.Draft)))
            .ToListAsync(ct);
    }
}
