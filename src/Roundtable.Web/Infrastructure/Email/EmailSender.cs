using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Roundtable.Web.Infrastructure.Email;

// Headers are extra message headers (a reminder's kind, List-Unsubscribe), written as given.
// MessageId, when given, is the Message-ID every attempt at sending this message carries.
public sealed record EmailMessage(string To, string ToName, string Subject, string TextBody, IReadOnlyDictionary<string, string>? Headers = null,
    string? MessageId = null);

// The one boundary tests replace by pointing SMTP at their own listener, never by mocking.
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}

public sealed class EmailOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    // TLS unless turned off: implicit TLS on port 465, STARTTLS (required) on any other port.
    public bool UseTls { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public SecureSocketOptions SocketOptions =>
        !UseTls ? SecureSocketOptions.None : Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;

    public string FromAddress { get; set; } = "no-reply@roundtable.test";
    public string FromName { get; set; } = "Roundtable";
    // Used when no SMTP host is configured: each message is written there as an .eml file.
    public string PickupDirectory { get; set; } = "data/mail";
}

public sealed class SmtpEmailSender(IOptions<EmailOptions> options, IHostEnvironment env, TimeProvider time, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var o = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.To));
        mime.Subject = message.Subject;
        mime.Date = time.GetUtcNow();
        mime.Body = new TextPart("plain") { Text = message.TextBody };
        if (message.MessageId is not null)
        {
            mime.MessageId = message.MessageId;
        }
        foreach (var (name, value) in message.Headers ?? new Dictionary<string, string>())
        {
            mime.Headers.Add(name, value);
        }

        if (string.IsNullOrWhiteSpace(o.Host))
        {
            var folder = Path.GetFullPath(Path.Combine(env.ContentRootPath, o.PickupDirectory));
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{mime.Date.UtcDateTime:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await mime.WriteToAsync(file, ct);
            // The subject can name people; the file name cannot.
            logger.LogInformation("No SMTP host configured: wrote an e-mail to {File}", file);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(o.Host, o.Port, o.SocketOptions, ct);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        }
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
