namespace Roundtable.Web.Infrastructure.Audit;

// Who changed what and when. Append-only: the app never updates or deletes a row (AppDbContext
// refuses to save such a change) and on PostgreSQL a trigger refuses UPDATE and DELETE as well.
// Subject and SubjectId are the record type and record id; PersonId is the user the change concerns.
// Changes holds { "Field": { "before": …, "after": … } } as JSON, with personal data kept minimal
// (bank details masked, e-mail addresses shortened). Names are resolved when the trail is read.
public class AuditEntry
{
    public const int SubjectMaxLength = 40;
    public const int ActionMaxLength = 60;
    public const int DetailMaxLength = 1000;
    public const int ChangesMaxLength = 4000;
    public const int PersonIdMaxLength = 450;

    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string Subject { get; set; } = "";
    public int SubjectId { get; set; }
    public string Action { get; set; } = "";
    public string? Detail { get; set; }
    public string? PersonId { get; set; }
    public string? Changes { get; set; }

    // The original way to write an entry (bookings, feedback, invoices); kept so callers need not change.
    public static AuditEntry Of(string subject, int subjectId, string action, string? userId, DateTime at, string? detail = null) =>
        new() { Subject = subject, SubjectId = subjectId, Action = Fit(action, ActionMaxLength), UserId = userId, At = at, Detail = detail is null ? null : Fit(detail, DetailMaxLength) };

    // The full shape, for callers that know whom the change concerns and what changed (DfE calls,
    // erasures, imports): build changes with AuditChanges.
    public static AuditEntry For(string recordType, int recordId, string action, string? userId, DateTime at,
        string? personId = null, AuditChanges? changes = null, string? detail = null)
    {
        var entry = Of(recordType, recordId, action, userId, at, detail);
        entry.PersonId = personId;
        entry.SetChanges(changes);
        return entry;
    }

    public void SetChanges(AuditChanges? changes) =>
        Changes = changes is null || changes.IsEmpty ? null : Fit(changes.ToJson(), ChangesMaxLength);

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..max];
}
