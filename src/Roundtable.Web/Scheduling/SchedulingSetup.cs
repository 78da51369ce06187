using Quartz;
using Roundtable.Web.Data;
using Roundtable.Web.Reminders;

namespace Roundtable.Web.Scheduling;

public sealed class SchedulingOptions
{
    // Off in tests, which call the jobs' services directly with a fixed clock.
    public bool Enabled { get; set; } = true;
    public int OutboxIntervalSeconds { get; set; } = 15;
    public int RemindersIntervalMinutes { get; set; } = 10;
    public int RetentionIntervalHours { get; set; } = 24;
    public int DfeSyncIntervalMinutes { get; set; } = 60;
    // Clustered servers check in this often; one silent for longer has its firings recovered.
    public int ClusterCheckinSeconds { get; set; } = 10;
}

public sealed record ScheduledJob(JobKey Key, string Title, string Description);

public static class SchedulingSetup
{
    // A named scheduler, so that the real clock it is given below is its own. The default (unnamed)
    // scheduler takes its clock from the container's unkeyed TimeProvider slot, which is the app's
    // clock: where that clock is fixed (tests) Quartz never reached its next firing (issue 14).
    public const string SchedulerName = "Roundtable";

    public static readonly IReadOnlyList<ScheduledJob> Jobs =
    [
        new(OutboxJob.Key, "Send e-mail", "Sends waiting e-mail from the outbox, retrying failures with back-off."),
        new(RemindersJob.Key, "Queue reminders", "Works out which reminders are due and queues them in the outbox."),
        new(RetentionJob.Key, "Apply retention", "Once a day: erases or deletes the records whose retention period is over."),
        new(DfeSyncJob.Key, "Sync with DfE", "Brings new and changed applications and participants in from DfE's Lead Provider API."),
    ];

    // PostgreSQL: Quartz's ADO job store, clustered, in the tables our migrations create; each firing
    // runs on exactly one server. SQLite (one server): the in-memory store; both triggers start at
    // start-up, which catches up anything missed while the app was down, because the jobs work from
    // "what is due now and not yet done" rather than from the firing time.
    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Scheduling");
        builder.Services.Configure<SchedulingOptions>(section);
        var options = section.Get<SchedulingOptions>() ?? new SchedulingOptions();
        builder.Services.AddScoped<ReminderLinks>();
        builder.Services.AddSingleton<UnsubscribeTokens>();
        builder.Services.AddScoped<ReminderService>();
        builder.Services.AddScoped<ReminderPreferences>();
        builder.Services.AddScoped<JobsOverview>();
        builder.Services.AddScoped<Privacy.Erasure>();
        builder.Services.AddScoped<Privacy.Retention>();
        builder.Services.AddScoped<Privacy.PersonalDataExport>();

        var provider = DatabaseSetup.Provider(builder.Configuration);
        builder.Services.AddQuartz(SchedulerName, q =>
        {
            // Each server needs its own instance id in the cluster.
            q.ConfigureScheduler(s => s.GenerateInstanceId = true);
            // Quartz fires on real time. The app's TimeProvider (fixed in tests) decides what is due
            // inside each job, so Quartz must not pick it up from the container.
            q.UseTimeProvider(TimeProvider.System);
            if (provider == DatabaseProvider.Postgres)
            {
                var connection = builder.Configuration.GetConnectionString(DatabaseSetup.ConnectionName)!;
                q.UsePersistentStore(s =>
                {
                    s.UsePostgres(connection);
                    s.UseSystemTextJsonSerializer();
                    s.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(options.ClusterCheckinSeconds));
                });
            }
            else
            {
                q.UseInMemoryStore();
            }
            q.AddJob<OutboxJob>(j => j.WithIdentity(OutboxJob.Key).StoreDurably().RequestRecovery());
            q.AddTrigger(t => t.ForJob(OutboxJob.Key).WithIdentity(OutboxJob.JobName + "-trigger").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.OutboxIntervalSeconds)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)));
            q.AddJob<RemindersJob>(j => j.WithIdentity(RemindersJob.Key).StoreDurably().RequestRecovery());
            q.AddTrigger(t => t.ForJob(RemindersJob.Key).WithIdentity(RemindersJob.JobName + "-trigger").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(options.RemindersIntervalMinutes)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)));
            q.AddJob<DfeSyncJob>(j => j.WithIdentity(DfeSyncJob.Key).StoreDurably().RequestRecovery());
            q.AddTrigger(t => t.ForJob(DfeSyncJob.Key).WithIdentity(DfeSyncJob.JobName + "-trigger").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(options.DfeSyncIntervalMinutes)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)));
            q.AddJob<RetentionJob>(j => j.WithIdentity(RetentionJob.Key).StoreDurably().RequestRecovery());
            q.AddTrigger(t => t.ForJob(RetentionJob.Key).WithIdentity(RetentionJob.JobName + "-trigger").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(options.RetentionIntervalHours)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)));
        });
        if (options.Enabled)
        {
            builder.Services.AddQuartzHostedService(SchedulerName, o => o.WaitForJobsToComplete = true);
        }
        return builder;
    }
}
