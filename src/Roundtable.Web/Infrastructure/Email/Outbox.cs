using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Roundtable.Web.Data;

namespace Roundtable.Web.Infrastructure.Email;

public sealed class OutboxOptions
{
    public int BatchSize { get; set; } = 50;
    public int MaxAttempts { get; set; } = 6;
    // How long a server may hold a claimed message before another may take it over.
    public int LeaseSeconds { get; set; } = 120;
}

public static class Outbox
{
    // Adds the e-mail to the change being saved: it leaves only if the change commits.
    public static OutboxMessage QueueEmail(this AppDbContext db, EmailMessage message, TimeProvider time)
    {
        var row = OutboxMessage.From(message, time.UtcNow());
        db.OutboxMessages.Add(row);
        Operations.AppMetrics.EmailsQueued.Add(1);
        return row;
    }
}

public sealed record OutboxRun(int Claimed, int Sent, int Failed);

// Sends waiting messages: claim a batch under a lease, send each over SMTP, record the outcome.
// Claiming is one statement, so two servers never hold the same row: on PostgreSQL rows locked by
// another server's claim are skipped (FOR UPDATE SKIP LOCKED); SQLite has one writer at a time, so
// its conditional UPDATE is enough.
public sealed class OutboxSender(AppDbContext db, IEmailSender email, TimeProvider time, IOptions<OutboxOptions> options, ILogger<OutboxSender> log)
{
    public async Task<OutboxRun> SendWaitingAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        var owner = Guid.NewGuid().ToString("N");
        var now = time.UtcNow();
        var claimed = await ClaimAsync(owner, now, now.AddSeconds(o.LeaseSeconds), o.BatchSize, ct);
        if (claimed == 0)
        {
            return new OutboxRun(0, 0, 0);
        }
        var rows = await db.OutboxMessages.Where(m => m.LockedBy == owner).OrderBy(m => m.Id).ToListAsync(ct);
        int sent = 0, failed = 0;
        foreach (var row in rows)
        {
            try
            {
                await email.SendAsync(row.ToMessage(), ct);
                row.Delivered(time.UtcNow());
                sent++;
                Operations.AppMetrics.EmailsSent.Add(1);
            }
            catch (Exception e) when (IsSendFailure(e) && !ct.IsCancellationRequested)
            {
                // Neither the address nor the exception, whose text can quote the address, goes to the log.
                var kind = e.GetType().Name;
                log.LogWarning("Could not send e-mail {Id} (attempt {Attempt}): {Error}", row.Id, row.Attempts + 1, kind);
                row.AttemptFailed(e.Message, time.UtcNow(), o.MaxAttempts);
                failed++;
                Operations.AppMetrics.EmailsFailed.Add(1);
            }
            // Saved one by one: what went out is recorded before the next is tried.
            await db.SaveChangesAsync(ct);
        }
        return new OutboxRun(rows.Count, sent, failed);
    }

    private Task<int> ClaimAsync(string owner, DateTime now, DateTime until, int batch, CancellationToken ct)
    {
        var waiting = (int)OutboxStatus.Waiting;
        if (db.Database.IsNpgsql())
        {
            return db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE "OutboxMessages" SET "LockedBy" = {owner}, "LockedUntil" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "OutboxMessages"
                    WHERE "Status" = {waiting} AND "NextAttemptAt" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                    ORDER BY "Id" LIMIT {batch}
                    FOR UPDATE SKIP LOCKED)
                """, ct);
        }
        var candidates = db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Waiting && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Id).Take(batch).Select(m => m.Id);
        return db.OutboxMessages
            .Where(m => candidates.Contains(m.Id) && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, owner).SetProperty(m => m.LockedUntil, until), ct);
    }

    private static bool IsSendFailure(Exception e) => e is IOException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException
        or MailKit.Net.Smtp.SmtpProtocolException or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException
        or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException or InvalidOperationException;

    // The programme team's "send again" on a failed message.
    public async Task<Result<OutboxMessage>> SendAgainAsync(long id, CancellationToken ct = default)
    {
        var row = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (row is null)
        {
            return Failure.NotFound("There is no such e-mail.");
        }
        if (row.SendAgain(time.UtcNow()) is { } refused)
        {
            return refused;
        }
        await db.SaveChangesAsync(ct);
        return row;
    }
}
