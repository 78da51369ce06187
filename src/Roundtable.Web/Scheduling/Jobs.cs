using Microsoft.EntityFrameworkCore;
using Quartz;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Email;
using Roundtable.Web.Reminders;

namespace Roundtable.Web.Scheduling;

// A scheduled job: the work is a service's method (tests call it directly with a fixed clock); the
// job records each run's start, outcome and error for the programme team's jobs page.
// DisallowConcurrentExecution: in the cluster one firing runs on one server, and never overlaps itself.
[DisallowConcurrentExecution]
public abstract class RecordedJob(AppDbContext db, TimeProvider time, ILogger log) : IJob
{
    public abstract string Name { get; }

    protected abstract Task<string> RunAsync(CancellationToken ct);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        if (context.ScheduledFireTimeUtc is { } planned)
        {
            Infrastructure.Operations.AppMetrics.JobLag.Record(Math.Max(0, (context.FireTimeUtc - planned).TotalSeconds),
                new KeyValuePair<string, object?>("job", Name));
        }
        var run = await db.JobRuns.FirstOrDefaultAsync(r => r.JobName == Name, ct);
        if (run is null)
        {
            run = new JobRun { JobName = Name };
            db.JobRuns.Add(run);
        }
        run.LastStartedAt = time.UtcNow();
        run.LastServer = Truncate(await context.Scheduler.GetSchedulerInstanceId(ct), JobRun.ServerMaxLength);
        await db.TrySaveUniqueAsync(ct);
        string outcome;
        string? error = null;
        try
        {
            outcome = await RunAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or TimeoutException or IOException or System.Data.Common.DbException)
        {
            // The type only: a database error's text can quote the values (addresses) it refused.
            var (job, kind) = (Name, e.GetType().Name);
            log.LogError("Job {Job} failed ({Error})", job, kind);
            outcome = "Failed";
            error = e.Message;
        }
        db.ChangeTracker.Clear();
        run = await db.JobRuns.FirstOrDefaultAsync(r => r.JobName == Name, ct);
        if (run is not null)
        {
            run.LastFinishedAt = time.UtcNow();
            run.LastOutcome = Truncate(outcome, JobRun.ErrorMaxLength);
            if (error is not null)
            {
                run.LastError = Truncate(error, JobRun.ErrorMaxLength);
                run.LastErrorAt = run.LastFinishedAt;
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}

public sealed class OutboxJob(OutboxSender sender, AppDbContext db, TimeProvider time, ILogger<OutboxJob> log) : RecordedJob(db, time, log)
{
    public const string JobName = "send-email";
    public static readonly JobKey Key = new(JobName);

    public override string Name => JobName;

    protected override async Task<string> RunAsync(CancellationToken ct)
    {
        var run = await sender.SendWaitingAsync(ct);
        return $"{run.Sent} sent, {run.Failed} failed";
    }
}

public sealed class RemindersJob(ReminderService reminders, AppDbContext db, TimeProvider time, ILogger<RemindersJob> log) : RecordedJob(db, time, log)
{
    public const string JobName = "queue-reminders";
    public static readonly JobKey Key = new(JobName);

    public override string Name => JobName;

    protected override async Task<string> RunAsync(CancellationToken ct)
    {
        var run = await reminders.QueueDueAsync(ct);
        return $"{run.Queued} queued of {run.Due} due";
    }
}

public sealed class RetentionJob(Privacy.Retention retention, AppDbContext db, TimeProvider time, ILogger<RetentionJob> log) : RecordedJob(db, time, log)
{
    public const string JobName = "apply-retention";
    public static readonly JobKey Key = new(JobName);

    public override string Name => JobName;

    protected override async Task<string> RunAsync(CancellationToken ct) => (await retention.ApplyAsync(ct)).ToString();
}

public sealed class DfeSyncJob(Dfe.DfeSync sync, AppDbContext db, TimeProvider time, ILogger<DfeSyncJob> log) : RecordedJob(db, time, log)
{
    public const string JobName = "dfe-sync";
    public static readonly JobKey Key = new(JobName);

    public override string Name => JobName;

    protected override async Task<string> RunAsync(CancellationToken ct) => (await sync.RunAsync(ct)).Outcome;
}
