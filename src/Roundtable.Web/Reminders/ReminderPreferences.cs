using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.Reminders;

public sealed record ReminderChoice(ReminderKind Kind, bool On);

// Which reminders a person gets: every kind unless they turned it off (their page or an unsubscribe link).
public sealed class ReminderPreferences(AppDbContext db, TimeProvider time, UnsubscribeTokens tokens)
{
    public async Task<List<ReminderChoice>> ChoicesAsync(string userId, CancellationToken ct = default)
    {
        var off = await db.ReminderOptOuts.AsNoTracking().Where(o => o.UserId == userId).Select(o => o.Kind).ToListAsync(ct);
        return ReminderKind.All.Select(k => new ReminderChoice(k, !off.Contains(k.Code))).ToList();
    }

    // Codes not in "on" are turned off; unknown codes are ignored.
    public async Task SaveAsync(string userId, IReadOnlyCollection<string> on, CancellationToken ct = default)
    {
        var existing = await db.ReminderOptOuts.Where(o => o.UserId == userId).ToListAsync(ct);
        db.ReminderOptOuts.RemoveRange(existing.Where(o => on.Contains(o.Kind)));
        var now = time.UtcNow();
        foreach (var kind in ReminderKind.All.Where(k => !on.Contains(k.Code) && existing.All(o => o.Kind != k.Code)))
        {
            db.ReminderOptOuts.Add(new ReminderOptOut { UserId = userId, Kind = kind.Code, At = now });
        }
        // Two saves at once: the unique (UserId, Kind) keeps one row, and either outcome is the choice made.
        await db.TrySaveUniqueAsync(ct);
    }

    public UnsubscribeRequest? Read(string? token) => tokens.Read(token);

    // One click from the e-mail: idempotent, so a second click (or a mail client's POST) changes nothing.
    public async Task<Result<UnsubscribeRequest>> UnsubscribeAsync(string? token, CancellationToken ct = default)
    {
        if (tokens.Read(token) is not { } request || !await db.Users.AnyAsync(u => u.Id == request.UserId, ct))
        {
            return Failure.NotFound("This unsubscribe link is not valid.");
        }
        if (!await db.ReminderOptOuts.AnyAsync(o => o.UserId == request.UserId && o.Kind == request.Kind.Code, ct))
        {
            db.ReminderOptOuts.Add(new ReminderOptOut { UserId = request.UserId, Kind = request.Kind.Code, At = time.UtcNow() });
            await db.TrySaveUniqueAsync(ct);
        }
        return request;
    }
}
