using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Roundtable.Web.Data;

namespace Roundtable.Web.LiveSessions;

// This server's open event streams, by session. It holds who is listening, never the state: on a
// signal each stream reads the state from the database.
public sealed class LiveHub
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Channel<bool>>> _streams = new();

    public (Guid Id, ChannelReader<bool> Changes) Subscribe(int sessionId)
    {
        // Capacity one, dropping: a stream that is busy sending gets one "changed" signal, not a queue.
        var channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
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

    public void Signal(int sessionId)
    {
        if (_streams.TryGetValue(sessionId, out var streams))
        {
            foreach (var channel in streams.Values)
            {
                channel.Writer.TryWrite(true);
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

// Tells every app server that a session changed.
public interface ILiveNotifier
{
    Task NotifyAsync(int sessionId, CancellationToken ct = default);
}

// SQLite runs on one server: the signal stays in this process.
public sealed class LocalLiveNotifier(LiveHub hub) : ILiveNotifier
{
    public Task NotifyAsync(int sessionId, CancellationToken ct = default)
    {
        hub.Signal(sessionId);
        return Task.CompletedTask;
    }
}

// PostgreSQL: NOTIFY reaches every server LISTENing, this one included.
public sealed class PostgresLiveNotifier(AppDbContext db) : ILiveNotifier
{
    public const string Channel = "roundtable_live";

    public async Task NotifyAsync(int sessionId, CancellationToken ct = default) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture)})", ct);
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
                    if (int.TryParse(e.Payload, System.Globalization.CultureInfo.InvariantCulture, out var sessionId))
                    {
                        hub.Signal(sessionId);
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
