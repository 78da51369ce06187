using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Email;

namespace Roundtable.Web.Scheduling;

public sealed record JobRow(string Title, string Description, DateTime? LastStartedAt, DateTime? LastFinishedAt, string? LastOutcome,
    string? LastServer, DateTime? NextRunAt, DateTime? LastErrorAt, string? LastError);

public sealed record QueueCounts(int Waiting, int Sent, int Failed);

public sealed record QueueRow(long Id, string To, string Subject, OutboxStatus Status, int Attempts, DateTime CreatedAt, DateTime NextAttemptAt,
    DateTime? SentAt, string? LastError);

// The programme team's view of the machinery: the jobs and the e-mail queue.
public sealed class JobsOverview(AppDbContext db, IServiceProvider services, IOptions<SchedulingOptions> options)
{
    public const int QueuePageSize = 50;

    public bool SchedulingEnabled => options.Value.Enabled;

    public async Task<List<JobRow>> JobsAsync(CancellationToken ct = default)
    {
        var runs = await db.JobRuns.AsNoTracking().ToDictionaryAsync(r => r.JobName, ct);
        // The named scheduler's factory is registered under its name.
        var schedulers = SchedulingEnabled
            ? services.GetKeyedService<ISchedulerFactory>(SchedulingSetup.SchedulerName) ?? services.GetService<ISchedulerFactory>()
            : null;
        IScheduler? scheduler = schedulers is null ? null : await schedulers.LookupScheduler(SchedulingSetup.SchedulerName, ct);
        var rows = new List<JobRow>();
        foreach (var job in SchedulingSetup.Jobs)
        {
            DateTime? next = null;
            if (scheduler is not null)
            {
                var triggers = await scheduler.GetTriggersOfJob(job.Key, ct);
                next = triggers.Select(t => t.NextFireTimeUtc).Where(t => t.HasValue).Select(t => (DateTime?)t!.Value.UtcDateTime).Min();
            }
            var run = runs.GetValueOrDefault(job.Key.Name);
            rows.Add(new JobRow(job.Title, job.Description, run?.LastStartedAt, run?.LastFinishedAt, run?.LastOutcome, run?.LastServer, next,
                run?.LastErrorAt, run?.LastError));
        }
        return rows;
    }

    public async Task<QueueCounts> CountsAsync(CancellationToken ct = default)
    {
        var counts = await db.OutboxMessages.AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(OutboxStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        return new QueueCounts(Of(OutboxStatus.Waiting), Of(OutboxStatus.Sent), Of(OutboxStatus.Failed));
    }

    public Task<List<QueueRow>> QueueAsync(OutboxStatus status, CancellationToken ct = default) =>
        db.OutboxMessages.AsNoTracking().Where(m => m.Status == status)
            .OrderByDescending(m => m.Id).Take(QueuePageSize)
            .Select(m => new QueueRow(m.Id, m.To, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError))
            .ToListAsync(ct);
}
