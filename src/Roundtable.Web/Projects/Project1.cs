using Roundtable.Web.People;

namespace Roundtable.Web.Projects;

// Project 1: the delegate leads a change programme at whole-school level (DfE 2017).
public class Project1
{
    public const int TextMaxLength = 5000;

    public int Id { get; set; }
    public int ParticipantId { get; set; }
    public Participant Participant { get; set; } = null!;
    public string? Rationale { get; set; }
    public string? BaselineEvidence { get; set; }
    public string? SuccessCriteria { get; set; }
    public string? Team { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? PlannedEnd { get; set; }
    public DateOnly? BoardPresentedOn { get; set; }
    public string? BoardFeedback { get; set; }
    public DateOnly? ImplementationStart { get; set; }
    public string? Evaluation { get; set; }
    public DateTime UpdatedAt { get; set; }

    public Project1Facts Facts(int accountWords) =>
        new(Start, PlannedEnd, BoardPresentedOn, !string.IsNullOrWhiteSpace(BoardFeedback), ImplementationStart, accountWords);

    public static Project1Facts NoFacts(int accountWords) => new(null, null, null, false, null, accountWords);
}
