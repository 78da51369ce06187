using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Roundtable.InsightBench;
using Roundtable.Seed;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;

// Times the programme insight endpoints on the seeded 20,000-delegate programme (PostgreSQL): the
// app runs in this process on the given database, requests go one at a time after a warm-up, and
// each request's database commands are counted.
// dotnet run -c Release --project bench/Roundtable.InsightBench -- --connection "Host=...;Database=roundtable_bench;..."
//   [--seed-if-empty] [--delegates 20000] [--requests 200] [--warmup 20] [--url /Some/Page ...] [--sql]
//   [--as delegate00001@seed.roundtable.test] [--only]   (sign in as someone else; time only the --url pages)
internal static class InsightBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        var settings = BenchArgs.Parse(args);
        if (settings is null)
        {
            await Console.Error.WriteLineAsync("Usage: --connection \"Host=...;Database=...\" [--seed-if-empty] [--delegates 20000] [--requests 200] [--warmup 20] [--url /path ...] [--sql] [--as email] [--only]");
            return 2;
        }
        var s = settings;
        var inv = CultureInfo.InvariantCulture;

        if (s.SeedIfEmpty)
        {
            await using var db = SeedDatabase.Open(DatabaseProvider.Postgres, s.Connection);
            await db.MigrateAsync();
            if (!await db.Users.AnyAsync())
            {
                Console.WriteLine(string.Create(inv, $"Empty database: seeding {s.Delegates:N0} delegates..."));
                var seeded = await new ProgrammeSeeder(db, new SeedOptions { Delegates = s.Delegates, Today = LondonTime.Today(TimeProvider.System) }, Console.Out).RunAsync();
                Console.WriteLine(string.Create(inv, $"Seeded in {seeded.Elapsed.TotalSeconds:F1} s."));
            }
        }

        var queries = new QueryLog();
        await using var app = new BenchApp(s.Connection, queries);
        var loadBefore = LoadAverage();

        // The programme team (or --as someone): a bearer token for the API, the site's cookie for pages.
        var api = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BenchApp.Https, AllowAutoRedirect = false, HandleCookies = false });
        var login = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = s.As, password = SeedOptions.DefaultPassword });
        if (login.StatusCode != HttpStatusCode.OK)
        {
            await Console.Error.WriteLineAsync($"Sign-in as {s.As} failed ({(int)login.StatusCode}): is the database seeded (bench/Roundtable.Seed)?");
            return 1;
        }
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var site = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BenchApp.Https, AllowAutoRedirect = false, HandleCookies = true });
        var signInPage = await site.GetStringAsync("/Account/SignIn");
        var antiforgery = Regex.Match(signInPage, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"");
        var signIn = await site.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = s.As, ["Input.Password"] = SeedOptions.DefaultPassword,
            ["__RequestVerificationToken"] = antiforgery.Groups[1].Success ? antiforgery.Groups[1].Value : antiforgery.Groups[2].Value,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            await Console.Error.WriteLineAsync($"Cookie sign-in failed ({(int)signIn.StatusCode}).");
            return 1;
        }

        // The cohort of 2,000 with the most history (the oldest), and the programme's size.
        List<(int Id, string Name, int Delegates)> cohorts;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            cohorts = (await db.Cohorts.OrderBy(c => c.CourseStart).Select(c => new { c.Id, c.Name, Delegates = c.Participants.Count }).ToListAsync())
                .Select(c => (c.Id, c.Name, c.Delegates)).ToList();
        }
        var oldest = cohorts[0];
        var total = cohorts.Sum(c => c.Delegates);
        var one = string.Create(inv, $"1 cohort, {oldest.Delegates:N0} delegates");
        var all = string.Create(inv, $"{cohorts.Count} cohorts, {total:N0} delegates");
        var cases = s.Only ? [] : new List<(string What, string Size, string Url, HttpClient Client)>
        {
            ("cohort report API", one, $"/api/v1/reports/cohorts/{oldest.Id}", api),
            ("at-risk CSV API", one, $"/api/v1/reports/cohorts/{oldest.Id}/at-risk.csv", api),
            ("at-risk page, one cohort", one, $"/Programme/AtRisk?cohort={oldest.Id}", site),
            ("at-risk page, whole programme", all, "/Programme/AtRisk", site),
            ("at-risk CSV, whole programme", all, "/Programme/AtRisk?handler=Csv", site),
        };
        cases.AddRange(s.Urls.Select(u => (u, "", u, u.StartsWith("/api/", StringComparison.Ordinal) ? api : site)));

        Console.WriteLine(string.Create(inv, $"Programme: {all}; timed cohort {oldest.Id} ({oldest.Name}). {s.Warmup} warm-up and {s.Requests} timed requests each, one at a time."));
        var rows = new List<string>();
        foreach (var (what, size, url, client) in cases)
        {
            var first = await client.GetAsync(url);
            var body = await first.Content.ReadAsByteArrayAsync();
            if (first.StatusCode != HttpStatusCode.OK)
            {
                Console.WriteLine($"{url}: {(int)first.StatusCode}, skipped.");
                continue;
            }
            Console.WriteLine(string.Create(inv, $"{url}: {body.Length:N0} bytes{Describe(url, body)}"));
            for (var i = 1; i < s.Warmup; i++)
            {
                (await client.GetAsync(url)).EnsureSuccessStatusCode();
            }
            var times = new List<double>();
            var counts = new List<int>();
            for (var i = 0; i < s.Requests; i++)
            {
                var before = queries.Count;
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                clock.Stop();
                response.EnsureSuccessStatusCode();
                times.Add(clock.Elapsed.TotalMilliseconds);
                counts.Add(queries.Count - before);
            }
            times.Sort();
            counts.Sort();
            var median = times[times.Count / 2];
            var p99 = times[(int)Math.Ceiling(0.99 * times.Count) - 1];
            var queryText = counts[0] == counts[^1] ? counts[0].ToString(inv) : $"{counts[0]}–{counts[^1]}";
            rows.Add(string.Create(inv, $"| {what} (`{url}`) | {size} | p99 < 300 ms | {median:F0} ms | {p99:F0} ms | {queryText} | {(p99 < 300 ? "yes" : "no")} |"));
            Console.WriteLine(rows[^1]);
            if (s.ShowSql)
            {
                // Every command of one more request, slowest first, in full in insight-bench-sql.txt.
                queries.Clear();
                queries.KeepText = true;
                (await client.GetAsync(url)).EnsureSuccessStatusCode();
                queries.KeepText = false;
                var slowest = queries.Commands.OrderByDescending(c => c.Duration).ToList();
                await File.AppendAllTextAsync("insight-bench-sql.txt", $"==== {url}\n" + string.Concat(slowest.Select(c =>
                    string.Create(inv, $"-- {c.Duration.TotalMilliseconds:F1} ms\n{c.Sql};\n\n"))));
                foreach (var (duration, sql) in slowest.Take(5))
                {
                    var text = Regex.Replace(sql, @"(--[^\n]*\n)|\s+", " ").Trim();
                    Console.WriteLine(string.Create(inv, $"    {duration.TotalMilliseconds,7:F1} ms  {text[..Math.Min(text.Length, 300)]}"));
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(inv, $"Load average (1, 5, 15 min) before: {loadBefore}; after: {LoadAverage()}; {Environment.ProcessorCount} cores."));
        Console.WriteLine("| what | size | goal | median | p99 | queries | met? |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
        return 0;

        static string LoadAverage() =>
            File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

        static string Describe(string url, byte[] body)
        {
            if (url.EndsWith(".csv", StringComparison.Ordinal) || url.EndsWith("handler=Csv", StringComparison.Ordinal))
            {
                // How many delegates each reason found, to compare one version of the rules with another.
                var csv = System.Text.Encoding.UTF8.GetString(body);
                return " (" + string.Join(", ", Roundtable.Web.Insight.AtRiskReasons.All
                    .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Code} {Regex.Count(csv, Regex.Escape(r.Text))}"))) + ")";
            }
            if (!url.StartsWith("/api/v1/reports/cohorts/", StringComparison.Ordinal))
            {
                return "";
            }
            var report = JsonSerializer.Deserialize<JsonElement>(body);
            var reasons = string.Join(", ", report.GetProperty("atRisk").EnumerateArray()
                .SelectMany(d => d.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())).GroupBy(r => r).Select(g => $"{g.Key} {g.Count()}"));
            return string.Create(CultureInfo.InvariantCulture,
                $" (delegates {report.GetProperty("delegates")}, groups {report.GetProperty("groups")}, sessions held {report.GetProperty("sessions").GetProperty("held")}, "
                + $"tutorials held {report.GetProperty("tutorials").GetProperty("held")}, invoices paid {report.GetProperty("invoices").GetProperty("paid")}, "
                + $"at risk {report.GetProperty("atRisk").GetArrayLength()}: {reasons})");
        }
    }
}

internal sealed record BenchArgs(string Connection, bool SeedIfEmpty, int Delegates, int Requests, int Warmup, IReadOnlyList<string> Urls, bool ShowSql, string As, bool Only)
{
    public static BenchArgs? Parse(string[] args)
    {
        string? connection = null;
        var (seed, sql, delegates, requests, warmup, only) = (false, false, 20_000, 200, 20, false);
        var signInAs = SeedOptions.TeamEmail;
        var urls = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--connection": connection = Value(); break;
                case "--seed-if-empty": seed = true; break;
                case "--sql": sql = true; break;
                case "--delegates": delegates = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--requests": requests = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--url": urls.Add(Value()); break;
                case "--as": signInAs = Value(); break;
                case "--only": only = true; break;
                default: return null;
            }
        }
        return connection is null ? null : new BenchArgs(connection, seed, delegates, requests, Math.Max(1, warmup), urls, sql, signInAs, only);
    }
}

// The app as it runs in production on PostgreSQL, with the benchmark's query log added to its
// database context and the scheduled jobs off (they would compete for the database).
internal sealed class BenchApp(string connection, QueryLog queries) : WebApplicationFactory<Program>
{
    // Production redirects HTTP to HTTPS and marks its cookies secure.
    public static readonly Uri Https = new("https://localhost");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Roundtable.slnx")))
        {
            root = root.Parent;
        }
        builder.UseContentRoot(Path.Combine(root?.FullName ?? ".", "src", "Roundtable.Web"));
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Roundtable", connection);
        builder.UseSetting("App:BaseUrl", "http://localhost");
        builder.UseSetting("Email:Host", "localhost");
        builder.UseSetting("Scheduling:Enabled", "false");
        foreach (var limit in new[] { "ApiPerAccount", "ApiPerAddress", "SignInPerAddress", "PasswordResetPerAddress" })
        {
            builder.UseSetting($"RateLimits:{limit}:PermitLimit", "1000000");
        }
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services => services.ConfigureDbContext<PostgresAppDbContext>((_, o) => o.AddInterceptors(queries)));
    }
}
