using System.Data.Common;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Roundtable.Web.Data;
using Roundtable.Web.People;
using Roundtable.Web.Projects;
using Roundtable.Web.Reminders;

// 20,000 delegates on SQLite: a quarter in a cohort whose tutorial-1 window closes this week, a
// quarter in one whose 18 months end in three weeks (placement log empty), the rest not due. One
// operation is the reminders job's work: compute every kind, queue the due ones (keys + outbox rows).
// The queued rows are deleted before each iteration, so every iteration queues the same 10,000.
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class ReminderBenchmarks
{
    // In-process: one iteration is seconds of database work, so BenchmarkDotNet's separate build of a
    // boilerplate project (which times out on a busy two-core machine) buys nothing here.
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() => AddJob(Job.Default
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance));
    }

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"roundtable-bench-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly QueryCounter _queries = new();
    private readonly IDataProtectionProvider _protection = new EphemeralDataProtectionProvider();
    private readonly IConfiguration _configuration = new ConfigurationBuilder().AddInMemoryCollection([new("App:BaseUrl", "https://roundtable.example")]).Build();

    private readonly string _postgresDatabase = $"rt_bench_{Guid.NewGuid():N}";

    [Params(20_000)]
    public int Delegates { get; set; }

    // PostgreSQL too when ROUNDTABLE_TEST_POSTGRES names a server (eval "$(scripts/postgres.sh start)").
    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    public static IEnumerable<string> Providers() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ROUNDTABLE_TEST_POSTGRES")) ? ["sqlite"] : ["sqlite", "postgres"];

    public int LastQueries { get; private set; }

    private AppDbContext Db(bool counted = false)
    {
        if (Provider == "postgres")
        {
            var csb = new Npgsql.NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ROUNDTABLE_TEST_POSTGRES")) { Database = _postgresDatabase };
            var pg = new DbContextOptionsBuilder<PostgresAppDbContext>();
            pg.UseNpgsql(csb.ToString());
            if (counted)
            {
                pg.AddInterceptors(_queries);
            }
            return new PostgresAppDbContext(pg.Options);
        }
        var o = new DbContextOptionsBuilder<SqliteAppDbContext>();
        o.UseSqlite($"Data Source={_path}");
        if (counted)
        {
            o.AddInterceptors(_queries);
        }
        return new SqliteAppDbContext(o.Options);
    }

    [GlobalSetup]
    public void Setup()
    {
        using var db = Db();
        db.MigrateAsync().GetAwaiter().GetResult();
        var now = _time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var programme = new Programme { Code = "NPQH", Name = "NPQH" };
        var cohorts = new[]
        {
            new Cohort { Programme = programme, Name = "Window closing", CourseStart = today.AddDays(7).AddMonths(-3) },
            new Cohort { Programme = programme, Name = "Placement ending", CourseStart = today.AddDays(21).AddMonths(-ReminderRules.ProgrammeMonths) },
            new Cohort { Programme = programme, Name = "Mid-course", CourseStart = today.AddMonths(-6) },
        };
        db.Cohorts.AddRange(cohorts);
        db.SaveChanges();
        for (var batch = 0; batch < Delegates; batch += 1000)
        {
            for (var i = batch; i < Math.Min(Delegates, batch + 1000); i++)
            {
                var user = AppUser.Create($"d{i}@bench.example", $"Delegate {i}", now);
                user.NormalizedEmail = user.Email!.ToUpperInvariant();
                user.NormalizedUserName = user.NormalizedEmail;
                db.Users.Add(user);
                db.Participants.Add(new Participant { User = user, CohortId = cohorts[(i % 4) switch { 0 => 0, 1 => 1, _ => 2 }].Id });
            }
            db.SaveChanges();
            db.ChangeTracker.Clear();
        }
    }

    [IterationSetup]
    public void Clear()
    {
        using var db = Db();
        db.SentReminders.ExecuteDelete();
        db.OutboxMessages.ExecuteDelete();
        _queries.Count = 0;
    }

    [Benchmark]
    public int ComputeAndQueue()
    {
        using var db = Db(counted: true);
        var service = new ReminderService(db, _time, new ProjectCalendar(db, _time, new ReferenceDataCache(_time)), new ReminderLinks(_configuration), new UnsubscribeTokens(_protection));
        var run = service.QueueDueAsync().GetAwaiter().GetResult();
        LastQueries = _queries.Count;
        Console.WriteLine($"// reminders: {run.Queued} queued of {run.Due} due, {_queries.Count} database commands");
        return run.Queued;
    }

    [Benchmark]
    public int ComputeOnly()
    {
        using var db = Db(counted: true);
        var service = new ReminderService(db, _time, new ProjectCalendar(db, _time, new ReferenceDataCache(_time)), new ReminderLinks(_configuration), new UnsubscribeTokens(_protection));
        var due = service.DueAsync().GetAwaiter().GetResult();
        Console.WriteLine($"// reminders: {due.Count} due (not queued), {_queries.Count} database commands");
        return due.Count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Provider == "postgres")
        {
            using var db = Db();
            db.Database.EnsureDeleted();
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    private sealed class QueryCounter : DbCommandInterceptor
    {
        public int Count { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
