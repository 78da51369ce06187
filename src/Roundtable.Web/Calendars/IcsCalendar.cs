using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Roundtable.Web.Infrastructure;

namespace Roundtable.Web.Calendars;

// One event as a calendar app should show it. Uid never changes for the same session or tutorial;
// Sequence rises with every change, so a subscriber's copy is replaced rather than duplicated.
public sealed record CalendarItem(
    string Uid, DateTime StartsAt, int Minutes, string Summary, string Description, string Location, string? Link, int Sequence, bool Cancelled);

public sealed record CalendarOrganizer(string Name, string Email);

// iCalendar (RFC 5545) files written with Ical.Net, in UK time with the Europe/London time-zone block.
public static class IcsCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string LondonZoneId = "Europe/London";

    // A single event downloaded from a page: PUBLISH, or CANCEL once it is cancelled (RFC 5546).
    public static string OneEvent(CalendarItem item, CalendarOrganizer organizer, DateTime nowUtc) =>
        Write([item], organizer, nowUtc, item.Cancelled ? "CANCEL" : "PUBLISH", name: null);

    // A subscription feed: every event, the cancelled ones marked cancelled.
    public static string Feed(IReadOnlyList<CalendarItem> items, CalendarOrganizer organizer, DateTime nowUtc, string name) =>
        Write(items, organizer, nowUtc, "PUBLISH", name);

    private static string Write(IReadOnlyList<CalendarItem> items, CalendarOrganizer organizer, DateTime nowUtc, string method, string? name)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Roundtable//Roundtable//EN", Method = method };
        if (name is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", name);
            calendar.AddProperty("X-WR-TIMEZONE", LondonZoneId);
        }
        var earliest = items.Count == 0 ? nowUtc : items.Min(i => i.StartsAt);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(LondonZoneId, LondonTime.ToLocal(earliest).AddYears(-1), includeHistoricalData: false));
        foreach (var item in items)
        {
            var e = new CalendarEvent
            {
                Uid = item.Uid,
                DtStamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), CalDateTime.UtcTzId),
                DtStart = Start(item.StartsAt),
                // A duration rather than a local end: an end in the repeated hour would be ambiguous.
                Duration = Duration.FromMinutes(item.Minutes),
                Summary = item.Summary,
                Description = item.Description,
                Location = item.Location,
                Sequence = item.Sequence,
                Status = item.Cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
                Organizer = new Organizer($"mailto:{organizer.Email}") { CommonName = organizer.Name },
            };
            if (item.Link is not null && Uri.TryCreate(item.Link, UriKind.Absolute, out var link))
            {
                e.Url = link;
            }
            calendar.Events.Add(e);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    // UK wall-clock time with its zone, except in the hour the clocks go back: that local time happens
    // twice and calendar libraries disagree on which is meant, so the exact instant is written in UTC.
    public static CalDateTime Start(DateTime utc)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var local = LondonTime.ToLocal(utc);
        return LondonTime.Zone.IsAmbiguousTime(local)
            ? new CalDateTime(utc, CalDateTime.UtcTzId)
            : new CalDateTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), LondonZoneId);
    }
}
