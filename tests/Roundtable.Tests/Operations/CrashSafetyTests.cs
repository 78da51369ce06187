using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Cluster;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Data;
using Roundtable.Web.Invoicing;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Operations;

// Issue 20, crash safety: the built app runs as its own process; clients book tutorials, write
// problem cards and submit invoices, noting each write the server acknowledged; the server is
// killed with SIGKILL while writes are in flight and started again on the same database. Every
// acknowledged write is there, nothing is half-written, and SQLite's integrity check passes.
// SQLite in the default pass, PostgreSQL in the PostgreSQL pass.
#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime.DisposeAsync
public sealed class CrashSafetyTests : IAsyncLifetime
{
    private const int Delegates = 24;
    private readonly TestDatabase _database = TestDatabase.Create();
    private readonly Seeder _seeder;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _server;
    private int _port;

    // In-process on the same database: migrates it and writes the records the clients start from.
    private sealed class Seeder(TestDatabase database) : AppFactory(database);

    public CrashSafetyTests()
    {
        _seeder = new Seeder(_database);
        _seeder.Clock.Reset(TimeProvider.System.GetUtcNow());
    }

    public Task InitializeAsync() => ((IAsyncLifetime)_seeder).InitializeAsync();

    private sealed record Writer(string Token, Func<HttpClient, string, Task<HttpResponseMessage>> Write);

    [Fact]
    public async Task ServerKilledMidWrites_RestartedOnTheSameDatabase_EveryAcknowledgedWriteIsThere_NothingHalfWritten()
    {
        var data = new TestData(_seeder);
        var now = _seeder.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var cohort = await data.CohortAsync("Crash cohort", start: today.AddMonths(-1));

        // Bookings: a partner's slots next week, one for each delegate.
        var partner = await _seeder.PartnerProfileAsync(await data.PartnerAsync("crash-partner@test.example"), monthlyCap: 60);
        // Problem cards: the delegates in groups of four, each group meeting in three days.
        var delegates = new List<AppUser>();
        var slots = new List<int>();
        for (var i = 0; i < Delegates; i++)
        {
            delegates.Add(await data.DelegateAsync(cohort, $"crash{i}@test.example", name: $"Crash Delegate {i}"));
            slots.Add((await _seeder.SlotAsync(partner, TimeSpan.FromDays(7) + TimeSpan.FromHours(i))).Id);
        }
        for (var g = 0; g < Delegates / 4; g++)
        {
            var group = await _seeder.GroupAsync(cohort, delegates.Skip(g * 4).Take(4), name: $"Crash group {g}");
            await _seeder.SessionAsync(group, TimeSpan.FromDays(3));
        }
        // Invoices: another partner's held tutorials last month, one invoice each.
        var invoicing = await data.PartnerAsync("crash-invoicer@test.example");
        await _seeder.FeeRateAsync(150_00, today.AddYears(-1));
        var tutorials = new List<int>();
        for (var i = 0; i < Delegates; i++)
        {
            tutorials.Add(await data.TutorialAsync(_seeder, invoicing, today.AddDays(-30 + (i % 20)), cohort: cohort, delegateName: $"Invoiced Delegate {i}"));
        }

        var tokens = new List<string>();
        foreach (var person in delegates)
        {
            tokens.Add(await TokenAsync(person.Email!));
        }
        var invoicer = await TokenAsync("crash-invoicer@test.example");

        await StartServerAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromSeconds(60) };
        var acknowledged = new ConcurrentDictionary<(string Kind, int Id), int>();
        var killAfter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var streams = new[]
        {
            Enumerable.Range(0, Delegates).Select(i => (Kind: "booking", Write: (Func<Task<HttpResponseMessage>>)(() => client.SendAsync(Request("/api/v1/bookings", tokens[i],
                new { slotId = slots[i], project = 1, focus = "Governors first", projectSummary = $"Reading fluency, delegate {i}." }))))),
            Enumerable.Range(0, Delegates).Select(i => (Kind: "problem", Write: (Func<Task<HttpResponseMessage>>)(() => client.SendAsync(Request("/api/v1/problems", tokens[i],
                new { problem = $"Problem {i}", evidence = "Quizzes", context = "New staff", why = "Learning builds", frameworkArea = "Curriculum and assessment", specific = "yes", solvable = "yes", controllable = "yes" }))))),
            Enumerable.Range(0, Delegates).Select(i => (Kind: "invoice", Write: (Func<Task<HttpResponseMessage>>)(() => client.SendAsync(Request("/api/v1/invoices", invoicer,
                new { bookingIds = new[] { tutorials[i] } }))))),
        };
        var writers = streams.Select(writes => Task.Run(async () =>
        {
            foreach (var (kind, write) in writes)
            {
                HttpResponseMessage response;
                try
                {
                    response = await write();
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    return; // The server is gone: this write was never acknowledged.
                }
                Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{kind}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
                acknowledged[(kind, id)] = 1;
                // Killed once every kind has been acknowledged at least once (bookings are the
                // slowest writes: fifteen of the others could otherwise come first).
                if (acknowledged.Count >= 15 && acknowledged.Keys.Select(k => k.Kind).Distinct().Count() == streams.Length)
                {
                    killAfter.TrySetResult();
                }
            }
        })).ToList();

        // Killed while the writers carry on: some writes are in flight.
        var first = await Task.WhenAny(killAfter.Task, Task.WhenAll(writers), Task.Delay(TimeSpan.FromSeconds(120)));
        Assert.True(first == killAfter.Task, $"The writes did not get going ({acknowledged.Count} acknowledged).\n{Output()}");
        _server!.Kill(entireProcessTree: true);
        await _server.WaitForExitAsync();
        await Task.WhenAll(writers);
        var seen = acknowledged.Keys.ToList();
        Assert.True(seen.Count < 3 * Delegates, "Every write finished before the kill: the test proves nothing.");

        // Started again on the same database: it answers, and has every acknowledged write.
        await StartServerAsync();
        if (_database.Provider == DatabaseProvider.Sqlite)
        {
            Assert.Equal("ok", await SqliteScalarAsync("PRAGMA integrity_check;"));
        }
        var facts = await _seeder.WithDbAsync(async db => new
        {
            Bookings = await db.Bookings.AsNoTracking().Where(b => slots.Contains(b.SlotId)).ToListAsync(),
            Cards = await db.ProblemCards.AsNoTracking().Where(c => c.Problem.StartsWith("Problem ")).ToListAsync(),
            Invoices = await db.Invoices.AsNoTracking().Include(i => i.Lines).ToListAsync(),
            Counter = await db.InvoiceCounters.AsNoTracking().Select(c => c.Last).SingleAsync(),
        });
        foreach (var (kind, id) in seen)
        {
            var found = kind switch
            {
                "booking" => facts.Bookings.Any(b => b.Id == id && b.Status == BookingStatus.Booked),
                "problem" => facts.Cards.Any(c => c.Id == id),
                _ => facts.Invoices.Any(i => i.Id == id),
            };
            Assert.True(found, $"The acknowledged {kind} {id} is missing after the restart.");
        }
        // Beyond what was acknowledged, at most the one write each writer had in flight was kept.
        Assert.InRange(facts.Bookings.Count, seen.Count(s => s.Kind == "booking"), seen.Count(s => s.Kind == "booking") + 1);
        Assert.InRange(facts.Cards.Count, seen.Count(s => s.Kind == "problem"), seen.Count(s => s.Kind == "problem") + 1);
        Assert.InRange(facts.Invoices.Count, seen.Count(s => s.Kind == "invoice"), seen.Count(s => s.Kind == "invoice") + 1);
        // Nothing half-written: each booking with its own slot and person, each card whole, each
        // invoice with its line and totals, and the invoice counter moved only with an invoice kept.
        Assert.All(facts.Bookings, b => Assert.Equal(slots.IndexOf(b.SlotId), delegates.FindIndex(d => d.Id == ParticipantUser(b.ParticipantId))));
        Assert.All(facts.Cards, c => Assert.Equal($"Problem {delegates.FindIndex(d => d.Id == c.OwnerId)}", c.Problem));
        Assert.All(facts.Invoices, i =>
        {
            var line = Assert.Single(i.Lines);
            Assert.Equal(line.FeePence, i.SubtotalPence);
            Assert.Equal(i.SubtotalPence + i.VatPence, i.TotalPence);
        });
        Assert.Equal(facts.Invoices.Count, facts.Counter);
        Assert.Equal(Enumerable.Range(1, facts.Invoices.Count).Select(n => (long)n), facts.Invoices.Select(i => i.Sequence).Order());

        // The restarted server serves them: a delegate whose booking was acknowledged sees it.
        Assert.True(seen.Any(s => s.Kind == "booking"), $"No booking was acknowledged before the kill ({string.Join(", ", seen)}).\n{Output()}");
        var (_, bookingId) = seen.First(s => s.Kind == "booking");
        var booked = facts.Bookings.Single(b => b.Id == bookingId);
        var owner = delegates.FindIndex(d => d.Id == ParticipantUser(booked.ParticipantId));
        // (On its new port.)
        using var restarted = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromSeconds(60) };
        using var mine = await restarted.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/bookings/mine") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", tokens[owner]) } });
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Contains($"\"id\":{bookingId}", await mine.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        string ParticipantUser(int participantId) => _participants.TryGetValue(participantId, out var user) ? user : "";
    }

    private readonly Dictionary<int, string> _participants = [];

    private static HttpRequestMessage Request(string url, string token, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private async Task<string> TokenAsync(string email)
    {
        using var client = _seeder.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestData.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private async Task<string> SqliteScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private string Output() => string.Join('\n', _output.TakeLast(40));

    // The built app, as production starts it, on a free port; waits until it is ready.
    private async Task StartServerAsync()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo("dotnet", [Path.Combine(ProxyCluster.AppFolder, "Roundtable.Web.dll")])
        {
            WorkingDirectory = ProxyCluster.AppFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_port}",
            ["Database__Provider"] = _database.Provider.ToString(),
            ["ConnectionStrings__Roundtable"] = _database.ConnectionString,
            ["App__BaseUrl"] = $"http://127.0.0.1:{_port}",
            ["Email__Host"] = "127.0.0.1",
            ["Email__Port"] = _seeder.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email__UseTls"] = "false",
            ["Scheduling__Enabled"] = "false",
        })
        {
            start.Environment[name] = value;
        }
        _server?.Dispose();
        _server = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _server.OutputDataReceived += (_, e) => _output.Enqueue(e.Data ?? "");
        _server.ErrorDataReceived += (_, e) => _output.Enqueue(e.Data ?? "");
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        using var probeClient = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(120) && !_server.HasExited)
        {
            try
            {
                if ((await probeClient.GetAsync($"http://127.0.0.1:{_port}/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    await LoadParticipantsAsync();
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The app did not become ready.\n{Output()}");
    }

    private async Task LoadParticipantsAsync()
    {
        var participants = await _seeder.WithDbAsync(db => db.Participants.AsNoTracking().Select(p => new { p.Id, p.UserId }).ToListAsync());
        foreach (var p in participants)
        {
            _participants[p.Id] = p.UserId;
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
        await ((IAsyncLifetime)_seeder).DisposeAsync();
        await _database.DisposeAsync();
    }
}
#pragma warning restore CA1001
