using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Roundtable.Web.Data;

namespace Roundtable.Tests.Infrastructure;

// SQLite by default; PostgreSQL when the test command exports ROUNDTABLE_TEST_POSTGRES (a server
// connection string). Each app under test gets its own database, dropped afterwards.
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "ROUNDTABLE_TEST_POSTGRES";

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqlitePath)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqlitePath = sqlitePath;
    }

    private readonly string? _sqlitePath;
    private List<string>? _postgresSequences;

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static bool UsePostgres => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public static TestDatabase Create()
    {
        if (UsePostgres)
        {
            var csb = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable))
            {
                Database = $"rt_test_{Guid.NewGuid():N}",
                // Concurrency tests open many connections at once.
                MaxPoolSize = 200,
            };
            return new TestDatabase(DatabaseProvider.Postgres, csb.ToString(), null);
        }
        var path = Path.Combine(Path.GetTempPath(), $"roundtable-test-{Guid.NewGuid():N}.db");
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={path}", path);
    }

    // A database someone else made and drops (the cluster harness's): never disposed by its users.
    public static TestDatabase Existing(DatabaseProvider provider, string connectionString) => new(provider, connectionString, null);

    public async Task ResetAsync(AppDbContext db)
    {
        // Roles are reference data from the migrations, and data-protection keys must survive so
        // that cookies issued earlier in a test class stay readable.
        var keep = new HashSet<string>(StringComparer.Ordinal) { "AspNetRoles", "DataProtectionKeys", "__EFMigrationsHistory" };
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Where(t => !keep.Contains(t)).Distinct().ToList();
        // Table names come from our own model, never from input.
#pragma warning disable EF1002, EF1003
        await db.Database.OpenConnectionAsync();
        try
        {
            if (Provider == DatabaseProvider.Postgres)
            {
                // DELETE, not TRUNCATE: a test leaves a few rows in a few tables, and TRUNCATE makes new
                // files for every one of the hundred tables each time, which made the PostgreSQL pass twice
                // as slow as SQLite's. As the superuser the tests connect as, replica mode skips the foreign
                // key and audit triggers, so the order does not matter; identities restart as before.
                _postgresSequences ??= await db.Database.SqlQueryRaw<string>($"""
                    SELECT format('SELECT setval(%L, %s, false);', s.seqrelid::regclass::text, s.seqstart) AS "Value"
                    FROM pg_sequence s
                    JOIN pg_depend d ON d.objid = s.seqrelid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
                    JOIN pg_class t ON t.oid = d.refobjid
                    WHERE t.relname IN ({string.Join(", ", tables.Select(t => $"'{t}'"))})
                    """).ToListAsync();
                await db.Database.ExecuteSqlRawAsync(
                    "SET session_replication_role = replica; "
                    + string.Concat(tables.Select(t => $"DELETE FROM \"{t}\"; "))
                    + string.Concat(_postgresSequences)
                    + " SET session_replication_role = origin;");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;");
                foreach (var table in tables)
                {
                    await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{table}\";");
                }
                await db.Database.ExecuteSqlRawAsync("DELETE FROM sqlite_sequence;");
                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON;");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
#pragma warning restore EF1002, EF1003
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            var csb = new NpgsqlConnectionStringBuilder(ConnectionString);
            var name = csb.Database;
            csb.Database = "postgres";
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(csb.ToString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        else if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqlitePath + suffix);
            }
        }
    }
}
