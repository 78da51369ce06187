using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Delegate;

public class IndexModel(AppDbContext db, Web.Tutorials.DelegateTutorials tutorials) : PageModel
{
    public sealed record Place(string Cohort, string Programme, DateOnly CourseStart, string? School, string? Tutor, string? TutorEmail, Birthday? Birthday);

    public List<Place> Places { get; private set; } = [];
    public Web.Tutorials.BookingView? NextTutorial { get; private set; }
    public bool IsNpqh { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var rows = await db.Participants.AsNoTracking().Where(p => p.UserId == me)
            .OrderByDescending(p => p.Cohort.CourseStart)
            .Select(p => new { p.Cohort.Name, p.Cohort.Programme.Code, p.Cohort.CourseStart, School = p.School!.Name, Tutor = p.Tutor!.FullName, TutorEmail = p.Tutor.Email, p.BirthdayDay, p.BirthdayMonth })
            .ToListAsync(ct);
        Places = rows.Select(r => new Place(r.Name, r.Code, r.CourseStart, r.School, r.Tutor, r.TutorEmail,
            r.BirthdayDay is int d && r.BirthdayMonth is int m ? new Birthday(d, m) : null)).ToList();
        if (await tutorials.PlaceAsync(me, ct) is { } npqh)
        {
            IsNpqh = true;
            NextTutorial = (await tutorials.BookingsAsync(npqh.Id, ct))
                .FirstOrDefault(b => b.Status == Web.Tutorials.BookingStatus.Booked && b.StartsAt.AddMinutes(b.Minutes) > tutorials.Now);
        }
    }
}
