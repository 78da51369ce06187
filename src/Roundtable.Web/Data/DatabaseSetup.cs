using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Roundtable.Web.Infrastructure.Audit;

namespace Roundtable.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    public const string ConnectionName = "Roundtable";
    public const string DefaultSqliteConnection = "Data Source=data/roundtable.db";

    public static DatabaseProvider Provider(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var provider = Provider(builder.Configuration);
        var connection = builder.Configuration.GetConnectionString(ConnectionName);
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Roundtable is not set.");
            }
            builder.Services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => ConfigurePostgres(o, connection).AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<Projects.ReferenceDataInterceptor>()),
                optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            var sqlite = PrepareSqlite(connection ?? DefaultSqliteConnection, builder.Environment.ContentRootPath);
            builder.Services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => ConfigureSqlite(o, sqlite).AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<Projects.ReferenceDataInterceptor>()),
                optionsLifetime: ServiceLifetime.Singleton);
        }
        // The options (provider, connection string, interceptors: all singletons) are built once,
        // not for every request's context (issue 20: per-request cost of a page).
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<AuditInterceptor>();
        builder.Services.AddSingleton<Projects.ReferenceDataCache>();
        builder.Services.AddSingleton<Projects.ReferenceDataInterceptor>();
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Infrastructure.Operations.HealthSetup.ReadyTag]);
        return builder;
    }

    internal static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder o, string connection) =>
        o.UseNpgsql(connection);

    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder o, string connection) =>
        o.UseSqlite(connection);

    // A relative SQLite file is placed under the content root, its folder created, and a busy timeout
    // set so that concurrent writers queue instead of failing with "database is locked".
    public static string PrepareSqlite(string connection, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connection);
        if (csb.DataSource != ":memory:" && !Path.IsPathRooted(csb.DataSource))
        {
            csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
        }
        if (csb.DataSource != ":memory:")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }
        if (csb.DefaultTimeout < 30)
        {
            csb.DefaultTimeout = 30;
        }
        return csb.ToString();
    }

    public static async Task MigrateAsync(this AppDbContext db, CancellationToken ct = default)
    {
        // Every start but the first after a release finds nothing to apply: asking is one read of the
        // history table, whereas Migrate also takes the migrations lock and compares the migrations'
        // model with the app's (a large part of a cold start). Servers racing on a new database
        // still all go through Migrate and its lock.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await db.Database.MigrateAsync(ct);
        }
        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while one writer commits; the setting is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}

internal sealed class DatabaseHealthCheck(AppDbContext db) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy()
                : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("The database cannot be reached.", e);
        }
    }
}

// Design-time factories for `dotnet ef migrations add` (scripts/add-migration.sh runs both).
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DatabaseSetup.ConfigureSqlite(o, "Data Source=design-time.db");
        return new SqliteAppDbContext(o.Options);
    }
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DatabaseSetup.ConfigurePostgres(o, "Host=localhost;Database=roundtable_design");
        return new PostgresAppDbContext(o.Options);
    }
}
