using Roundtable.Web.Infrastructure.Files;

namespace Roundtable.Web.Projects;

// What assessors judge a project against. The seeds do not list the criteria, so the programme team
// enters them.
public class AssessmentCriterion
{
    public const int CodeMaxLength = 20;
    public const int TextMaxLength = 1000;

    public int Id { get; set; }
    public int Project { get; set; }
    public string Code { get; set; } = "";
    public string Text { get; set; } = "";
    public int Position { get; set; }

    public string Label => $"{Code} {Text}";
}

public class CriterionJudgement
{
    public int Id { get; set; }
    public int SubmissionId { get; set; }
    public int CriterionId { get; set; }
    public AssessmentCriterion Criterion { get; set; } = null!;
    // Null while the assessor is still working on it; every criterion has a value once assessed.
    public bool? Met { get; set; }
    public string Comment { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

// A published example of a submission that met the criteria, for delegates to read.
public class Exemplar
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 1000;

    public int Id { get; set; }
    public int Project { get; set; }
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public Guid FileId { get; set; }
    public StoredFile File { get; set; } = null!;
    public DateTime PublishedAt { get; set; }
    public string PublishedById { get; set; } = "";
}
