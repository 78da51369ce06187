using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Tutor;

public class IndexModel(AppDbContext db, TimeProvider time, TutorialQueries tutorials, TutorialFeedbackService feedback, Insight.AtRiskFinder atRisk) : PageModel
{
    public sealed record Row(int Id, string Name, string Email, string Cohort, string? School, string? Group, int? NextSessionId,
        bool Npqh, int SessionsAttended, int TutorialsHeld, int TutorialsBooked, int AccountsSubmitted);

    public List<Row> Delegates { get; private set; } = [];
    public List<ReferralRow> Referrals { get; private set; } = [];
    public List<ReferralRow> DealtWith { get; private set; } = [];
    public List<Insight.AtRiskPerson> AtRisk { get; private set; } = [];

    public async Task<IActionResult> OnPostDealtWithAsync(int referralId, CancellationToken ct)
    {
        if (!(await feedback.MarkReferralDealtWithAsync(referralId, User.UserId(), ct)).Succeeded)
        {
            return NotFound();
        }
        TempData["Flash"] = "Marked the referral as dealt with.";
        return RedirectToPage();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var referrals = await tutorials.TutorReferralsAsync(me, ct);
        Referrals = referrals.Where(r => r.DealtWithAt is null).ToList();
        DealtWith = referrals.Where(r => r.DealtWithAt is not null).ToList();
        AtRisk = await atRisk.ListAsync(new Insight.AtRiskFilter(TutorId: me), ct);
        var now = time.UtcNow();
        // Tutors may follow their delegates' community sessions: the group's next one, else its latest.
        Delegates = await db.Participants.AsNoTracking().Where(p => p.TutorId == me)
            .OrderBy(p => p.User.FullName)
            .Select(p => new
            {
                p.Id, p.User.FullName, p.User.Email, Cohort = p.Cohort.Name, School = p.School!.Name,
                Npqh = p.Cohort.Programme.Code == Web.Projects.ProjectNumbers.HeadshipCode,
                Attended = db.SessionAttendance.Count(a => a.UserId == p.UserId && a.Present && db.CommunitySessions.Any(s => s.Id == a.SessionId && s.Group.CohortId == p.CohortId)),
                Held = db.Bookings.Count(b => b.ParticipantId == p.Id && b.Status == BookingStatus.Held),
                Booked = db.Bookings.Count(b => b.ParticipantId == p.Id && b.Status == BookingStatus.Booked),
                Submitted = db.Submissions.Where(s => s.ParticipantId == p.Id && s.Status != Web.Projects.SubmissionStatus.Draft).Select(s => s.Project).Distinct().Count(),
                GroupId = db.CommunityMembers.Where(m => m.UserId == p.UserId && m.CohortId == p.CohortId && m.Group.Published).Select(m => (int?)m.GroupId).FirstOrDefault(),
            })
            .Select(x => new Row(x.Id, x.FullName, x.Email!, x.Cohort, x.School,
                db.CommunityGroups.Where(g => g.Id == x.GroupId).Select(g => g.Name).FirstOrDefault(),
                db.CommunitySessions.Where(s => s.GroupId == x.GroupId && s.StartsAt >= now).OrderBy(s => s.StartsAt).Select(s => (int?)s.Id).FirstOrDefault()
                    ?? db.CommunitySessions.Where(s => s.GroupId == x.GroupId).OrderByDescending(s => s.StartsAt).Select(s => (int?)s.Id).FirstOrDefault(),
                x.Npqh, x.Attended, x.Held, x.Booked, x.Submitted))
            .ToListAsync(ct);
    }
}
