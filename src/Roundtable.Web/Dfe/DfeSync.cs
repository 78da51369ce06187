using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.People;

namespace Roundtable.Web.Dfe;

public sealed record DfeSyncRun(int Applications, int Participants, string Outcome, bool Failed);

// Sync with DfE: applications for our courses in (new and changed since the last sync, by
// filter[updated_since]), and training statuses changed on DfE's side onto our delegates.
// Idempotent: a row per DfE application (unique DfE id), updated in place; the "synced to" marks
// are DfE's own updated_at values, so neither clock's drift loses a change.
public sealed class DfeSync(AppDbContext db, DfeClient dfe, DfeConnection connection, TimeProvider time, ILogger<DfeSync> log)
{
    public async Task<DfeSyncRun> RunAsync(CancellationToken ct = default)
    {
        var settings = await db.DfeSettings.FirstOrDefaultAsync(s => s.Id == DfeSettings.SingletonId, ct);
        if (settings is null)
        {
            settings = new DfeSettings();
            db.DfeSettings.Add(settings);
        }
        settings.LastSyncStartedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);

        if (await connection.GetAsync(ct) is null)
        {
            return await FinishAsync(settings, new DfeSyncRun(0, 0, "The DfE link is not set up: enter DfE's base address and token on the DfE settings page.", true), ct);
        }
        var courses = await db.Programmes.Where(p => p.DfeCourseIdentifier != null).Select(p => p.DfeCourseIdentifier!).Distinct().ToListAsync(ct);
        if (courses.Count == 0)
        {
            return await FinishAsync(settings, new DfeSyncRun(0, 0, "No programme has a DfE course identifier yet: set them on the DfE settings page.", true), ct);
        }
        var years = await db.Cohorts.Where(c => c.DfeCohortYear != null).Select(c => c.DfeCohortYear!.Value).Distinct().OrderBy(y => y).ToListAsync(ct);
        var cohorts = years.Count == 0 ? null : string.Join(',', years);

        var applications = await dfe.ListAllApplicationsAsync(Since(settings.ApplicationsSyncedTo), cohorts, ct);
        if (!applications.Succeeded)
        {
            return await FinishAsync(settings, new DfeSyncRun(0, 0, $"Applications could not be read: {applications.Error}", true), ct);
        }
        var ours = applications.Value.Where(a => courses.Contains(a.Attributes.CourseIdentifier)).ToList();
        var ids = ours.Select(a => a.Id).ToList();
        var known = await db.DfeApplications.Where(a => ids.Contains(a.DfeId)).ToDictionaryAsync(a => a.DfeId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var resource in ours)
        {
            if (!known.TryGetValue(resource.Id, out var row))
            {
                row = new DfeApplication { DfeId = resource.Id };
                db.DfeApplications.Add(row);
                known[resource.Id] = row;
            }
            Copy(resource, row, now);
        }
        if (applications.Value.Count > 0)
        {
            settings.ApplicationsSyncedTo = applications.Value.Max(a => a.Attributes.UpdatedAt).UtcDateTime;
        }
        await db.SaveChangesAsync(ct);

        var participants = await dfe.ListAllParticipantsAsync(Since(settings.ParticipantsSyncedTo), ct);
        if (!participants.Succeeded)
        {
            return await FinishAsync(settings, new DfeSyncRun(ours.Count, 0, $"{ours.Count} applications read; participants could not be read: {participants.Error}", true), ct);
        }
        var participantIds = participants.Value.Select(p => p.Id).ToList();
        var places = await db.Participants.Include(p => p.Cohort).ThenInclude(c => c.Programme)
            .Where(p => p.DfeParticipantId != null && participantIds.Contains(p.DfeParticipantId)).ToListAsync(ct);
        var updated = 0;
        foreach (var place in places)
        {
            var resource = participants.Value.First(p => p.Id == place.DfeParticipantId);
            var enrolment = resource.Attributes.NpqEnrolments.FirstOrDefault(e => e.CourseIdentifier == place.Cohort.Programme.DfeCourseIdentifier);
            if (enrolment is not null && TrainingStatusOf(enrolment.TrainingStatus) is { } status)
            {
                place.TrainingStatus = status;
                updated++;
            }
        }
        if (participants.Value.Count > 0)
        {
            settings.ParticipantsSyncedTo = participants.Value.Max(p => p.Attributes.UpdatedAt).UtcDateTime;
        }
        await db.SaveChangesAsync(ct);
        return await FinishAsync(settings, new DfeSyncRun(ours.Count, updated,
            $"{ours.Count} {(ours.Count == 1 ? "application" : "applications")} and {updated} {(updated == 1 ? "participant" : "participants")} brought up to date.", false), ct);
    }

    // DfE's updated_at of the newest record seen: asking for "since then" again re-reads that one
    // record (harmless) and misses nothing changed in the same second.
    private static DateTimeOffset? Since(DateTime? mark) => mark is { } m ? new DateTimeOffset(DateTime.SpecifyKind(m, DateTimeKind.Utc)) : null;

    internal static TrainingStatus? TrainingStatusOf(string status) => status switch
    {
        DfeTrainingStatuses.Active => TrainingStatus.Active,
        DfeTrainingStatuses.Deferred => TrainingStatus.Deferred,
        DfeTrainingStatuses.Withdrawn => TrainingStatus.Withdrawn,
        _ => null,
    };

    private static void Copy(DfeResource<DfeApplicationAttributes> resource, DfeApplication row, DateTime now)
    {
        var a = resource.Attributes;
        row.DfeParticipantId = Fit(a.ParticipantId, DfeApplication.IdMaxLength)!;
        row.FullName = Fit(a.FullName, DfeApplication.NameMaxLength)!;
        row.Email = Fit(a.Email, DfeApplication.EmailMaxLength);
        row.CourseIdentifier = Fit(a.CourseIdentifier, DfeApplication.CodeMaxLength)!;
        row.SchoolUrn = Fit(a.SchoolUrn, DfeApplication.CodeMaxLength);
        row.SchoolUkprn = Fit(a.SchoolUkprn, DfeApplication.CodeMaxLength);
        row.EmployerName = Fit(a.EmployerName, DfeApplication.TextMaxLength);
        row.EmploymentRole = Fit(a.EmploymentRole, DfeApplication.TextMaxLength);
        row.DfeCohort = Fit(a.Cohort, DfeApplication.CodeMaxLength);
        row.ScheduleIdentifier = Fit(a.ScheduleIdentifier, DfeApplication.CodeMaxLength);
        row.FundingChoice = Fit(a.FundingChoice, DfeApplication.CodeMaxLength);
        row.EligibleForFunding = a.EligibleForFunding;
        row.IneligibleForFundingReason = Fit(a.IneligibleForFundingReason, DfeApplication.CodeMaxLength);
        row.TargetedDeliveryFundingEligibility = a.TargetedDeliveryFundingEligibility;
        row.FundedPlace = a.FundedPlace;
        row.HeadteacherStatus = Fit(a.HeadteacherStatus, DfeApplication.CodeMaxLength);
        row.WorksInSchool = a.WorksInSchool;
        row.TeacherReferenceNumberValidated = a.TeacherReferenceNumberValidated;
        // A decision made on DfE's side (or by another server) shows here; a pending one never
        // undoes a decision we have recorded.
        var status = a.Status switch
        {
            DfeApplicationStatuses.Accepted => DfeApplicationStatus.Accepted,
            DfeApplicationStatuses.Rejected => DfeApplicationStatus.Rejected,
            _ => DfeApplicationStatus.Pending,
        };
        if (status != DfeApplicationStatus.Pending || row.DecidedAt is null)
        {
            row.Status = status;
        }
        row.ReasonForRejection = Fit(a.ReasonForRejection, DfeApplication.ReasonMaxLength) ?? row.ReasonForRejection;
        row.DfeUpdatedAt = a.UpdatedAt.UtcDateTime;
        row.SyncedAt = now;
    }

    private async Task<DfeSyncRun> FinishAsync(DfeSettings settings, DfeSyncRun run, CancellationToken ct)
    {
        settings.LastSyncFinishedAt = time.GetUtcNow().UtcDateTime;
        settings.LastSyncOutcome = Fit(run.Outcome, DfeSettings.OutcomeMaxLength);
        settings.LastSyncFailed = run.Failed;
        await db.SaveChangesAsync(ct);
        if (run.Failed)
        {
            log.LogWarning("DfE sync did not complete");
        }
        return run;
    }

    private static string? Fit(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];
}
