using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Programme.Cohorts;

public class DetailsModel(AppDbContext db, Invitations invitations, AppLinks links, TimeProvider time) : PageModel
{
    public const int PageSize = 100;

    public sealed record CohortView(int Id, string Name, string Programme, DateOnly CourseStart, bool TutorsSeeWholeGroups);
    public sealed record SightChange(DateTime At, string Action, string? By);
    public sealed record DelegateRow(string UserId, string Name, string Email, string? School, SchoolPhase? Phase, Region? Region, string? Tutor, bool Invited, bool Active,
        int PlaceId = 0, bool KnownToDfe = false, TrainingStatus TrainingStatus = TrainingStatus.Active);

    public CohortView Cohort { get; private set; } = null!;
    public List<DelegateRow> Delegates { get; private set; } = [];
    public int Total { get; private set; }
    public int NotInvited { get; private set; }
    public SightChange? LastSightChange { get; private set; }
    [FromQuery(Name = "p")] public int PageNumber { get; set; } = 1;
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CohortView(c.Id, c.Name, c.Programme.Code, c.CourseStart, c.TutorsSeeWholeGroups)).FirstOrDefaultAsync(ct);
        if (cohort is null)
        {
            return NotFound();
        }
        Cohort = cohort;
        LastSightChange = await db.AuditEntries.AsNoTracking().Where(e => e.Subject == Web.People.Cohort.AuditSubject && e.SubjectId == id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new SightChange(e.At, e.Action, db.Users.Where(u => u.Id == e.UserId).Select(u => u.FullName).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);
        var participants = db.Participants.AsNoTracking().Where(p => p.CohortId == id);
        Total = await participants.CountAsync(ct);
        NotInvited = await participants.CountAsync(p => p.User.InvitedAt == null && p.User.PasswordHash == null, ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Delegates = await participants
            .OrderBy(p => p.User.FullName).ThenBy(p => p.User.Email)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(p => new DelegateRow(p.UserId, p.User.FullName, p.User.Email!, p.School!.Name, p.School.Phase, p.School.Region,
                p.Tutor!.FullName, p.User.InvitedAt != null, p.User.PasswordHash != null, p.Id, p.DfeParticipantId != null, p.TrainingStatus))
            .ToListAsync(ct);
        return Page();
    }

    public const string WholeGroupsAction = "Tutors see whole groups";
    public const string OwnDelegatesAction = "Tutors see their own delegates only";

    // The programme team's grant: the cohort's tutors see every card in their delegates' groups.
    public async Task<IActionResult> OnPostTutorSightAsync(int id, bool wholeGroups, CancellationToken ct)
    {
        var cohort = await db.Cohorts.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cohort is null)
        {
            return NotFound();
        }
        if (cohort.TutorsSeeWholeGroups != wholeGroups)
        {
            cohort.TutorsSeeWholeGroups = wholeGroups;
            db.AuditEntries.Add(AuditEntry.Of(Web.People.Cohort.AuditSubject, id, wholeGroups ? WholeGroupsAction : OwnDelegatesAction, User.UserId(), time.UtcNow()));
            await db.SaveChangesAsync(ct);
        }
        TempData["Flash"] = wholeGroups
            ? "Tutors in this cohort now see every problem card in their delegates' groups."
            : "Tutors in this cohort now see only their own delegates' problem cards.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostInviteAllAsync(int id, CancellationToken ct)
    {
        var people = await db.Participants.Where(p => p.CohortId == id && p.User.InvitedAt == null && p.User.PasswordHash == null)
            .Select(p => p.User).ToListAsync(ct);
        var baseUrl = links.BaseUrl(Request);
        foreach (var user in people)
        {
            await invitations.InviteAsync(user, baseUrl, ct);
        }
        TempData["Flash"] = people.Count == 1 ? "Sent 1 invitation." : $"Sent {people.Count} invitations.";
        return RedirectToPage(new { id });
    }
}
