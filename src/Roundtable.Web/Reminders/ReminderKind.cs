namespace Roundtable.Web.Reminders;

// The five reminders (PRODUCT.md section 4). Code is what the X-Roundtable-Reminder header, the
// database and the unsubscribe link carry; it never changes once released.
public sealed record ReminderKind(string Code, string Name, string Description)
{
    public const int CodeMaxLength = 40;
    public const string Header = "X-Roundtable-Reminder";

    public static readonly ReminderKind SessionTomorrow = new("session-tomorrow", "Session tomorrow",
        "The day before a community session, if you have not prepared a problem card (and when you chair it).");
    public static readonly ReminderKind TutorialWindowClosing = new("tutorial-window-closing", "Tutorial window closing",
        "Two weeks before a tutorial window ends, if that tutorial is not booked.");
    public static readonly ReminderKind FeedbackOverdue = new("feedback-overdue", "Feedback overdue",
        "When feedback on a tutorial you held is two, and then five, working days late.");
    public static readonly ReminderKind InvoiceAwaitingApproval = new("invoice-awaiting-approval", "Invoices awaiting approval",
        "A daily digest of invoices that have waited more than five working days for approval.");
    public static readonly ReminderKind PlacementDaysShort = new("placement-days-short", "Placement days short",
        "Four weeks before the planned end, if the placement log is short of nine working days.");

    public static IReadOnlyList<ReminderKind> All { get; } =
        [SessionTomorrow, TutorialWindowClosing, FeedbackOverdue, InvoiceAwaitingApproval, PlacementDaysShort];

    public static ReminderKind? Find(string? code) => All.FirstOrDefault(k => k.Code == code);
}
