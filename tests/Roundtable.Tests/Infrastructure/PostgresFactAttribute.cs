namespace Roundtable.Tests.Infrastructure;

// For behaviour that only exists on PostgreSQL (LISTEN/NOTIFY across servers). The test command
// runs the suite on PostgreSQL too, where these run; on SQLite they are reported as skipped.
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.UsePostgres)
        {
            Skip = "Needs PostgreSQL: scripts/test.sh runs it there.";
        }
    }
}
