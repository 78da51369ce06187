using System.ComponentModel.DataAnnotations;
using Roundtable.Web.Infrastructure.Files;
using Roundtable.Web.People;

namespace Roundtable.Web.Projects;

public enum SubmissionStatus
{
    Draft,
    Submitted,
    [Display(Name = "Assigned to an assessor")] Assigned,
    Assessed,
    [Display(Name = "Outcome released")] Released,
}

public enum AssessmentOutcome
{
    Passed,
    [Display(Name = "Not passed")] NotPassed,
}

public sealed record AccountSection(string Title, string Hint);

// The written account, the equivalent of the seed's submission proforma: one field per section.
public static class AccountSections
{
    public const int Count = 3;

    private static readonly AccountSection[] Project1 =
    [
        new("Design", "The rationale and SMART target, the baseline evidence, the success criteria, the team, and how the governing board's feedback shaped the plan."),
        new("Implementation", "How the change was led across the school over at least two terms: what was done, by whom, and how obstacles were handled."),
        new("Evaluation", "The impact on pupils' progress and attainment against the success criteria, and what you learned as a leader."),
    ];

    private static readonly AccountSection[] Project2 =
    [
        new("Placement and research", "The placement school, how it contrasts with your own, and what you found about its current and projected resource and capability challenges."),
        new("Action plan", "The plan to address those challenges, including its curriculum-led budget."),
        new("Governing board and evaluation", "Presenting the plan to the placement school's governing board, their feedback, and what you learned."),
    ];

    public static IReadOnlyList<AccountSection> For(int project) => project == ProjectNumbers.Change ? Project1 : Project2;
}

// One version of a delegate's written account for one project, and its assessment. A resubmission
// is a new version; earlier versions and their outcomes are kept.
public class Submission
{
    public const int SectionMaxLength = 60_000;
    public const int MaxDocuments = 20;
    public const int CommentMaxLength = 4000;

    public int Id { get; set; }
    public int ParticipantId { get; set; }
    public Participant Participant { get; set; } = null!;
    public int Project { get; set; }
    public int Version { get; set; }
    public SubmissionStatus Status { get; set; }
    public string Section1 { get; set; } = "";
    public string Section2 { get; set; } = "";
    public string Section3 { get; set; } = "";
    public string Annexes { get; set; } = "";
    public int Words { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? AssessorId { get; set; }
    public AppUser? Assessor { get; set; }
    public DateTime? AssignedAt { get; set; }
    public AssessmentOutcome? Outcome { get; set; }
    public string? OutcomeComment { get; set; }
    public DateTime? AssessedAt { get; set; }
    public DateTime? ReleasedAt { get; set; }
    public string? ReleasedById { get; set; }
    // Changes on every save: two windows (or two clicks) saving the same version cannot both win.
    public Guid ConcurrencyStamp { get; set; }
    public List<SubmissionDocument> Documents { get; set; } = [];
    public List<CriterionJudgement> Judgements { get; set; } = [];

    public IReadOnlyList<string> Sections => [Section1, Section2, Section3];

    public bool IsEditable => Status == SubmissionStatus.Draft;

    public bool CanResubmit => Status == SubmissionStatus.Released && Outcome == AssessmentOutcome.NotPassed;

    public static Submission Start(int participantId, int project, int version, DateTime now) => new()
    {
        ParticipantId = participantId,
        Project = project,
        Version = version,
        Status = SubmissionStatus.Draft,
        CreatedAt = now,
        UpdatedAt = now,
        ConcurrencyStamp = Guid.NewGuid(),
    };

    public void SetText(IReadOnlyList<string?> sections, string? annexes, DateTime now)
    {
        Section1 = sections.Count > 0 ? sections[0] ?? "" : "";
        Section2 = sections.Count > 1 ? sections[1] ?? "" : "";
        Section3 = sections.Count > 2 ? sections[2] ?? "" : "";
        Annexes = annexes ?? "";
        Words = WordCount.CountSections(Sections);
        Touch(now);
    }

    public void Touch(DateTime now)
    {
        UpdatedAt = now;
        ConcurrencyStamp = Guid.NewGuid();
    }

    // The next version starts from the text and documents of this one.
    public Submission Resubmission(DateTime now)
    {
        var next = Start(ParticipantId, Project, Version + 1, now);
        next.SetText(Sections, Annexes, now);
        next.Documents = Documents.Select(d => new SubmissionDocument
        {
            FileId = d.FileId,
            AddedAt = now,
            Criteria = d.Criteria.Select(c => new DocumentCriterion { CriterionId = c.CriterionId }).ToList(),
        }).ToList();
        return next;
    }
}

// A supporting document (not counted in the words) and the criteria it evidences. The file may be
// shared with other versions of the same account.
public class SubmissionDocument
{
    public int Id { get; set; }
    public int SubmissionId { get; set; }
    public Guid FileId { get; set; }
    public StoredFile File { get; set; } = null!;
    public DateTime AddedAt { get; set; }
    public List<DocumentCriterion> Criteria { get; set; } = [];
}

public class DocumentCriterion
{
    public int SubmissionDocumentId { get; set; }
    public int CriterionId { get; set; }
}
