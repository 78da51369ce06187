namespace Roundtable.Web.People;

// A qualification the provider delivers (NPQH, NPQSL, ...).
public class Programme
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 200;

    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public List<Cohort> Cohorts { get; set; } = [];

    public bool IsHeadship => string.Equals(Code, "NPQH", StringComparison.OrdinalIgnoreCase);
}

public class Cohort
{
    public const int NameMaxLength = 100;
    public const string AuditSubject = "Cohort";

    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public Programme Programme { get; set; } = null!;
    public string Name { get; set; } = "";
    public DateOnly CourseStart { get; set; }
    public List<Participant> Participants { get; set; } = [];

    // Tutors see only their own delegates' problem cards and turns unless the programme team
    // grants the cohort's tutors sight of whole groups (audited as AuditSubject).
    public bool TutorsSeeWholeGroups { get; set; }
}
