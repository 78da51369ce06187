using System.Globalization;
using System.Text;
using Roundtable.Web.Infrastructure;

namespace Roundtable.Web.Tutorials;

// An iCalendar (RFC 5545) event for one tutorial, in Europe/London time with the zone's rules
// included, so that calendars place it correctly on either side of the clock changes.
public static class TutorialCalendar
{
    private const string LocalFormat = "yyyyMMdd'T'HHmmss";

    // UK rules since 1996: summer time from 01:00 GMT on the last Sunday of March to 01:00 GMT
    // (02:00 BST) on the last Sunday of October.
    private const string LondonZone = """
        BEGIN:VTIMEZONE
        TZID:Europe/London
        BEGIN:DAYLIGHT
        TZOFFSETFROM:+0000
        TZOFFSETTO:+0100
        TZNAME:BST
        DTSTART:19700329T010000
        RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
        END:DAYLIGHT
        BEGIN:STANDARD
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0000
        TZNAME:GMT
        DTSTART:19701025T020000
        RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
        END:STANDARD
        END:VTIMEZONE
        """;

    public static string ForBooking(Booking booking, bool forPartner, string host, DateTime nowUtc)
    {
        var slot = booking.Slot;
        var other = forPartner ? booking.Participant.User.FullName : slot.Partner.User.FullName;
        var summary = $"NPQH Project {booking.Project} tutorial with {other}";
        var description = $"Focus: {booking.Focus}";
        var location = slot.Mode == TutorialMode.Online ? $"Online: {slot.Where}" : slot.Where;
        var cancelled = !booking.IsActive;

        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Roundtable//Tutorials//EN",
            "CALSCALE:GREGORIAN",
            cancelled ? "METHOD:CANCEL" : "METHOD:PUBLISH",
        };
        lines.AddRange(LondonZone.Split('\n').Select(l => l.TrimEnd('\r')));
        lines.AddRange(
        [
            "BEGIN:VEVENT",
            $"UID:tutorial-{booking.Id.ToString(CultureInfo.InvariantCulture)}@{host}",
            $"DTSTAMP:{nowUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}",
            $"DTSTART;TZID=Europe/London:{LondonTime.ToLocal(slot.StartsAt).ToString(LocalFormat, CultureInfo.InvariantCulture)}",
            // A duration rather than a local end: an end in the hour the clocks go back would be ambiguous.
            $"DURATION:PT{slot.Minutes.ToString(CultureInfo.InvariantCulture)}M",
            $"SUMMARY:{Escape(summary)}",
            $"DESCRIPTION:{Escape(description)}",
            $"LOCATION:{Escape(location)}",
            cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED",
            "END:VEVENT",
            "END:VCALENDAR",
        ]);
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(text, line);
        }
        return text.ToString();
    }

    public static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    // Lines longer than 75 octets continue on the next line after a space; a UTF-8 character is never split.
    private static void Fold(StringBuilder text, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                text.Append("\r\n ");
                octets = 1;
            }
            text.Append(rune.ToString());
            octets += size;
        }
        text.Append("\r\n");
    }
}
