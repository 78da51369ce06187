namespace Roundtable.Web.Tutorials;

// Who partners contact with their queries (the programme team's names, e-mail addresses and phone
// numbers, as free text the team keeps up to date): one row, shown on the partners' contacts page.
public class ProgrammeContacts
{
    public const int SingletonId = 1;
    public const int TextMaxLength = 2000;
    public const string AuditSubject = "ProgrammeContacts";

    public int Id { get; set; } = SingletonId;
    public string Text { get; set; } = "";
    public DateTime? UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }
}
