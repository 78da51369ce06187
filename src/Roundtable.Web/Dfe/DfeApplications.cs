using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.People;

namespace Roundtable.Web.Dfe;

public sealed record AcceptedApplication(int ApplicationId, int ParticipantRowId, string UserId, bool NewPlace);

// The team's decisions on applications, taken to DfE first and recorded once DfE has them.
public sealed class DfeApplications(AppDbContext db, DfeClient dfe, UserManager<AppUser> users, TimeProvider time)
{
    public const string AuditRecordType = "DfE application";
    public const int ReasonMaxLength = DfeApplication.ReasonMaxLength;

    public async Task<Result<AcceptedApplication>> AcceptAsync(int id, int? cohortId, string userId, CancellationToken ct = default)
    {
        if (cohortId is null)
        {
            return Failure.Invalid("cohortId", "Choose the cohort to accept the applicant into");
        }
        var application = await db.DfeApplications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return Failure.NotFound("There is no such application.");
        }
        var cohort = await db.Cohorts.Include(c => c.Programme).FirstOrDefaultAsync(c => c.Id == cohortId, ct);
        if (cohort is null)
        {
            return Failure.Invalid("cohortId", "Choose a cohort that exists");
        }
        if (application.Status != DfeApplicationStatus.Pending)
        {
            return Failure.Conflict($"This application has already been {application.Status.ToString().ToLowerInvariant()}.");
        }
        if (cohort.Programme.DfeCourseIdentifier != application.CourseIdentifier)
        {
            return Failure.Refused($"The application is for {application.CourseIdentifier}, but {cohort.Name} is on a programme whose DfE course is {cohort.Programme.DfeCourseIdentifier ?? "not set"}.", "cohortId");
        }

        var answer = await dfe.AcceptApplicationAsync(application.DfeId, about: new DfeAbout(AuditRecordType, application.Id), ct: ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (!answer.Succeeded)
        {
            return await RecordErrorAsync(application, answer.Outcome, answer.Error, now, ct);
        }

        var user = await FindOrCreateDelegateAsync(application, now, ct);
        var schoolId = int.TryParse(application.SchoolUrn, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var urn)
            ? await db.Schools.Where(s => s.Urn == urn).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct)
            : null;
        // The DfE participant id is unique: the place that has it is updated (moved to this cohort);
        // else the person's place on this cohort takes it; else a new place.
        var place = await db.Participants.FirstOrDefaultAsync(p => p.DfeParticipantId == application.DfeParticipantId, ct)
            ?? await db.Participants.FirstOrDefaultAsync(p => p.UserId == user.Id && p.CohortId == cohort.Id, ct);
        var isNew = place is null;
        if (place is null)
        {
            place = new Participant { UserId = user.Id, CohortId = cohort.Id };
            db.Participants.Add(place);
        }
        place.CohortId = cohort.Id;
        place.DfeParticipantId = application.DfeParticipantId;
        place.TrainingStatus = TrainingStatus.Active;
        place.SchoolId = schoolId ?? place.SchoolId;
        await db.SaveChangesAsync(ct);

        application.Status = DfeApplicationStatus.Accepted;
        application.DecidedAt = now;
        application.DecidedById = userId;
        application.ParticipantRowId = place.Id;
        (application.LastError, application.LastErrorAt) = (null, null);
        db.AuditEntries.Add(AuditEntry.For(AuditRecordType, application.Id, "Application accepted", userId, now, personId: user.Id,
            changes: new AuditChanges().Add("Status", "Pending", "Accepted").Add("Cohort", null, cohort.Name)));
        await db.SaveChangesAsync(ct);
        return new AcceptedApplication(application.Id, place.Id, user.Id, isNew);
    }

    public async Task<Result<int>> RejectAsync(int id, string? reason, string userId, CancellationToken ct = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return Failure.Invalid("reason", "Enter the reason for rejecting the application");
        }
        if (reason.Length > ReasonMaxLength)
        {
            return Failure.Invalid("reason", $"The reason must be {ReasonMaxLength} characters or fewer");
        }
        var application = await db.DfeApplications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return Failure.NotFound("There is no such application.");
        }
        if (application.Status != DfeApplicationStatus.Pending)
        {
            return Failure.Conflict($"This application has already been {application.Status.ToString().ToLowerInvariant()}.");
        }
        var answer = await dfe.RejectApplicationAsync(application.DfeId, new DfeAbout(AuditRecordType, application.Id), ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (!answer.Succeeded)
        {
            return await RecordErrorAsync(application, answer.Outcome, answer.Error, now, ct);
        }
        application.Status = DfeApplicationStatus.Rejected;
        application.ReasonForRejection = reason;
        application.DecidedAt = now;
        application.DecidedById = userId;
        (application.LastError, application.LastErrorAt) = (null, null);
        db.AuditEntries.Add(AuditEntry.For(AuditRecordType, application.Id, "Application rejected", userId, now,
            changes: new AuditChanges().Add("Status", "Pending", "Rejected"), detail: reason));
        await db.SaveChangesAsync(ct);
        return application.Id;
    }

    private async Task<Failure> RecordErrorAsync(DfeApplication application, DfeOutcome outcome, string? error, DateTime now, CancellationToken ct)
    {
        var text = error ?? "DfE did not take it.";
        application.LastError = text.Length <= DfeApplication.ErrorMaxLength ? text : text[..DfeApplication.ErrorMaxLength];
        application.LastErrorAt = now;
        await db.SaveChangesAsync(ct);
        return outcome == DfeOutcome.Refused
            ? Failure.Refused($"DfE refused: {text}")
            : new Failure(FailureKind.Unavailable, text);
    }

    private async Task<AppUser> FindOrCreateDelegateAsync(DfeApplication application, DateTime now, CancellationToken ct)
    {
        var email = string.IsNullOrWhiteSpace(application.Email) ? $"{application.DfeParticipantId}@dfe-participant.invalid" : application.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = AppUser.Create(email, application.FullName, now);
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("The delegate's account could not be created: " + string.Join("; ", created.Errors.Select(e => e.Code)));
            }
        }
        if (!await users.IsInRoleAsync(user, Roles.Delegate))
        {
            await users.AddToRoleAsync(user, Roles.Delegate);
        }
        _ = ct;
        return user;
    }
}
