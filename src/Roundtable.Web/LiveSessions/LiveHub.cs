using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Roundtable.Web.Data;

namespace Roundtable.Web.LiveSessions;

// This server's open event streams, by session. It holds who is listening, never the state: a
// signal carries the new state as the acting server serialised it, or null when a stream must
// read it from the database itself.
public sealed class LiveHub
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Channel<string?>>> _streams = new();

    // A person's open streams on this server (a few screens and tabs at most), so that nobody can
    // hold all of the server's connections.
    public const int MaxStreamsPerPerson = 10;
    private readonly ConcurrentDictionary<string, int> _perPerson = new();

    public bool TryOpenStream(string personId)
    {
        if (_perPerson.AddOrUpdate(personId, 1, (_, n) => n + 1) <= MaxStreamsPerPerson)
        {
            return true;
        }
        CloseStream(personId);
        return false;
    }

    public void CloseStream(string personId) => _perPerson.AddOrUpdate(personId, 0, (_, n) => Math.Max(0, n - 1));

    public (Guid Id, ChannelReader<string?> Changes) Subscribe(int sessionId)
    {
        // Capacity one, keeping the newest: a busy stream skips straight to the latest state.
        var channel = Channel.CreateBounded<string?>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        var id = Guid.NewGuid();
        _streams.GetOrAdd(sessionId, _ => new())[id] = channel;
        return (id, channel.Reader);
    }

    public void Unsubscribe(int sessionId, Guid id)
    {
        if (_streams.TryGetValue(sessionId, out var streams) && streams.TryRemove(id, out var channel))
        {
            channel.Writer.TryComplete();
        }
    }

    public void Signal(int sessionId, string? stateJson = null)
    {
        if (_streams.TryGetValue(sessionId, out var streams))
        {
            foreach (var channel in streams.Values)
            {
                channel.Writer.TryWrite(stateJson);
            }
        }
    }

    public void SignalAll()
    {
        foreach (var sessionId in _streams.Keys)
        {
            Signal(sessionId);
        }
    }

    public int StreamCount => _streams.Values.Sum(s => s.Count);
}

// Tells every app server that a session (or, by LiveKeys, a breakout) changed; without a state,
// each stream reads it from the database.
public interface ILiveNotifier
{
    Task NotifyAsync(int sessionId, string? stateJson, CancellationToken ct = default);
}

// SQLite runs on one server: the signal stays in this process.
public sealed class LocalLiveNotifier(LiveHub hub) : ILiveNotifier
{
    public Task NotifyAsync(int sessionId, string? stateJson, CancellationToken ct = default)
    {
        hub.Signal(sessionId, stateJson);
        return Task.CompletedTask;
    }
}

// PostgreSQL: NOTIFY reaches every server LISTENing, this one included. The state rides along
// when it fits in a notification's payload; otherwise each server reads it from the database.
public sealed class PostgresLiveNotifier(AppDbContext db) : ILiveNotifier
{
    public const string Channel = "roundtable_live";
    private const int MaxPayload = 7900;

    public async Task NotifyAsync(int sessionId, string? stateJson, CancellationToken ct = default)
    {
        var id = sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var payload = stateJson is not null && id.Length + 1 + stateJson.Length <= MaxPayload ? $"{id}|{stateJson}" : id;
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", ct);
    }
}

public sealed class PostgresLiveListener(IConfiguration configuration, LiveHub hub, ILogger<PostgresLiveListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.GetConnectionString(DatabaseSetup.ConnectionName)!;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    var bar = e.Payload.IndexOf('|', StringComparison.Ordinal);
                    var id = bar < 0 ? e.Payload : e.Payload[..bar];
                    if (int.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var sessionId))
                    {
                        hub.Signal(sessionId, bar < 0 ? null : e.Payload[(bar + 1)..]);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresLiveNotifier.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Anything missed while disconnected: every open stream re-reads its state.
                hub.SignalAll();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException)
            {
                logger.LogWarning(e, "Lost the PostgreSQL LISTEN connection for live sessions; reconnecting.");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }
}
