using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Roundtable.Tests.Infrastructure;

// A real SMTP server on a loopback port, just enough of RFC 5321 for MailKit to deliver to it,
// so e-mail is tested over the wire rather than through a fake sender.
public sealed class SmtpListener : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _loop;
    private TaskCompletionSource? _holdData;

    public SmtpListener()
    {
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    // E-mail leaves through the outbox: the app's factory sets this to send what is waiting, as
    // the scheduled job would, before each look for a message.
    public Func<Task>? SendWaiting { get; set; }

    // Stops answering (connections refused) and starts again on the same port: "SMTP is down".
    public bool Down { get; set; }

    // The next DATA command is never answered, so its sender is caught mid-message until its
    // connection drops (nothing of that message is kept). Completes once it is held.
    // The client end (address and port) of the connection last held, to tell which process it is.
    public IPEndPoint? HeldClient { get; private set; }

    public Task HoldNextData()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _holdData = held;
        return held.Task;
    }

    public void Clear()
    {
        while (_messages.TryDequeue(out _))
        {
        }
        while (_arrived.CurrentCount > 0)
        {
            _arrived.Wait(0);
        }
    }

    public async Task<MimeMessage> WaitForMessageToAsync(string address, TimeSpan? timeout = null)
    {
        // Real elapsed time bounds how long a test waits for a real socket (the app's clock is fake).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < (timeout ?? TimeSpan.FromSeconds(10)))
        {
            if (SendWaiting is not null)
            {
                await SendWaiting();
            }
            var found = _messages.FirstOrDefault(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)));
            if (found is not null)
            {
                return found;
            }
            await _arrived.WaitAsync(TimeSpan.FromMilliseconds(100));
        }
        throw new TimeoutException($"No e-mail to {address} arrived.");
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            if (Down)
            {
                client.Dispose();
                continue;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                case "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "MAIL":
                case "RCPT":
                case "RSET":
                case "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA" when Interlocked.Exchange(ref _holdData, null) is { } hold:
                    HeldClient = client.Client.RemoteEndPoint as IPEndPoint;
                    hold.SetResult();
                    try
                    {
                        while (await reader.ReadLineAsync() is not null)
                        {
                        }
                    }
                    catch (IOException)
                    {
                    }
                    return;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }
                    using (var ms = new MemoryStream(Encoding.UTF8.GetBytes(data.ToString())))
                    {
                        _messages.Enqueue(await MimeMessage.LoadAsync(ms));
                    }
                    _arrived.Release();
                    await writer.WriteLineAsync("250 OK: queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
        _arrived.Dispose();
    }
}
