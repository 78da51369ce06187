using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Email;

namespace Roundtable.Web.Communities;

// Where and when a session met before a change, for the "moved" e-mail.
public sealed record SessionPlace(DateTime StartsAt, SessionMode Mode, string Where)
{
    public static SessionPlace Of(CommunitySession session) => new(session.StartsAt, session.Mode, session.Where);

    public string Describe() => Mode == SessionMode.Online ? $"online, {Where}" : $"in person, {Where}";
}

// Who hears that the programme team moved or cancelled a community session: every member of the
// group and the chair. The e-mails are outbox rows added to the change; the caller's SaveChanges
// commits both together, so a change is never saved without its e-mails, nor e-mails without it.
public sealed class SessionNotifications(AppDbContext db, CommunityQueries queries, TimeProvider time)
{
    public const string MovedSubject = "Community session moved";
    public const string CancelledSubject = "Community session cancelled";

    public async Task<int> MovedAsync(CommunitySession session, SessionPlace before, string baseUrl, CancellationToken ct = default)
    {
        var recipients = await RecipientsAsync(session, ct);
        foreach (var (to, isChair) in recipients)
        {
            db.QueueEmail(new EmailMessage(to.Email, to.Name, MovedSubject,
                $"""
                Dear {to.Name},

                The programme team has moved {session.Group.Name}'s community session{(isChair ? ", which you chair" : "")}.

                Was: {UkFormat.DateTime(before.StartsAt)} (UK time), {before.Describe()}
                Now: {UkFormat.DateTime(session.StartsAt)} (UK time), {SessionPlace.Of(session).Describe()}

                Your subscribed calendar will show the change. See the session: {SessionLink(baseUrl, session)}
                """), time);
        }
        return recipients.Count;
    }

    public async Task<int> CancelledAsync(CommunitySession session, string baseUrl, CancellationToken ct = default)
    {
        var recipients = await RecipientsAsync(session, ct);
        foreach (var (to, isChair) in recipients)
        {
            db.QueueEmail(new EmailMessage(to.Email, to.Name, CancelledSubject,
                $"""
                Dear {to.Name},

                The programme team has cancelled {session.Group.Name}'s community session{(isChair ? ", which you were to chair" : "")}: {UkFormat.DateTime(session.StartsAt)} (UK time), {SessionPlace.Of(session).Describe()}.

                Your subscribed calendar will show it cancelled. See the session: {SessionLink(baseUrl, session)}
                """), time);
        }
        return recipients.Count;
    }

    private static string SessionLink(string baseUrl, CommunitySession session) => $"{baseUrl.TrimEnd('/')}/Communities/Session/{session.Id}";

    // The members of a published group (a draft group's members have not been told of it), and the
    // chair, once each; people without an e-mail address cannot be told.
    private async Task<List<(MemberView To, bool IsChair)>> RecipientsAsync(CommunitySession session, CancellationToken ct)
    {
        if (!session.Group.Published)
        {
            return [];
        }
        var members = await db.CommunityMembers.AsNoTracking().Where(m => m.GroupId == session.GroupId && m.User.Email != null)
            .OrderBy(m => m.User.FullName).Select(m => new MemberView(m.UserId, m.User.FullName, m.User.Email!)).ToListAsync(ct);
        var chair = await queries.ChairForAsync(session, ct);
        if (chair is not null && !string.IsNullOrEmpty(chair.Email) && members.TrueForAll(m => m.Id != chair.Id))
        {
            members.Add(chair);
        }
        return members.Select(m => (m, m.Id == chair?.Id)).ToList();
    }
}
