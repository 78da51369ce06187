using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Infrastructure.Email;
using Roundtable.Web.Reminders;

namespace Roundtable.Tests.Scheduling;

// Two app servers on one PostgreSQL database, each running Quartz for real (clustered job store),
// delivering to one real SMTP listener. Waiting is bounded by real time because Quartz fires on
// real time; the app's clock, which decides what is due, stays fixed.
#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime.DisposeAsync
public sealed class ClusterTests : IAsyncLifetime
{
    private const int Delegates = 12;
    private readonly TestDatabase _database = TestDatabase.Create();
    private readonly SmtpListener _smtp = new();
    private readonly List<AppFactory> _servers = [];

    private sealed class ClusterServer(TestDatabase database, SmtpListener smtp, bool scheduling) : AppFactory(database, smtp)
    {
        protected override bool SchedulingEnabled => scheduling;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Scheduling:OutboxIntervalSeconds", "1");
            builder.UseSetting("Scheduling:RemindersIntervalMinutes", "1");
            builder.UseSetting("Scheduling:ClusterCheckinSeconds", "2");
            builder.UseSetting("Email:Outbox:BatchSize", "3");
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    private async Task<AppFactory> StartAsync(bool scheduling)
    {
        var server = new ClusterServer(_database, _smtp, scheduling);
        _servers.Add(server);
        await ((IAsyncLifetime)server).InitializeAsync();
        return server;
    }

    // Two clustered Quartz schedulers on one PostgreSQL job store: the due reminders are queued once
    // and, with SMTP down and then up, each arrives exactly once. (It once stopped after 6 of 12: the
    // default scheduler took the app's fixed clock, so its trigger never came due again; Quartz now
    // runs as a named scheduler on the real clock, 2fab989.)
    [PostgresFact]
    public async Task TwoServers_SmtpDownThenUp_EveryDueReminderArrivesExactlyOnce()
    {
        // The first server (scheduler off) migrates the database and writes the facts.
        var setup = await StartAsync(scheduling: false);
        var data = new TestData(setup);
        var cohort = await data.CohortAsync(start: new DateOnly(2026, 9, 1));
        for (var i = 1; i <= Delegates; i++)
        {
            await data.DelegateAsync(cohort, $"d{i}@test.example");
        }
        _smtp.Down = true;

        var a = await StartAsync(scheduling: true);
        var b = await StartAsync(scheduling: true);

        // Both servers have started their schedulers and the reminders are queued; every send fails.
        await WaitUntilAsync(setup, db => db.OutboxMessages.CountAsync(m => m.Attempts >= 1), n => n == Delegates);
        Assert.Empty(_smtp.Messages);
        Assert.Equal(Delegates, await setup.WithDbAsync(db => db.SentReminders.CountAsync()));

        _smtp.Down = false;
        foreach (var server in new[] { a, b })
        {
            server.Clock.Advance(TimeSpan.FromMinutes(5));
        }
        await WaitUntilAsync(setup, db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent), n => n == Delegates);
        // Both servers run the reminders work again at once: nothing new is due.
        await Task.WhenAll(a.QueueRemindersAsync(), b.QueueRemindersAsync());
        await Task.WhenAll(a.SendOutboxAsync(), b.SendOutboxAsync());

        var arrived = _smtp.Messages.Where(m => m.Headers[ReminderKind.Header] == "tutorial-window-closing")
            .Select(m => m.To.Mailboxes.Single().Address).Order().ToList();
        Assert.Equal(Enumerable.Range(1, Delegates).Select(i => $"d{i}@test.example").Order().ToList(), arrived);
        var runs = await setup.WithDbAsync(db => db.JobRuns.AsNoTracking().ToListAsync());
        Assert.Contains(runs, r => r.JobName == "send-email");
    }

    private static async Task WaitUntilAsync(AppFactory app, Func<Roundtable.Web.Data.AppDbContext, Task<int>> query, Func<int, bool> done)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var last = -1;
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            last = await app.WithDbAsync(query);
            if (done(last))
            {
                return;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The cluster did not get there (last count {last}).\n{await DiagnoseAsync(app)}");
    }

    // What the failure message shows: the Quartz triggers, each job's last run and the queue.
    private static async Task<string> DiagnoseAsync(AppFactory app) => await app.WithDbAsync(async db =>
    {
        var text = new System.Text.StringBuilder();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT trigger_name, trigger_state, next_fire_time, prev_fire_time, misfire_instr FROM qrtz_triggers";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.Append("trigger ").Append(reader.GetString(0)).Append(' ').Append(reader.GetString(1))
                    .Append(" next ").Append(Ticks(reader, 2)).Append(" prev ").Append(Ticks(reader, 3)).AppendLine();
            }
        }
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT instance_name, last_checkin_time FROM qrtz_scheduler_state";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.Append("scheduler ").Append(reader.GetString(0)).Append(" checkin ").Append(Ticks(reader, 1)).AppendLine();
            }
        }
        text.Append("now ").Append(TimeProvider.System.GetUtcNow().ToString("O")).AppendLine();
        foreach (var run in await db.JobRuns.AsNoTracking().ToListAsync())
        {
            text.Append("job ").Append(run.JobName).Append(" started ").Append(run.LastStartedAt.ToString("O")).Append(" finished ")
                .Append(run.LastFinishedAt?.ToString("O")).Append(' ').Append(run.LastOutcome).Append(" on ").Append(run.LastServer).Append(" error ").Append(run.LastError).AppendLine();
        }
        foreach (var m in await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync())
        {
            text.Append("mail ").Append(m.Id).Append(' ').Append(m.Status).Append(" attempts ").Append(m.Attempts).Append(" next ").Append(m.NextAttemptAt.ToString("O"))
                .Append(" locked ").Append(m.LockedBy).Append(' ').Append(m.LockedUntil?.ToString("O")).AppendLine();
        }
        return text.ToString();
    });

    private static string Ticks(System.Data.Common.DbDataReader reader, int column)
    {
        if (reader.IsDBNull(column))
        {
            return "-";
        }
        var ticks = reader.GetInt64(column);
        return ticks > 0 && ticks < DateTime.MaxValue.Ticks ? new DateTime(ticks, DateTimeKind.Utc).ToString("O") : ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        foreach (var server in Enumerable.Reverse(_servers))
        {
            await ((IAsyncLifetime)server).DisposeAsync();
        }
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }
}
#pragma warning restore CA1001
