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
#pragma warning disable EF1002
        await db.Database.OpenConnectionAsync();
        try
        {
            if (Provider == DatabaseProvider.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync($"TRUNCATE TABLE {string.Join(", ", tables.Select(t => $"\"{t}\""))} RESTART IDENTITY CASCADE;");
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
#pragma warning restore EF1002
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
