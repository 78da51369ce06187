using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Programme.People;

public class EditModel(AppDbContext db, UserManager<AppUser> users, PersonEditor editor, Invitations invitations, TimeProvider time, AppLinks links, AuditTrail trail) : PageModel
{
    public sealed record AccountView(bool Active, DateTime? InvitedAt, DateTime? LockedUntil);

    [FromRoute] public string? Id { get; set; }
    [BindProperty] public PersonInput Input { get; set; } = new();
    public AccountView Account { get; private set; } = new(false, null, null);
    public PersonChoices Choices { get; private set; } = new([], [], []);
    public List<string> OtherCohorts { get; private set; } = [];
    public List<AuditRow> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] int? cohortId, CancellationToken ct)
    {
        Choices = await editor.ChoicesAsync(ct);
        if (Id is null)
        {
            Input.CohortId = cohortId;
            if (cohortId is not null) { Input.Roles.Add(Roles.Delegate); }
            return Page();
        }
        var user = await users.FindByIdAsync(Id);
        if (user is null)
        {
            return NotFound();
        }
        await LoadPersonAsync(user, ct);
        Input.FullName = user.FullName;
        Input.Email = user.Email ?? "";
        Input.Roles = [.. await users.GetRolesAsync(user)];
        var participant = await LatestParticipationAsync(user.Id, ct);
        if (participant is not null)
        {
            Input.CohortId = participant.CohortId;
            Input.SchoolId = participant.SchoolId;
            Input.TutorId = participant.TutorId;
            Input.BirthdayDay = participant.BirthdayDay?.ToString(CultureInfo.InvariantCulture);
            Input.BirthdayMonth = participant.BirthdayMonth?.ToString(CultureInfo.InvariantCulture);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Choices = await editor.ChoicesAsync(ct);
        var user = Id is null ? null : await users.FindByIdAsync(Id);
        if (Id is not null && user is null)
        {
            return NotFound();
        }
        if (user is not null)
        {
            await LoadPersonAsync(user, ct);
        }
        // A value the form could not read (a tampered number) is reported by binding itself.
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var saved = await editor.SaveAsync(user, Input, User.UserId(), ct);
        if (!saved.Succeeded)
        {
            ModelState.AddFailure(saved.Failure);
            return Page();
        }
        TempData["Flash"] = $"Saved {saved.Value.FullName}.";
        return RedirectToPage("Edit", new { id = saved.Value.Id });
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var user = Id is null ? null : await users.FindByIdAsync(Id);
        if (user is null)
        {
            return NotFound();
        }
        await invitations.InviteAsync(user, links.BaseUrl(Request), ct);
        TempData["Flash"] = $"Sent an invitation to {user.Email}.";
        return RedirectToPage("Edit", new { id = user.Id });
    }

    public async Task<IActionResult> OnPostUnlockAsync()
    {
        var user = Id is null ? null : await users.FindByIdAsync(Id);
        if (user is null)
        {
            return NotFound();
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Flash"] = $"Unlocked {user.FullName}'s account.";
        return RedirectToPage("Edit", new { id = user.Id });
    }

    private async Task LoadPersonAsync(AppUser user, CancellationToken ct)
    {
        var lockedUntil = user.LockoutEnd is { } end && end > time.GetUtcNow() ? end.UtcDateTime : (DateTime?)null;
        Account = new AccountView(user.PasswordHash is not null, user.InvitedAt, lockedUntil);
        var latest = await LatestParticipationAsync(user.Id, ct);
        OtherCohorts = await db.Participants.AsNoTracking().Where(p => p.UserId == user.Id && p.Id != (latest == null ? 0 : latest.Id))
            .Select(p => p.Cohort.Name).ToListAsync(ct);
        History = await trail.PersonHistoryAsync(user.Id, ct);
    }

    private Task<Participant?> LatestParticipationAsync(string userId, CancellationToken ct) =>
        db.Participants.AsNoTracking().Where(p => p.UserId == userId).OrderByDescending(p => p.Cohort.CourseStart).FirstOrDefaultAsync(ct);
}
