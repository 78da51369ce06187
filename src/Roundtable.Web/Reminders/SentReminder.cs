namespace Roundtable.Web.Reminders;

// A reminder that has been queued. The unique index on (Kind, UserId, Subject) is what keeps a
// reminder to one per subject when the job runs twice, on two servers, or again after a crash.
public class SentReminder
{
    public const int SubjectMaxLength = 100;

    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Subject { get; set; } = "";
    public DateTime SentAt { get; set; }
}

// A person's choice not to receive one kind of reminder.
public class ReminderOptOut
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Kind { get; set; } = "";
    public DateTime At { get; set; }
}
