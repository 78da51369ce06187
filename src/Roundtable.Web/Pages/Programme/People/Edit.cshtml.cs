using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Programme.People;

public class EditModel(AppDbContext db, UserManager<AppUser> users, Invitations invitations, TimeProvider time, IConfiguration configuration) : PageModel
{
    public sealed record Option(int Id, string Name, int Urn = 0);
    public sealed record TutorOption(string Id, string Name);
    public sealed record AccountView(bool Active, DateTime? InvitedAt, DateTime? LockedUntil);

    [FromRoute] public string? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public AccountView Account { get; private set; } = new(false, null, null);
    public List<Option> Cohorts { get; private set; } = [];
    public List<Option> Schools { get; private set; } = [];
    public List<TutorOption> Tutors { get; private set; } = [];
    public List<string> OtherCohorts { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter their full name")]
        [StringLength(AppUser.NameMaxLength, ErrorMessage = "Enter a name of at most 200 characters")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Enter their e-mail address")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address in the correct format, like name@example.com")]
        [StringLength(AppUser.EmailMaxLength, ErrorMessage = "Enter an e-mail address of at most 254 characters")]
        public string Email { get; set; } = "";

        public List<string> Roles { get; set; } = [];
        public int? CohortId { get; set; }
        public int? SchoolId { get; set; }
        public string? BirthdayDay { get; set; }
        public string? BirthdayMonth { get; set; }
        public string? TutorId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync([FromQuery] int? cohortId, CancellationToken ct)
    {
        await LoadOptionsAsync(ct);
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
        await LoadOptionsAsync(ct);
        var user = Id is null ? null : await users.FindByIdAsync(Id);
        if (Id is not null && user is null)
        {
            return NotFound();
        }
        if (user is not null)
        {
            await LoadPersonAsync(user, ct);
        }
        var birthday = Validate(user);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null && existing.Id != user?.Id)
        {
            ModelState.AddModelError("Input.Email", "Someone else already has this e-mail address");
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user ??= AppUser.Create(email, Input.FullName.Trim(), time.UtcNow());
        user.FullName = Input.FullName.Trim();
        user.Email = email;
        user.UserName = email;
        var saved = Id is null ? await users.CreateAsync(user) : await users.UpdateAsync(user);
        if (!saved.Succeeded)
        {
            foreach (var error in saved.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "Input.Email" : "", error.Description);
            }
            return Page();
        }
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(Input.Roles));
        await users.AddToRolesAsync(user, Input.Roles.Except(current));

        if (Input.CohortId is int cohortId)
        {
            var participant = await db.Participants.FirstOrDefaultAsync(p => p.UserId == user.Id && p.CohortId == cohortId, ct);
            if (participant is null)
            {
                participant = new Participant { UserId = user.Id, CohortId = cohortId };
                db.Participants.Add(participant);
            }
            participant.SchoolId = Input.SchoolId;
            participant.TutorId = string.IsNullOrEmpty(Input.TutorId) ? null : Input.TutorId;
            participant.Birthday = birthday;
        }
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddModelError("", "Someone else changed this person at the same moment. Check the details and save again.");
            return Page();
        }
        await tx.CommitAsync(ct);
        TempData["Flash"] = $"Saved {user.FullName}.";
        return RedirectToPage("Edit", new { id = user.Id });
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var user = Id is null ? null : await users.FindByIdAsync(Id);
        if (user is null)
        {
            return NotFound();
        }
        await invitations.InviteAsync(user, Invitations.BaseUrl(Request, configuration), ct);
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

    private Birthday? Validate(AppUser? user)
    {
        Input.Roles = Input.Roles.Distinct(StringComparer.Ordinal).ToList();
        if (Input.Roles.Count == 0)
        {
            ModelState.AddModelError("Input.Roles", "Choose at least one role");
        }
        else if (Input.Roles.Any(r => !Roles.IsKnown(r)))
        {
            ModelState.AddModelError("Input.Roles", "Choose roles from the list");
        }
        if (user is not null && user.Id == User.UserId() && !Input.Roles.Contains(Roles.ProgrammeTeam))
        {
            ModelState.AddModelError("Input.Roles", "You cannot remove your own programme team role");
        }
        if (Input.Roles.Contains(Roles.Delegate) && Input.CohortId is null)
        {
            ModelState.AddModelError("Input.CohortId", "Choose the delegate's cohort");
        }
        if (Input.CohortId is int c && Cohorts.All(x => x.Id != c))
        {
            ModelState.AddModelError("Input.CohortId", "Choose a cohort from the list");
        }
        if (Input.SchoolId is int s && Schools.All(x => x.Id != s))
        {
            ModelState.AddModelError("Input.SchoolId", "Choose a school from the list");
        }
        if (!string.IsNullOrEmpty(Input.TutorId) && Tutors.All(t => t.Id != Input.TutorId))
        {
            ModelState.AddModelError("Input.TutorId", "Choose a tutor from the list");
        }
        var day = Input.BirthdayDay?.Trim() ?? "";
        var month = Input.BirthdayMonth?.Trim() ?? "";
        if (day.Length == 0 && month.Length == 0)
        {
            return null;
        }
        if (!Birthday.TryParse($"{day}/{month}", out var birthday))
        {
            ModelState.AddModelError("Input.Birthday", day.Length == 0 || month.Length == 0
                ? "Birthday must include a day and a month"
                : "Birthday must be a real day and month, like 14 3");
            return null;
        }
        return birthday;
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        Cohorts = await db.Cohorts.AsNoTracking().OrderByDescending(c => c.CourseStart).Select(c => new Option(c.Id, c.Name, 0)).ToListAsync(ct);
        Schools = await db.Schools.AsNoTracking().OrderBy(s => s.Name).Select(s => new Option(s.Id, s.Name, s.Urn)).ToListAsync(ct);
        var tutorRole = RoleSeed.IdOf(Roles.Tutor);
        Tutors = await db.Users.AsNoTracking().Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == tutorRole))
            .OrderBy(u => u.FullName).Select(u => new TutorOption(u.Id, u.FullName)).ToListAsync(ct);
    }

    private async Task LoadPersonAsync(AppUser user, CancellationToken ct)
    {
        var lockedUntil = user.LockoutEnd is { } end && end > time.GetUtcNow() ? end.UtcDateTime : (DateTime?)null;
        Account = new AccountView(user.PasswordHash is not null, user.InvitedAt, lockedUntil);
        var latest = await LatestParticipationAsync(user.Id, ct);
        OtherCohorts = await db.Participants.AsNoTracking().Where(p => p.UserId == user.Id && p.Id != (latest == null ? 0 : latest.Id))
            .Select(p => p.Cohort.Name).ToListAsync(ct);
    }

    private Task<Participant?> LatestParticipationAsync(string userId, CancellationToken ct) =>
        db.Participants.AsNoTracking().Where(p => p.UserId == userId).OrderByDescending(p => p.Cohort.CourseStart).FirstOrDefaultAsync(ct);
}
