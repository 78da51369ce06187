using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Seed;

// A context on the app's own model and migrations, without the app's services (no audit
// interceptor: seeded rows are not anyone's actions).
public static class SeedDatabase
{
    public static AppDbContext Open(DatabaseProvider provider, string connection)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var pg = new DbContextOptionsBuilder<PostgresAppDbContext>();
            pg.UseNpgsql(connection, o => o.CommandTimeout(300));
            return new PostgresAppDbContext(pg.Options);
        }
        var sqlite = new DbContextOptionsBuilder<SqliteAppDbContext>();
        sqlite.UseSqlite(DatabaseSetup.PrepareSqlite(connection, Directory.GetCurrentDirectory()));
        return new SqliteAppDbContext(sqlite.Options);
    }

    // Migrates (creating the database if need be), then seeds it.
    public static async Task<SeedResult> SeedAsync(DatabaseProvider provider, string connection, SeedOptions options, TextWriter log, CancellationToken ct = default)
    {
        await using var db = Open(provider, connection);
        await db.MigrateAsync(ct);
        var result = await new ProgrammeSeeder(db, options, log).RunAsync(ct);
        // Statistics for the planner, as a live database gathers them over time: autovacuum analyses
        // a table only after 50 changed rows, so the ten-row Cohorts table would otherwise keep no
        // statistics and PostgreSQL would pick index-probe loops for every programme-wide figure.
        await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        return result;
    }
}
