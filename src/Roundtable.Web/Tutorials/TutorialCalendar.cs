using System.Globalization;
using Roundtable.Web.Calendars;

namespace Roundtable.Web.Tutorials;

// A tutorial as a calendar event, for its delegate or its partner.
public static class TutorialCalendar
{
    public static CalendarItem ForBooking(Booking booking, bool forPartner, string host)
    {
        var slot = booking.Slot;
        var other = forPartner ? booking.Participant.User.FullName : slot.Partner.User.FullName;
        var online = slot.Mode == TutorialMode.Online;
        return new CalendarItem(
            Uid: $"tutorial-{booking.Id.ToString(CultureInfo.InvariantCulture)}@{host}",
            StartsAt: slot.StartsAt,
            Minutes: slot.Minutes,
            Summary: $"NPQH Project {booking.Project} tutorial with {other}",
            Description: $"Focus: {booking.Focus}",
            Location: online ? $"Online: {slot.Where}" : slot.Where,
            Link: online ? slot.Where : null,
            Sequence: booking.Sequence,
            Cancelled: !booking.IsActive);
    }
}
