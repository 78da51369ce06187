using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.People;

using Microsoft.Extensions.Logging;

// Opens many live-session event streams against one app server on a real port and measures how
// long a chair's action takes to reach every stream of its session.
// dotnet run -c Release --project bench/Roundtable.LiveLoad -- [sessions=200] [streamsPerSession=5]
// Breakouts: dotnet run -c Release --project bench/Roundtable.LiveLoad -- breakouts [sessions=100] [membersPerSession=10]
// (each session of ten splits into two breakouts of five; every member streams their own breakout).
internal static class LiveLoad
{
    public static async Task Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "breakouts")
        {
            await BreakoutLoad.RunAsync(
                args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100,
                args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10);
            return;
        }
        var sessions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var perSession = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        const string password = "Load-test-pass-1";

        var dbPath = Path.Combine(Path.GetTempPath(), $"roundtable-load-{Guid.NewGuid():N}.db");
        await using var app = new LoadApp(dbPath);
        app.UseKestrel(0);
        app.StartServer();
        var baseAddress = app.ClientOptions.BaseAddress;
        Console.WriteLine($"App on {baseAddress}; seeding {sessions} sessions with {perSession} members each...");

        var sessionIds = new List<int>();
        var emails = new List<List<string>>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var programme = new Programme { Code = "NPQH", Name = "Headship" };
            var cohort = new Cohort { Programme = programme, Name = "Load", CourseStart = new DateOnly(2026, 9, 1) };
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            for (var s = 0; s < sessions; s++)
            {
                var members = new List<AppUser>();
                for (var m = 0; m < perSession; m++)
                {
                    var user = AppUser.Create($"s{s}m{m}@load.example", $"Member {m} of {s}", DateTime.UnixEpoch);
                    await users.CreateAsync(user, password);
                    await users.AddToRoleAsync(user, Roles.Delegate);
                    db.Participants.Add(new Participant { UserId = user.Id, CohortId = cohort.Id, Birthday = new Birthday(1 + m, 1) });
                    members.Add(user);
                }
                var group = new CommunityGroup { CohortId = cohort.Id, Name = $"G{s}", Published = true, Members = members.Select(u => new CommunityMember { CohortId = cohort.Id, UserId = u.Id }).ToList() };
                var session = new CommunitySession { Group = group, StartsAt = TimeProvider.System.GetUtcNow().UtcDateTime, Mode = SessionMode.Online, Where = "https://meet.example.org/load" };
                db.CommunitySessions.Add(session);
                await db.SaveChangesAsync();
                sessionIds.Add(session.Id);
                emails.Add(members.Select(u => u.Email!).ToList());
            }
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 4000, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };

        async Task<string> TokenAsync(string email)
        {
            var response = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }

        var tokens = new List<List<string>>();
        foreach (var group in emails)
        {
            tokens.Add([.. await Task.WhenAll(group.Select(TokenAsync))]);
        }

        GC.Collect();
        var memoryBefore = Process.GetCurrentProcess().WorkingSet64;
        var clock = Stopwatch.StartNew();
        var arrivals = new long[sessions][];
        var opened = 0;
        using var stop = new CancellationTokenSource();
        var readers = new List<Task>();
        for (var s = 0; s < sessions; s++)
        {
            arrivals[s] = Enumerable.Repeat(-1L, perSession).ToArray();
            for (var m = 0; m < perSession; m++)
            {
                var (si, mi) = (s, m);
                readers.Add(Task.Run(async () =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/sessions/{sessionIds[si]}/live/events");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[si][mi]);
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
                    using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
                    Interlocked.Increment(ref opened);
                    while (await reader.ReadLineAsync(stop.Token) is { } line)
                    {
                        if (line.StartsWith("data: ", StringComparison.Ordinal) && line.Contains("\"status\":\"Running\"", StringComparison.Ordinal))
                        {
                            arrivals[si][mi] = clock.ElapsedTicks;
                            return;
                        }
                    }
                }));
            }
        }
        while (Volatile.Read(ref opened) < sessions * perSession)
        {
            await Task.Delay(50);
        }
        await Task.Delay(500);
        GC.Collect();
        var memoryOpen = Process.GetCurrentProcess().WorkingSet64;
        Console.WriteLine($"{opened} streams open; the process grew by {(memoryOpen - memoryBefore) / 1024 / 1024} MB (server and load client share it).");

        // The chair of each session (its first member, earliest birthday) starts it; 20 at a time.
        var sent = new long[sessions];
        foreach (var batch in Enumerable.Range(0, sessions).Chunk(20))
        {
            await Task.WhenAll(batch.Select(async s =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{sessionIds[s]}/live/start") { Content = JsonContent.Create(new { }) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[s][0]);
                sent[s] = clock.ElapsedTicks;
                (await http.SendAsync(request)).EnsureSuccessStatusCode();
            }));
        }
        var deadline = Stopwatch.StartNew();
        while (arrivals.Any(a => a.Any(t => t < 0)) && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }
        await stop.CancelAsync();

        var latencies = arrivals.SelectMany((a, s) => a.Where(t => t >= 0).Select(t => (t - sent[s]) * 1000.0 / Stopwatch.Frequency)).Order().ToList();
        double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        Console.WriteLine($"Delivered {latencies.Count} of {sessions * perSession} events.");
        Console.WriteLine(FormattableString.Invariant($"Chair action to every stream: median {Percentile(0.5):F1} ms, p99 {Percentile(0.99):F1} ms, max {latencies[^1]:F1} ms."));
        Console.WriteLine($"Server process working set with streams open: {memoryOpen / 1024 / 1024} MB.");
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(dbPath + suffix);
        }
    }
}

internal sealed class LoadApp(string dbPath) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Roundtable.slnx")))
        {
            root = root.Parent;
        }
        builder.UseContentRoot(Path.Combine(root?.FullName ?? ".", "src", "Roundtable.Web"));
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Roundtable", $"Data Source={dbPath}");
        // Settings required outside Development; the load run sends no e-mail.
        builder.UseSetting("App:BaseUrl", "http://localhost");
        builder.UseSetting("Email:Host", "localhost");
        // A thousand bearer logins from one address in a few seconds: limits out of the way.
        foreach (var limit in new[] { "ApiPerAccount", "ApiPerAddress", "SignInPerAddress", "PasswordResetPerAddress" })
        {
            builder.UseSetting($"RateLimits:{limit}:PermitLimit", "1000000");
        }
        builder.ConfigureLogging(l => l.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning));
        // Seeding a thousand accounts: a cheap hash here, never in the app itself.
        builder.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1));
    }
}

// A thousand streams over a hundred sessions of two breakouts: every session is started, each
// member opens their own breakout's stream, then every breakout's chair moves on at once; it
// measures how long a breakout chair's action takes to reach every stream of that breakout.
internal static class BreakoutLoad
{
    public static async Task RunAsync(int sessions, int perSession)
    {
        const string password = "Load-test-pass-1";
        var dbPath = Path.Combine(Path.GetTempPath(), $"roundtable-load-{Guid.NewGuid():N}.db");
        await using var app = new LoadApp(dbPath);
        app.UseKestrel(0);
        app.StartServer();
        Console.WriteLine($"App on {app.ClientOptions.BaseAddress}; seeding {sessions} sessions of {perSession} members (breakouts)...");
        var sessionIds = new List<int>();
        var emails = new List<List<string>>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var cohort = new Cohort { Programme = new Programme { Code = "NPQH", Name = "Headship" }, Name = "Load", CourseStart = new DateOnly(2026, 9, 1) };
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            for (var s = 0; s < sessions; s++)
            {
                var members = new List<AppUser>();
                for (var m = 0; m < perSession; m++)
                {
                    var user = AppUser.Create($"s{s}m{m}@load.example", $"Member {m:00} of {s}", DateTime.UnixEpoch);
                    await users.CreateAsync(user, password);
                    await users.AddToRoleAsync(user, Roles.Delegate);
                    db.Participants.Add(new Participant { UserId = user.Id, CohortId = cohort.Id, Birthday = new Birthday(1 + m, 1) });
                    members.Add(user);
                }
                var group = new CommunityGroup { CohortId = cohort.Id, Name = $"G{s}", Published = true, Members = members.Select(u => new CommunityMember { CohortId = cohort.Id, UserId = u.Id }).ToList() };
                var session = new CommunitySession { Group = group, StartsAt = TimeProvider.System.GetUtcNow().UtcDateTime, Mode = SessionMode.Online, Where = "https://meet.example.org/load" };
                db.CommunitySessions.Add(session);
                await db.SaveChangesAsync();
                sessionIds.Add(session.Id);
                emails.Add(members.Select(u => u.Email!).ToList());
            }
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 4000, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = app.ClientOptions.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        async Task<string> TokenAsync(string email)
        {
            var response = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }
        async Task<JsonElement> SendAsync(HttpMethod method, string url, string token, object? body = null)
        {
            using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        var tokens = new List<Dictionary<string, string>>();
        foreach (var group in emails)
        {
            var list = await Task.WhenAll(group.Select(TokenAsync));
            tokens.Add(group.Zip(list).ToDictionary(x => x.First, x => x.Second));
        }

        // Start every session (its first member chairs it), then learn each member's breakout and chair.
        var streams = new List<(int Session, int Breakout, string Token)>();
        var chairs = new List<(int Session, int Breakout, string Token)>();
        foreach (var batch in Enumerable.Range(0, sessions).Chunk(20))
        {
            var started = await Task.WhenAll(batch.Select(s => SendAsync(HttpMethod.Post, $"/api/v1/sessions/{sessionIds[s]}/live/start", tokens[s][emails[s][0]], new { })));
            foreach (var (s, state) in batch.Zip(started))
            {
                var ids = await Task.WhenAll(tokens[s].Keys.Select(async e => (e, (await SendAsync(HttpMethod.Get, "/api/v1/me", tokens[s][e])).GetProperty("id").GetString()!)));
                var idToEmail = ids.ToDictionary(x => x.Item2, x => x.e);
                foreach (var b in state.GetProperty("breakouts").EnumerateArray())
                {
                    var bid = b.GetProperty("id").GetInt32();
                    chairs.Add((s, bid, tokens[s][idToEmail[b.GetProperty("chair").GetProperty("id").GetString()!]]));
                    foreach (var m in b.GetProperty("members").EnumerateArray())
                    {
                        streams.Add((s, bid, tokens[s][idToEmail[m.GetProperty("id").GetString()!]]));
                    }
                }
            }
        }

        GC.Collect();
        var memoryBefore = Process.GetCurrentProcess().WorkingSet64;
        var clock = Stopwatch.StartNew();
        var arrivals = Enumerable.Repeat(-1L, streams.Count).ToArray();
        var opened = 0;
        using var stop = new CancellationTokenSource();
        for (var i = 0; i < streams.Count; i++)
        {
            var (si, bi, token) = streams[i];
            var index = i;
            _ = Task.Run(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/sessions/{sessionIds[si]}/breakouts/{bi}/live/events");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
                Interlocked.Increment(ref opened);
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                {
                    if (line.StartsWith("data: ", StringComparison.Ordinal) && line.Contains("\"stepIndex\":1,", StringComparison.Ordinal))
                    {
                        arrivals[index] = clock.ElapsedTicks;
                        return;
                    }
                }
            });
        }
        while (Volatile.Read(ref opened) < streams.Count)
        {
            await Task.Delay(50);
        }
        await Task.Delay(500);
        GC.Collect();
        var memoryOpen = Process.GetCurrentProcess().WorkingSet64;
        Console.WriteLine($"{opened} breakout streams open over {chairs.Count} breakouts; the process grew by {(memoryOpen - memoryBefore) / 1024 / 1024} MB.");

        var sent = new Dictionary<int, long>();
        foreach (var batch in chairs.Chunk(20))
        {
            await Task.WhenAll(batch.Select(async c =>
            {
                lock (sent)
                {
                    sent[c.Breakout] = clock.ElapsedTicks;
                }
                await SendAsync(HttpMethod.Post, $"/api/v1/sessions/{sessionIds[c.Session]}/breakouts/{c.Breakout}/live/next", c.Token, new { fromStep = 0 });
            }));
        }
        var deadline = Stopwatch.StartNew();
        while (arrivals.Any(t => t < 0) && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }
        await stop.CancelAsync();
        var latencies = arrivals.Select((t, i) => (t, i)).Where(x => x.t >= 0).Select(x => (x.t - sent[streams[x.i].Breakout]) * 1000.0 / Stopwatch.Frequency).Order().ToList();
        Console.WriteLine($"Delivered {latencies.Count} of {streams.Count} events.");
        if (latencies.Count > 0)
        {
            double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
            Console.WriteLine(FormattableString.Invariant($"Breakout chair's action to every stream of the breakout: median {Percentile(0.5):F1} ms, p99 {Percentile(0.99):F1} ms, max {latencies[^1]:F1} ms."));
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(dbPath + suffix);
        }
    }
}
