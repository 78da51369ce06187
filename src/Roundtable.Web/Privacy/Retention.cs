using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Privacy;

public enum RetentionKind
{
    DelegateRecords,
    AssessmentOutcome,
    Invoice,
}

// One record that has expired, or will, under the retention settings.
public sealed record ExpiringRecord(RetentionKind Kind, string Description, DateOnly ExpiresOn, string? PersonId, int? RecordId);

public sealed record RetentionRun(int PeopleErased, int OutcomesDeleted, int InvoicesDeleted)
{
    public override string ToString() => $"{PeopleErased} people erased, {OutcomesDeleted} assessment outcomes deleted, {InvoicesDeleted} invoices deleted";
}

// Applies the retention periods: a delegate's records are erased (Erasure) when the period after
// the end of their last programme is over; assessment outcomes and invoices are deleted when theirs
// is. Run daily by RetentionJob; what is due is worked out from TimeProvider, so a run that was
// missed is caught up by the next.
public sealed class Retention(AppDbContext db, Erasure erasure, TimeProvider time)
{
    public const int ReportDays = 90;

    public async Task<RetentionSettings> SettingsAsync(CancellationToken ct = default) =>
        await db.RetentionSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new RetentionSettings();

    // Everything that expires on or before the given day (London), soonest first.
    public async Task<List<ExpiringRecord>> ExpiringByAsync(DateOnly day, CancellationToken ct = default)
    {
        var settings = await SettingsAsync(ct);
        var records = new List<ExpiringRecord>();

        // People who are delegates and nothing else: someone who also works for the provider keeps their account.
        var delegateRole = RoleSeed.IdOf(Roles.Delegate);
        var places = await db.Participants.AsNoTracking()
            .Where(p => p.User.ErasedAt == null && !db.UserRoles.Any(r => r.UserId == p.UserId && r.RoleId != delegateRole))
            .Select(p => new { p.UserId, p.User.FullName, p.Cohort.CourseStart })
            .ToListAsync(ct);
        foreach (var person in places.GroupBy(p => p.UserId))
        {
            var expires = person.Max(p => settings.DelegateRecordsExpire(p.CourseStart));
            if (expires <= day)
            {
                records.Add(new(RetentionKind.DelegateRecords, person.First().FullName, expires, person.Key, null));
            }
        }

        var outcomes = await db.Submissions.AsNoTracking().Where(s => s.Status != SubmissionStatus.Draft)
            .Select(s => new { s.Id, s.Project, s.Version, s.Participant.User.FullName, s.Participant.Cohort.CourseStart })
            .ToListAsync(ct);
        records.AddRange(outcomes.Select(o => new ExpiringRecord(RetentionKind.AssessmentOutcome, $"{o.FullName}: Project {o.Project} version {o.Version}", settings.OutcomesExpire(o.CourseStart), null, o.Id))
            .Where(r => r.ExpiresOn <= day));

        // Whole months from the issue date: the cut-off issue date is computed, then compared in SQL.
        var lastIssued = day.AddMonths(-settings.InvoiceMonths);
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.IssuedOn <= lastIssued)
            .Select(i => new { i.Id, i.Number, i.PartnerName, i.IssuedOn }).ToListAsync(ct);
        records.AddRange(invoices.Select(i => new ExpiringRecord(RetentionKind.Invoice, $"{i.Number} ({i.PartnerName})", settings.InvoiceExpires(i.IssuedOn), null, i.Id)));
        return records.OrderBy(r => r.ExpiresOn).ThenBy(r => r.Kind).ThenBy(r => r.Description, StringComparer.Ordinal).ToList();
    }

    // What will expire in the next 90 days (not what has already expired and waits for tonight's run).
    public async Task<List<ExpiringRecord>> UpcomingAsync(CancellationToken ct = default)
    {
        var today = LondonTime.Today(time);
        return (await ExpiringByAsync(today.AddDays(ReportDays), ct)).Where(r => r.ExpiresOn > today).ToList();
    }

    public async Task<RetentionRun> ApplyAsync(CancellationToken ct = default)
    {
        var due = await ExpiringByAsync(LondonTime.Today(time), ct);
        var erased = 0;
        foreach (var person in due.Where(r => r.Kind == RetentionKind.DelegateRecords))
        {
            db.ChangeTracker.Clear();
            if ((await erasure.EraseAsync(person.PersonId!, null, ct)).Succeeded)
            {
                erased++;
            }
        }
        db.ChangeTracker.Clear();
        var outcomeIds = due.Where(r => r.Kind == RetentionKind.AssessmentOutcome).Select(r => r.RecordId!.Value).ToList();
        var invoiceIds = due.Where(r => r.Kind == RetentionKind.Invoice).Select(r => r.RecordId!.Value).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var fileIds = await db.SubmissionDocuments.Where(d => outcomeIds.Contains(d.SubmissionId)).Select(d => d.FileId).Distinct().ToListAsync(ct);
        var outcomes = await db.Submissions.Where(s => outcomeIds.Contains(s.Id)).ExecuteDeleteAsync(ct);
        foreach (var fileId in fileIds)
        {
            await db.DeleteFileIfUnusedAsync(fileId, ct);
        }
        var invoices = await db.Invoices.Where(i => invoiceIds.Contains(i.Id)).ExecuteDeleteAsync(ct);
        var run = new RetentionRun(erased, outcomes, invoices);
        if (outcomes + invoices > 0)
        {
            db.AuditEntries.Add(AuditEntry.Of("Retention", 0, "Deleted", null, time.UtcNow(), run.ToString()));
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return run;
    }
}
