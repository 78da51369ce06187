using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Infrastructure.Email;

namespace Roundtable.Tests.Scheduling;

// Issue 14: a crash between claiming and sending. The app runs as its own OS process (the built
// Roundtable.Web.dll, Quartz on, on PostgreSQL), claims the waiting e-mail and is killed while the
// SMTP server holds its DATA command unanswered; another server then sends every message exactly
// once when the dead one's lease runs out.
#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime.DisposeAsync
public sealed class OutboxCrashTests : IAsyncLifetime
{
    private const int Messages = 3;
    private readonly TestDatabase _database = TestDatabase.Create();
    private readonly SmtpListener _smtp = new();
    private readonly Survivor _survivor;
    private Process? _doomed;

    public OutboxCrashTests() => _survivor = new Survivor(_database, _smtp);

    // The server that lives: it migrates the database, queues the e-mail, and sends only when the
    // test runs its outbox work (on its own clock).
    private sealed class Survivor(TestDatabase database, SmtpListener smtp) : AppFactory(database, smtp);

    public Task InitializeAsync() => ((IAsyncLifetime)_survivor).InitializeAsync();

    [PostgresFact]
    public async Task ServerKilledMidSend_EveryMessageArrivesOnce_AfterItsLeaseExpires()
    {
        await _survivor.QueueEmailsAsync(Messages);
        var held = _smtp.HoldNextData();

        _doomed = StartServerProcess();
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _doomed.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        _doomed.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        _doomed.BeginOutputReadLine();
        _doomed.BeginErrorReadLine();
        var first = await Task.WhenAny(held, _doomed.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        Assert.True(first == held, $"The app process never reached DATA.\n{string.Join('\n', output.TakeLast(40))}");

        // Mid-send: every message is claimed by the process and none is recorded as sent.
        var claimed = await RowsAsync();
        Assert.All(claimed, r => Assert.Equal(OutboxStatus.Waiting, r.Status));
        var owner = Assert.Single(claimed.Select(r => r.LockedBy).Distinct());
        Assert.NotNull(owner);
        _doomed.Kill(entireProcessTree: true);
        await _doomed.WaitForExitAsync();
        Assert.Empty(_smtp.Messages);

        // Its lease still stands a second before it ends, and nobody may send; a second after, the
        // survivor sends everything once.
        var leaseEnds = new DateTimeOffset(DateTime.SpecifyKind(claimed.Max(r => r.LockedUntil!.Value), DateTimeKind.Utc));
        _survivor.Clock.Reset(leaseEnds.AddSeconds(-1));
        Assert.Equal(0, (await _survivor.SendOutboxAsync()).Claimed);
        _survivor.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(new OutboxRun(Messages, Messages, 0), await _survivor.SendOutboxAsync());
        _survivor.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await _survivor.SendOutboxAsync()).Claimed);

        var rows = await RowsAsync();
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, 1), (r.Status, r.Attempts)));
        Assert.Equal(rows.Select(r => r.MessageId).Order(StringComparer.Ordinal),
            _smtp.Messages.Select(m => m.MessageId).Order(StringComparer.Ordinal));
    }

    private Task<List<OutboxMessage>> RowsAsync() =>
        _survivor.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    // The built app beside this test build (same configuration), as production starts it.
    private Process StartServerProcess()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var framework = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var folder = RepoPaths.Combine(Path.Combine("src", "Roundtable.Web", "bin", configuration, framework));
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "Roundtable.Web.dll")])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Database__Provider"] = _database.Provider.ToString(),
            ["ConnectionStrings__Roundtable"] = _database.ConnectionString,
            ["App__BaseUrl"] = "http://localhost",
            ["Email__Host"] = "127.0.0.1",
            ["Email__Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email__UseTls"] = "false",
            ["Scheduling__Enabled"] = "true",
            ["Scheduling__OutboxIntervalSeconds"] = "1",
            ["Scheduling__ClusterCheckinSeconds"] = "2",
        })
        {
            start.Environment[name] = value;
        }
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    public async Task DisposeAsync()
    {
        if (_doomed is { HasExited: false })
        {
            _doomed.Kill(entireProcessTree: true);
            await _doomed.WaitForExitAsync();
        }
        _doomed?.Dispose();
        await ((IAsyncLifetime)_survivor).DisposeAsync();
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }
}
