using Ical.Net.CalendarComponents;
using Roundtable.Web.Calendars;
using Roundtable.Web.Communities;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Domain.Calendars;

public class IcsCalendarTests
{
    private static readonly CalendarOrganizer Organizer = new("Roundtable", "no-reply@roundtable.test");
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    private static CalendarItem Item(DateTime startsAt, int sequence = 0, bool cancelled = false, string description = "Focus: governors", int minutes = 60) =>
        new($"tutorial-{startsAt.Ticks}@example.org", startsAt, minutes, "NPQH Project 1 tutorial with Pip Partner", description,
            "Room 2, Main Street; Anytown", null, sequence, cancelled);

    private static List<string> Unfolded(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n").ToList();

    private static CalendarEvent ParsedSingle(string ics) => Assert.Single(Ical.Net.Calendar.Load(ics)!.Events);

    // Every instant parsed back by Ical.Net is the one stored, on both sides of both clock changes,
    // including the hour that happens twice in October.
    [Theory]
    [InlineData("2026-07-01T15:00:00Z", "DTSTART;TZID=Europe/London:20260701T160000")] // summer
    [InlineData("2026-12-01T16:00:00Z", "DTSTART;TZID=Europe/London:20261201T160000")] // winter
    [InlineData("2027-03-28T00:30:00Z", "DTSTART;TZID=Europe/London:20270328T003000")] // March: half an hour before the clocks go forward
    [InlineData("2027-03-28T01:30:00Z", "DTSTART;TZID=Europe/London:20270328T023000")] // March: just after, 02:30 BST
    [InlineData("2026-10-24T23:30:00Z", "DTSTART;TZID=Europe/London:20261025T003000")] // October: before the repeated hour
    [InlineData("2026-10-25T00:30:00Z", "DTSTART:20261025T003000Z")]                  // October: the first 01:30 (BST)
    [InlineData("2026-10-25T01:30:00Z", "DTSTART:20261025T013000Z")]                  // October: the second 01:30 (GMT)
    [InlineData("2026-10-25T02:30:00Z", "DTSTART;TZID=Europe/London:20261025T023000")] // October: after it
    public void Feed_ParsedBackByIcalNet_GivesTheSameUtcInstants(string utc, string startLine)
    {
        var startsAt = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

        var ics = IcsCalendar.Feed([Item(startsAt)], Organizer, Now, "Test");

        Assert.Contains(startLine, Unfolded(ics));
        var e = ParsedSingle(ics);
        Assert.Equal(startsAt, e.DtStart!.AsUtc);
        Assert.Equal(startsAt.AddMinutes(60), e.DtStart.AsUtc + e.Duration!.Value.ToTimeSpanUnspecified());
    }

    [Fact]
    public void Feed_HasTheLondonZoneBlock_AndEveryEventInIt()
    {
        var ics = IcsCalendar.Feed([Item(new DateTime(2026, 12, 1, 16, 0, 0, DateTimeKind.Utc)), Item(new DateTime(2027, 7, 1, 15, 0, 0, DateTimeKind.Utc))], Organizer, Now, "Test");

        var calendar = Ical.Net.Calendar.Load(ics)!;
        Assert.Equal("Europe/London", Assert.Single(calendar.TimeZones).TzId);
        Assert.Equal(2, calendar.Events.Count);
        Assert.Equal("PUBLISH", calendar.Method);
        var lines = Unfolded(ics);
        Assert.Contains("BEGIN:DAYLIGHT", lines);
        Assert.Contains("BEGIN:STANDARD", lines);
    }

    [Fact]
    public void OneEvent_CarriesUidSequenceOrganizerAndPlace()
    {
        var item = Item(new DateTime(2026, 12, 1, 16, 0, 0, DateTimeKind.Utc), sequence: 3);

        var ics = IcsCalendar.OneEvent(item, Organizer, Now);

        var e = ParsedSingle(ics);
        Assert.Equal(item.Uid, e.Uid);
        Assert.Equal(3, e.Sequence);
        Assert.Equal("mailto:no-reply@roundtable.test", e.Organizer!.Value!.ToString());
        Assert.Equal("Roundtable", e.Organizer.CommonName);
        Assert.Equal("Room 2, Main Street; Anytown", e.Location);
        Assert.Equal("CONFIRMED", e.Status);
        Assert.Contains("METHOD:PUBLISH", Unfolded(ics));
        Assert.Contains("LOCATION:Room 2\\, Main Street\\; Anytown", Unfolded(ics));
    }

    [Fact]
    public void OneEvent_Cancelled_IsACancelWithStatusCancelled()
    {
        var ics = IcsCalendar.OneEvent(Item(new DateTime(2026, 12, 1, 16, 0, 0, DateTimeKind.Utc), sequence: 1, cancelled: true), Organizer, Now);

        Assert.Contains("METHOD:CANCEL", Unfolded(ics));
        Assert.Equal("CANCELLED", ParsedSingle(ics).Status);
    }

    [Fact]
    public void LongText_IsFoldedAt75Octets_AndReadsBackWhole()
    {
        var text = "Focus: " + string.Concat(Enumerable.Repeat("Café governance é ", 20));

        var ics = IcsCalendar.OneEvent(Item(new DateTime(2026, 12, 1, 16, 0, 0, DateTimeKind.Utc), description: text), Organizer, Now);

        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.Equal(text, ParsedSingle(ics).Description);
    }

    [Fact]
    public void Tutorial_ForEachSide_NamesTheOtherPerson_AndOnlineLinksTheMeeting()
    {
        var startsAt = new DateTime(2026, 12, 1, 16, 0, 0, DateTimeKind.Utc);
        var booking = new Booking
        {
            Id = 42, Project = 2, Focus = "Governors", Status = BookingStatus.Booked, Sequence = 2,
            Participant = new Participant { User = AppUser.Create("d@test.example", "Dee Delegate", startsAt) },
            Slot = new TutorialSlot
            {
                StartsAt = startsAt, Minutes = 45, Mode = TutorialMode.Online, Where = "https://meet.example.org/t",
                Partner = new PartnerProfile { UserId = "p", User = AppUser.Create("p@test.example", "Pip Partner", startsAt) },
            },
        };

        var forDelegate = TutorialCalendar.ForBooking(booking, forPartner: false, "example.org");
        var forPartner = TutorialCalendar.ForBooking(booking, forPartner: true, "example.org");

        Assert.Equal(("tutorial-42@example.org", "NPQH Project 2 tutorial with Pip Partner", 2, 45), (forDelegate.Uid, forDelegate.Summary, forDelegate.Sequence, forDelegate.Minutes));
        Assert.Equal("NPQH Project 2 tutorial with Dee Delegate", forPartner.Summary);
        Assert.Equal(("Online: https://meet.example.org/t", "https://meet.example.org/t"), (forDelegate.Location, forDelegate.Link));
        booking.Status = BookingStatus.LateCancelled;
        Assert.True(TutorialCalendar.ForBooking(booking, forPartner: false, "example.org").Cancelled);
    }
}

public class SessionChangeTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    private static CommunitySession Session() => new()
    {
        Id = 7, GroupId = 1, StartsAt = Now.AddDays(3), Mode = SessionMode.Online, Where = "https://meet.example.org/a",
    };

    [Fact]
    public void Change_OfTimeOrPlace_RaisesTheSequence_ANonChangeDoesNot()
    {
        var session = Session();

        Assert.Null(session.Change(session.StartsAt, session.Mode, session.Where, Now));
        Assert.Equal(0, session.Sequence);
        Assert.Null(session.Change(Now.AddDays(4), SessionMode.Online, "https://meet.example.org/a", Now));
        Assert.Equal(1, session.Sequence);
        Assert.Null(session.Change(Now.AddDays(4), SessionMode.InPerson, "Room 4", Now));
        Assert.Equal((2, SessionMode.InPerson, "Room 4"), (session.Sequence, session.Mode, session.Where));
    }

    [Fact]
    public void Cancel_MarksItCancelled_RaisesTheSequence_AndOnlyOnce()
    {
        var session = Session();

        Assert.Null(session.Cancel(Now));

        Assert.Equal((true, 1), (session.IsCancelled, session.Sequence));
        Assert.Equal(FailureKind.Conflict, session.Cancel(Now)?.Kind);
        Assert.Equal(FailureKind.Conflict, session.Change(Now.AddDays(5), SessionMode.Online, "https://meet.example.org/b", Now)?.Kind);
        Assert.Equal(1, session.Sequence);
    }

    [Fact]
    public void AStartedSession_CannotBeChangedOrCancelled_NorMovedIntoThePast()
    {
        var session = Session();

        Assert.Equal(FailureKind.Conflict, session.Cancel(session.StartsAt)?.Kind);
        Assert.Equal(FailureKind.Invalid, session.Change(Now.AddHours(-1), SessionMode.Online, "https://meet.example.org/a", Now)?.Kind);
        Assert.Equal(0, session.Sequence);
    }

    [Fact]
    public void ScheduleInput_AppliedToASession_MovesIt_InUkTime()
    {
        var session = Session();

        var failure = new SessionScheduleInput("17:30", SessionMode.Online, "https://meet.example.org/a").ApplyTo(session, new DateOnly(2026, 11, 10), Now);

        Assert.Null(failure);
        Assert.Equal(new DateTime(2026, 11, 10, 17, 30, 0, DateTimeKind.Utc), session.StartsAt);
        Assert.Equal(1, session.Sequence);
    }
}
