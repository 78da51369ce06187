using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.People;

namespace Roundtable.Web.Dfe;

// Withdrawals, deferrals and resumptions: recorded in Roundtable first (the delegate's training
// status and a DfeStatusChange row, committed together), then sent to DfE; a change DfE did not
// take stays on the DfE page with "try again".
public sealed class DfeTraining(AppDbContext db, DfeClient dfe, TimeProvider time)
{
    public const string AuditRecordType = "Delegate place";

    public static IReadOnlyList<(string Value, string Text)> ReasonsFor(DfeTrainingChange change) => change switch
    {
        DfeTrainingChange.Withdraw => DfeReasons.Withdrawal,
        DfeTrainingChange.Defer => DfeReasons.Deferral,
        _ => [],
    };

    public async Task<Result<DfeStatusChange>> RecordAsync(int participantRowId, DfeTrainingChange? change, string? reason, string userId, CancellationToken ct = default)
    {
        var place = await db.Participants.FirstOrDefaultAsync(p => p.Id == participantRowId, ct);
        if (place is null)
        {
            return Failure.NotFound("There is no such delegate place.");
        }
        if (change is not { } c || !Enum.IsDefined(c))
        {
            return Failure.Invalid("Change", "Choose whether the delegate is withdrawing, deferring or resuming");
        }
        var reasons = ReasonsFor(c);
        if (reasons.Count > 0 && !reasons.Any(r => r.Value == reason))
        {
            return Failure.Invalid("Reason", "Choose the reason DfE should be given");
        }
        var (allowed, to) = (c, place.TrainingStatus) switch
        {
            (DfeTrainingChange.Withdraw, not TrainingStatus.Withdrawn) => (true, TrainingStatus.Withdrawn),
            (DfeTrainingChange.Defer, TrainingStatus.Active) => (true, TrainingStatus.Deferred),
            (DfeTrainingChange.Resume, not TrainingStatus.Active) => (true, TrainingStatus.Active),
            _ => (false, place.TrainingStatus),
        };
        if (!allowed)
        {
            return Failure.Conflict($"The delegate is {place.TrainingStatus.ToString().ToLowerInvariant()}: they cannot {c.ToString().ToLowerInvariant()}.", "Change");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var before = place.TrainingStatus;
        place.TrainingStatus = to;
        var row = new DfeStatusChange
        {
            ParticipantRowId = place.Id,
            Change = c,
            Reason = reasons.Count > 0 ? reason : null,
            RecordedAt = now,
            RecordedById = userId,
            State = DfeSendState.Waiting,
        };
        db.DfeStatusChanges.Add(row);
        db.AuditEntries.Add(AuditEntry.For(AuditRecordType, place.Id, $"Training status: {c}", userId, now, personId: place.UserId,
            changes: new AuditChanges().Add("TrainingStatus", before, to), detail: row.Reason));
        await db.SaveChangesAsync(ct);
        await SendAsync(row.Id, ct);
        return row;
    }

    // Sends a recorded change (again); the row says how it went.
    public async Task<Result<int>> SendAsync(int changeId, CancellationToken ct = default)
    {
        var row = await db.DfeStatusChanges.FirstOrDefaultAsync(c => c.Id == changeId, ct);
        if (row is null)
        {
            return Failure.NotFound("There is no such change.");
        }
        if (row.State == DfeSendState.Sent)
        {
            return row.Id;
        }
        var place = await db.Participants.Include(p => p.Cohort).ThenInclude(c => c.Programme).FirstAsync(p => p.Id == row.ParticipantRowId, ct);
        var course = place.Cohort.Programme.DfeCourseIdentifier;
        if (place.DfeParticipantId is null || course is null)
        {
            row.State = DfeSendState.Refused;
            row.Error = place.DfeParticipantId is null
                ? "This delegate has no DfE participant id, so DfE was not told."
                : "The programme has no DfE course identifier: set it on the DfE settings page.";
            await db.SaveChangesAsync(ct);
            return Failure.Refused(row.Error);
        }
        var about = new DfeAbout(AuditRecordType, place.Id, place.UserId);
        var answer = row.Change switch
        {
            DfeTrainingChange.Withdraw => await dfe.WithdrawParticipantAsync(place.DfeParticipantId, course, row.Reason ?? "other", about, ct),
            DfeTrainingChange.Defer => await dfe.DeferParticipantAsync(place.DfeParticipantId, course, row.Reason ?? "other", about, ct),
            _ => await dfe.ResumeParticipantAsync(place.DfeParticipantId, course, about, ct),
        };
        row.SentAt = time.GetUtcNow().UtcDateTime;
        row.State = answer.Outcome switch
        {
            DfeOutcome.Succeeded => DfeSendState.Sent,
            DfeOutcome.Refused => DfeSendState.Refused,
            _ => DfeSendState.Failed,
        };
        row.Error = answer.Error is { } e && e.Length > DfeStatusChange.ErrorMaxLength ? e[..DfeStatusChange.ErrorMaxLength] : answer.Error;
        await db.SaveChangesAsync(ct);
        return answer.Outcome switch
        {
            DfeOutcome.Succeeded => row.Id,
            DfeOutcome.Refused => Failure.Refused($"DfE refused: {answer.Error}"),
            _ => new Failure(FailureKind.Unavailable, answer.Error ?? "DfE did not answer."),
        };
    }
}
