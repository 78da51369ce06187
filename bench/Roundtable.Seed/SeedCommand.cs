using System.Globalization;
using Roundtable.Seed;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;

// dotnet run -c Release --project bench/Roundtable.Seed -- --provider postgres --connection "Host=...;Database=roundtable_bench;..." --delegates 20000
// Options: --provider sqlite|postgres (sqlite), --connection (sqlite: Data Source=seed.db), --delegates (20000),
// --cohorts (10), --seed (42), --today yyyy-MM-dd (today, UK). The database must have no people in it yet.
// A class rather than top-level statements: a generated "Program" would clash with the web app's
// Program (WebApplicationFactory<Program>) in the projects that reference both.
internal static class SeedCommand
{
    public static async Task<int> Main(string[] args)
    {
        var options = Args.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync("Usage: --provider sqlite|postgres --connection \"...\" [--delegates 20000] [--cohorts 10] [--seed 42] [--today yyyy-MM-dd]");
            return 2;
        }
        var (provider, connection, seed) = options.Value;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeding {seed.Delegates:N0} delegates in {seed.Cohorts} cohorts on {provider} (seed {seed.Seed}, today {seed.Today:yyyy-MM-dd})..."));
        try
        {
            var result = await SeedDatabase.SeedAsync(provider, connection, seed, Console.Out);
            Console.WriteLine();
            foreach (var (what, rows) in result.Counts)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-34} {rows,9:N0}"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Done in {result.Elapsed.TotalSeconds:F1} s. Cohort ids {string.Join(", ", result.CohortIds)}. Sign in as {result.TeamEmail} (or tutor001@, partner001@, delegate00001@{SeedOptions.Domain}) with password {result.Password}."));
            return 0;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}

internal static class Args
{
    public static (DatabaseProvider Provider, string Connection, SeedOptions Seed)? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }
            values[args[i][2..]] = args[i + 1];
        }
        if (args.Length % 2 != 0 || !Enum.TryParse<DatabaseProvider>(values.GetValueOrDefault("provider", "sqlite"), ignoreCase: true, out var provider))
        {
            return null;
        }
        var connection = values.GetValueOrDefault("connection") ?? (provider == DatabaseProvider.Sqlite ? "Data Source=seed.db" : null);
        if (connection is null)
        {
            return null;
        }
        var today = values.TryGetValue("today", out var t) ? DateOnly.ParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture) : LondonTime.Today(TimeProvider.System);
        return (provider, connection, new SeedOptions
        {
            Today = today,
            Delegates = int.Parse(values.GetValueOrDefault("delegates", "20000"), CultureInfo.InvariantCulture),
            Cohorts = int.Parse(values.GetValueOrDefault("cohorts", "10"), CultureInfo.InvariantCulture),
            Seed = int.Parse(values.GetValueOrDefault("seed", "42"), CultureInfo.InvariantCulture),
            Password = values.GetValueOrDefault("password", SeedOptions.DefaultPassword),
        });
    }
}
