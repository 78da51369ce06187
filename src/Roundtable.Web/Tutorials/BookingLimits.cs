namespace Roundtable.Web.Tutorials;

// One tutorial per project for each delegate (seed 003). A booking uses it while it is live, and a
// late cancellation keeps using it until the programme team restores it.
public static class Allowance
{
    // holder: the status of the booking that uses the delegate's allowance for the project, if any.
    public static Failure? Check(int project, BookingStatus? holder) => holder switch
    {
        null => null,
        BookingStatus.LateCancelled => Failure.Refused(
            $"Your Project {project} tutorial was cancelled late, which uses the allowance until the programme team restores it. Contact them if you need another.",
            nameof(BookingInput.Project)),
        _ => Failure.Refused(
            $"You already have a tutorial for Project {project}. Each delegate has one tutorial per project: cancel or reschedule the one you have.",
            nameof(BookingInput.Project)),
    };
}

// A partner takes at most their monthly cap of tutorials in one calendar month, UK time.
public static class PartnerMonth
{
    // The month the slot falls in, as UTC bounds [From, To).
    public static (DateTime From, DateTime To) Of(DateTime startsAt)
    {
        var local = LondonTime.ToLocal(startsAt);
        var first = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        LondonTime.TryToUtc(first, out var from);
        LondonTime.TryToUtc(first.AddMonths(1), out var to);
        return (from, to);
    }

    // taken: the partner's live tutorials already in that month, the one being moved excepted.
    public static Failure? Check(int cap, int taken, DateTime startsAt) => taken < cap
        ? null
        : Failure.Refused(
            $"This partner takes at most {cap} tutorials a month and {UkFormat.Month(LondonTime.DateOf(startsAt))} is full. Choose a slot in another month or another partner.",
            nameof(BookingInput.SlotId));
}
