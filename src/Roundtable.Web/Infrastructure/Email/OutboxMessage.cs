using System.Text.Json;

namespace Roundtable.Web.Infrastructure.Email;

public enum OutboxStatus { Waiting, Sent, Failed }

// One e-mail waiting to leave, saved in the same transaction as the change that caused it. The
// outbox job claims waiting rows with a lease (LockedBy/LockedUntil), so a row is sent by one
// server; a server that dies holding a lease loses it when LockedUntil passes.
public class OutboxMessage
{
    public const int AddressMaxLength = 320;
    public const int NameMaxLength = 200;
    public const int SubjectMaxLength = 300;
    public const int ErrorMaxLength = 1000;
    public const int LockedByMaxLength = 64;

    public long Id { get; set; }
    public string To { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string? Headers { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LockedBy { get; set; }
    public DateTime? LockedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }

    public static OutboxMessage From(EmailMessage message, DateTime now) => new()
    {
        To = message.To,
        ToName = message.ToName,
        Subject = message.Subject,
        TextBody = message.TextBody,
        Headers = message.Headers is { Count: > 0 } h ? JsonSerializer.Serialize(h) : null,
        Status = OutboxStatus.Waiting,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    // The same on every attempt (after a crash, a retry), so a receiver can tell a message sent
    // again from a new one.
    public string MessageId => $"{Id}.{CreatedAt.Ticks}@outbox.roundtable";

    public EmailMessage ToMessage() => new(To, ToName, Subject, TextBody,
        Headers is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(Headers), MessageId);

    // After a failed attempt: wait 1, 2, 4, 8… minutes (at most an hour) and try again, until the
    // last attempt marks it failed for the programme team to send again.
    public void AttemptFailed(string error, DateTime now, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length <= ErrorMaxLength ? error : error[..ErrorMaxLength];
        LockedBy = null;
        LockedUntil = null;
        if (Attempts >= maxAttempts)
        {
            Status = OutboxStatus.Failed;
            return;
        }
        NextAttemptAt = now + Backoff(Attempts);
    }

    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    public void Delivered(DateTime now)
    {
        Attempts++;
        Status = OutboxStatus.Sent;
        SentAt = now;
        LockedBy = null;
        LockedUntil = null;
    }

    // "Send again" from the programme team's queue page: a failed message starts its retries afresh.
    public Failure? SendAgain(DateTime now)
    {
        if (Status != OutboxStatus.Failed)
        {
            return Failure.Refused("Only an e-mail that failed can be sent again.");
        }
        Status = OutboxStatus.Waiting;
        Attempts = 0;
        NextAttemptAt = now;
        return null;
    }
}
