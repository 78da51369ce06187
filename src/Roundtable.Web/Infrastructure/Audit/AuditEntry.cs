namespace Roundtable.Web.Infrastructure.Audit;

// Who changed what and when: bookings, feedback and invoices write one row per change of state.
public class AuditEntry
{
    public const int SubjectMaxLength = 40;
    public const int ActionMaxLength = 60;
    public const int DetailMaxLength = 1000;

    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string Subject { get; set; } = "";
    public int SubjectId { get; set; }
    public string Action { get; set; } = "";
    public string? Detail { get; set; }

    public static AuditEntry Of(string subject, int subjectId, string action, string? userId, DateTime at, string? detail = null) =>
        new() { Subject = subject, SubjectId = subjectId, Action = action, UserId = userId, At = at, Detail = detail is null ? null : Truncate(detail) };

    private static string Truncate(string text) => text.Length <= DetailMaxLength ? text : text[..DetailMaxLength];
}
