using System.Globalization;
using Roundtable.Web.Calendars;

namespace Roundtable.Web.Communities;

// A community session as a calendar event for the group's members.
public static class SessionCalendar
{
    public static CalendarItem ForSession(CommunitySession session, string groupName, int minutes, string host, string pageUrl)
    {
        var online = session.Mode == SessionMode.Online;
        return new CalendarItem(
            Uid: $"session-{session.Id.ToString(CultureInfo.InvariantCulture)}@{host}",
            StartsAt: session.StartsAt,
            Minutes: minutes,
            Summary: $"Community session: {groupName}",
            Description: $"Your peer-led community session. Agenda and problem cards: {pageUrl}",
            Location: online ? $"Online: {session.Where}" : session.Where,
            Link: online ? session.Where : pageUrl,
            Sequence: session.Sequence,
            Cancelled: session.IsCancelled);
    }
}
