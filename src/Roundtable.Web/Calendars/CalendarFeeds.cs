using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Email;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Calendars;

// A person's calendar address (issue, renew, revoke) and the events in it: the community sessions
// of their published groups and their tutorials as delegate or partner, cancelled ones included.
public sealed class CalendarFeeds(
    AppDbContext db, ProtocolSettings protocol, CalendarLinks links, IDataProtectionProvider protection, IOptions<EmailOptions> email, TimeProvider time)
{
    // Minutes for a session whose agenda cannot be worked out (fewer than three members).
    public const int DefaultSessionMinutes = 120;

    private readonly IDataProtector _protector = protection.CreateProtector("Roundtable.Calendars.FeedToken");

    public CalendarOrganizer Organizer => new(email.Value.FromName, email.Value.FromAddress);

    // The address, or null while the person has none (never asked for one, or revoked it).
    public async Task<string?> ExistingAddressAsync(string userId, CancellationToken ct = default)
    {
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.UserId == userId, ct);
        return feed is null ? null : Reveal(feed.ProtectedToken);
    }

    // Null when the keys that protected the token are gone (a lost key ring): the feed still answers
    // its subscribers, but its address cannot be shown again, so asking for it issues a new one.
    private string? Reveal(string protectedToken)
    {
        try
        {
            return links.Feed(_protector.Unprotect(protectedToken));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    // The address, made on first use. Two first requests at once: the unique index keeps one.
    public async Task<string> AddressAsync(string userId, CancellationToken ct = default)
    {
        if (await ExistingAddressAsync(userId, ct) is { } existing)
        {
            return existing;
        }
        if (await db.CalendarFeeds.AnyAsync(f => f.UserId == userId, ct))
        {
            return await RenewAsync(userId, ct);
        }
        var feed = CalendarFeed.Issue(userId, _protector.Protect, time.UtcNow());
        db.CalendarFeeds.Add(feed);
        if (await db.TrySaveUniqueAsync(ct))
        {
            return links.Feed(_protector.Unprotect(feed.ProtectedToken));
        }
        return await ExistingAddressAsync(userId, ct) ?? throw new InvalidOperationException("The calendar feed vanished while it was being made.");
    }

    // A new address; the old one answers 404 from now on.
    public async Task<string> RenewAsync(string userId, CancellationToken ct = default)
    {
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.UserId == userId, ct);
        if (feed is null)
        {
            return await AddressAsync(userId, ct);
        }
        var (_, token) = feed.Renew(_protector.Protect, time.UtcNow());
        await db.SaveChangesAsync(ct);
        return links.Feed(token);
    }

    // False when there was no address to revoke.
    public async Task<bool> RevokeAsync(string userId, CancellationToken ct = default) =>
        await db.CalendarFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync(ct) > 0;

    // The feed behind a token, or null for an unknown (renewed, revoked, made-up) token.
    public async Task<string?> FeedAsync(string token, CancellationToken ct = default)
    {
        if (!CalendarFeed.LooksLikeToken(token))
        {
            return null;
        }
        var hash = CalendarFeed.Hash(token);
        var owner = await db.CalendarFeeds.AsNoTracking().Where(f => f.TokenHash == hash)
            .Select(f => new { f.UserId, f.User.FullName }).FirstOrDefaultAsync(ct);
        if (owner is null)
        {
            return null;
        }
        var items = new List<CalendarItem>();
        items.AddRange(await SessionsAsync(s => s.Group.Published && s.Group.Members.Any(m => m.UserId == owner.UserId), ct));
        items.AddRange(await TutorialsAsync(owner.UserId, ct));
        return IcsCalendar.Feed(items.OrderBy(i => i.StartsAt).ToList(), Organizer, time.UtcNow(), $"Roundtable: {owner.FullName}");
    }

    // One session's event file; the caller has checked who may see it.
    public async Task<string> SessionEventAsync(int sessionId, CancellationToken ct = default)
    {
        var item = (await SessionsAsync(s => s.Id == sessionId, ct)).Single();
        return IcsCalendar.OneEvent(item, Organizer, time.UtcNow());
    }

    public string TutorialEvent(Booking booking, bool forPartner) =>
        IcsCalendar.OneEvent(TutorialCalendar.ForBooking(booking, forPartner, links.Host), Organizer, time.UtcNow());

    private async Task<List<CalendarItem>> SessionsAsync(System.Linq.Expressions.Expression<Func<CommunitySession, bool>> which, CancellationToken ct)
    {
        var sessions = await db.CommunitySessions.AsNoTracking().Where(which)
            .Select(s => new { Session = s, GroupName = s.Group.Name, Members = s.Group.Members.Count })
            .ToListAsync(ct);
        if (sessions.Count == 0)
        {
            return [];
        }
        // Each session's own protocol version (usually one or two among many sessions).
        var plans = new Dictionary<(int?, int), ProtocolPlan>();
        foreach (var s in sessions)
        {
            var key = (s.Session.ProtocolVersionId, s.Session.ProtocolVersionId is null ? s.Session.GroupId : 0);
            if (!plans.ContainsKey(key))
            {
                plans[key] = await protocol.TemplatesForSessionAsync(s.Session, ct);
            }
        }
        var host = links.Host;
        return sessions.Select(s =>
        {
            var plan = plans[(s.Session.ProtocolVersionId, s.Session.ProtocolVersionId is null ? s.Session.GroupId : 0)];
            var agenda = AgendaBuilder.Build(s.Members, LondonTime.ToLocal(s.Session.StartsAt), LondonTime.Zone, plan);
            var minutes = agenda.Succeeded ? agenda.Value.TotalMinutes : DefaultSessionMinutes;
            return SessionCalendar.ForSession(s.Session, s.GroupName, minutes, host, links.Session(s.Session.Id));
        }).ToList();
    }

    private async Task<List<CalendarItem>> TutorialsAsync(string userId, CancellationToken ct)
    {
        var bookings = await db.Bookings.AsNoTracking()
            .Include(b => b.Slot).ThenInclude(s => s.Partner).ThenInclude(p => p.User)
            .Include(b => b.Participant).ThenInclude(p => p.User)
            .Where(b => b.Participant.UserId == userId || b.Slot.Partner.UserId == userId)
            .ToListAsync(ct);
        var host = links.Host;
        return bookings.Select(b => TutorialCalendar.ForBooking(b, forPartner: b.Slot.Partner.UserId == userId, host)).ToList();
    }
}
