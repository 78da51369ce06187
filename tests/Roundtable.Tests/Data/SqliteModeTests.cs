using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Data;

namespace Roundtable.Tests.Data;

// Issue 20: SQLite (one server) runs in WAL mode, so readers carry on while a writer commits and a
// killed process leaves committed work in the log, and its write transactions start IMMEDIATE: the
// write lock is taken when the transaction begins, so two writers queue on the busy timeout instead
// of one failing half-way ("database is locked" on upgrading a read lock). On SQLite in both passes.
public sealed class SqliteModeTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"roundtable-mode-{Guid.NewGuid():N}.db");
    private ConfiguredApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await ConfiguredApp.StartAsync("Testing", new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Roundtable"] = $"Data Source={_path}",
        });

    // Another process's view of the file, waiting at most a second for a lock (0 would wait for ever).
    private SqliteConnection Outsider() => new(new SqliteConnectionStringBuilder { DataSource = _path, DefaultTimeout = 1, Pooling = false }.ToString());

    [Fact]
    public async Task TheDatabaseFile_IsInWalMode()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(db.Database.IsSqlite());
        Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync() is [var mode] ? mode : "");

        await using var outsider = Outsider();
        await outsider.OpenAsync();
        await using var command = outsider.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AWriteTransaction_TakesTheWriteLockWhenItBegins_ReadersCarryOn()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var outsider = Outsider();
        await outsider.OpenAsync();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            // Nothing written yet, and another writer is already kept out...
            await using var write = outsider.CreateCommand();
            write.CommandText = "BEGIN IMMEDIATE;";
            var busy = await Assert.ThrowsAsync<SqliteException>(() => write.ExecuteNonQueryAsync());
            Assert.Equal(5, busy.SqliteErrorCode); // SQLITE_BUSY
            // ...while a reader is not.
            await using var read = outsider.CreateCommand();
            read.CommandText = "SELECT COUNT(*) FROM \"AspNetRoles\";";
            Assert.True((long)(await read.ExecuteScalarAsync())! > 0);
            await transaction.CommitAsync();
        }

        await using var after = outsider.CreateCommand();
        after.CommandText = "BEGIN IMMEDIATE; COMMIT;";
        await after.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
