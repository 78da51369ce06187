using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.People;

// A person as the programme team adds or edits them: name, e-mail, roles and, for a delegate,
// their place on a cohort (school, tutor, birthday).
public sealed class PersonInput
{
    public string? FullName { get; set; }
    public string? Email { get; set; }
    public List<string> Roles { get; set; } = [];
    public int? CohortId { get; set; }
    public int? SchoolId { get; set; }
    public string? BirthdayDay { get; set; }
    public string? BirthdayMonth { get; set; }
    public string? TutorId { get; set; }

    // editingSelf: the programme team member is editing their own account.
    public Result<PersonDetails> Check(PersonChoices choices, bool editingSelf)
    {
        var errors = new FieldErrors();
        var name = FullName?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(nameof(FullName), "Enter their full name");
        }
        else if (FullName!.Length > AppUser.NameMaxLength)
        {
            errors.Add(nameof(FullName), $"Enter a name of at most {AppUser.NameMaxLength} characters");
        }
        AccountRules.Email(errors, nameof(Email), Email, "Enter their e-mail address");

        var roles = Roles.Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count == 0)
        {
            errors.Add(nameof(Roles), "Choose at least one role");
        }
        else if (roles.Any(r => !People.Roles.IsKnown(r)))
        {
            errors.Add(nameof(Roles), "Choose roles from the list");
        }
        if (editingSelf && !roles.Contains(People.Roles.ProgrammeTeam))
        {
            errors.Add(nameof(Roles), "You cannot remove your own programme team role");
        }
        if (roles.Contains(People.Roles.Delegate) && CohortId is null)
        {
            errors.Add(nameof(CohortId), "Choose the delegate's cohort");
        }
        if (CohortId is int c && choices.Cohorts.All(x => x.Id != c))
        {
            errors.Add(nameof(CohortId), "Choose a cohort from the list");
        }
        if (SchoolId is int s && choices.Schools.All(x => x.Id != s))
        {
            errors.Add(nameof(SchoolId), "Choose a school from the list");
        }
        if (!string.IsNullOrEmpty(TutorId) && choices.Tutors.All(t => t.Id != TutorId))
        {
            errors.Add(nameof(TutorId), "Choose a tutor from the list");
        }
        var birthday = CheckBirthday(errors);
        if (errors.ToFailure() is { } failure)
        {
            return failure;
        }
        return new PersonDetails(name, Email!.Trim(), roles, CohortId, SchoolId, string.IsNullOrEmpty(TutorId) ? null : TutorId, birthday);
    }

    // Day and month, both or neither. A wrong birthday is shown beside the day.
    private Birthday? CheckBirthday(FieldErrors errors)
    {
        var day = BirthdayDay?.Trim() ?? "";
        var month = BirthdayMonth?.Trim() ?? "";
        if (day.Length == 0 && month.Length == 0)
        {
            return null;
        }
        if (!Birthday.TryParse($"{day}/{month}", out var birthday))
        {
            errors.Add(nameof(BirthdayDay), day.Length == 0 || month.Length == 0
                ? "Birthday must include a day and a month"
                : "Birthday must be a real day and month, like 14 3");
            return null;
        }
        return birthday;
    }
}

public sealed record PersonDetails(string FullName, string Email, IReadOnlyList<string> Roles, int? CohortId, int? SchoolId, string? TutorId, Birthday? Birthday);

public sealed record ChoiceOption(int Id, string Name, int Urn = 0);

public sealed record TutorChoice(string Id, string Name);

// What a person's cohort, school and tutor may be chosen from.
public sealed record PersonChoices(IReadOnlyList<ChoiceOption> Cohorts, IReadOnlyList<ChoiceOption> Schools, IReadOnlyList<TutorChoice> Tutors);

// Saves a person: load the choices, check, then the account, its roles and the cohort place in
// one transaction; the unique e-mail index is the backstop against two people with one address.
public sealed class PersonEditor(AppDbContext db, UserManager<AppUser> users, TimeProvider time)
{
    public async Task<PersonChoices> ChoicesAsync(CancellationToken ct = default)
    {
        var cohorts = await db.Cohorts.AsNoTracking().OrderByDescending(c => c.CourseStart).Select(c => new ChoiceOption(c.Id, c.Name, 0)).ToListAsync(ct);
        var schools = await db.Schools.AsNoTracking().OrderBy(s => s.Name).Select(s => new ChoiceOption(s.Id, s.Name, s.Urn)).ToListAsync(ct);
        var tutorRole = RoleSeed.IdOf(Roles.Tutor);
        var tutors = await db.Users.AsNoTracking().Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == tutorRole))
            .OrderBy(u => u.FullName).Select(u => new TutorChoice(u.Id, u.FullName)).ToListAsync(ct);
        return new PersonChoices(cohorts, schools, tutors);
    }

    // user: the person being edited, or null to add one. editorId: who is saving.
    public async Task<Result<AppUser>> SaveAsync(AppUser? user, PersonInput input, string editorId, CancellationToken ct = default)
    {
        var checkedInput = input.Check(await ChoicesAsync(ct), editingSelf: user is not null && user.Id == editorId);
        if (!checkedInput.Succeeded)
        {
            return checkedInput.Failure;
        }
        var person = checkedInput.Value;
        var existing = await users.FindByEmailAsync(person.Email);
        if (existing is not null && existing.Id != user?.Id)
        {
            return Failure.Conflict("Someone else already has this e-mail address", nameof(PersonInput.Email));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var isNew = user is null;
        var emailChanged = !isNew && !string.Equals(user!.Email, person.Email, StringComparison.OrdinalIgnoreCase);
        user ??= AppUser.Create(person.Email, person.FullName, time.UtcNow());
        user.FullName = person.FullName;
        user.Email = person.Email;
        user.UserName = person.Email;
        var saved = isNew ? await users.CreateAsync(user) : await users.UpdateAsync(user);
        if (!saved.Succeeded)
        {
            // Identity speaks of the e-mail as the user name too; anything else has no field.
            var aboutEmail = saved.Errors.Where(e => e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal))
                .Select(e => new FieldError(nameof(PersonInput.Email), e.Description)).ToList();
            return aboutEmail.Count > 0 ? Failure.Invalid(aboutEmail) : new Failure(FailureKind.Invalid, string.Join(" ", saved.Errors.Select(e => e.Description)));
        }
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(person.Roles));
        await users.AddToRolesAsync(user, person.Roles.Except(current));
        if (!isNew && (emailChanged || !current.ToHashSet().SetEquals(person.Roles)))
        {
            // Signs the person out everywhere: cookies within a minute, bearer tokens at once (AuthSetup).
            await users.UpdateSecurityStampAsync(user);
        }

        if (person.CohortId is int cohortId)
        {
            var participant = await db.Participants.FirstOrDefaultAsync(p => p.UserId == user.Id && p.CohortId == cohortId, ct);
            if (participant is null)
            {
                participant = new Participant { UserId = user.Id, CohortId = cohortId };
                db.Participants.Add(participant);
            }
            participant.Place(person.SchoolId, person.TutorId, person.Birthday);
        }
        if (!await db.TrySaveUniqueAsync(ct))
        {
            return Failure.Conflict("Someone else changed this person at the same moment. Check the details and save again.");
        }
        await tx.CommitAsync(ct);
        return user;
    }
}
