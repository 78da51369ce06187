namespace Roundtable.Web.People;

// A qualification the provider delivers (NPQH, NPQSL, ...).
public class Programme
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 200;

    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    // DfE's course_identifier for this programme (NPQH is npq-headship); null until the team sets it.
    public const int DfeCourseMaxLength = 60;
    public string? DfeCourseIdentifier { get; set; }
    public List<Cohort> Cohorts { get; set; } = [];
    // How its delegates are assessed (audited): the 2017 projects by default, or case studies.
    public Projects.AssessmentRegime Regime { get; set; }
    // The protocol its groups use unless a group or session chooses another; null: the seed's protocol.
    public int? DefaultProtocolId { get; set; }

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
    // DfE's cohort year (2025 is the 2025/26 academic year); null until the team sets it.
    public int? DfeCohortYear { get; set; }
    public List<Participant> Participants { get; set; } = [];

    // Tutors see only their own delegates' problem cards and turns unless the programme team
    // grants the cohort's tutors sight of whole groups (audited as AuditSubject).
    public bool TutorsSeeWholeGroups { get; set; }
}
