namespace Roundtable.Web.People;

// An uploaded CSV awaiting confirmation. Kept in the database, not in a server's memory, so the
// preview and the confirmation may be served by different app servers.
public class PendingImport
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public Guid Id { get; set; }
    public int CohortId { get; set; }
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string FileName { get; set; } = "";
    public string Content { get; set; } = "";
}
