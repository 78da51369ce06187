using System.Globalization;
using Roundtable.Web.People;

namespace Roundtable.Web.Projects;

public sealed record Project1Input(
    string? Rationale,
    string? BaselineEvidence,
    string? SuccessCriteria,
    string? Team,
    DateOnly? Start,
    DateOnly? PlannedEnd,
    DateOnly? BoardPresentedOn,
    string? BoardFeedback,
    DateOnly? ImplementationStart,
    string? Evaluation,
    string? SmartTarget = null,
    DateOnly? BoardFeedbackOn = null,
    string? Origin = null,
    bool WholeSchool = false);

// Project 1 may be a new project arising from the NPQH or an existing one the delegate already leads (seed 003).
public enum ProjectOrigin { New, Existing }

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
    public DateOnly? BoardFeedbackOn { get; set; }
    public string? SmartTarget { get; set; }
    public DateOnly? ImplementationStart { get; set; }
    public string? Evaluation { get; set; }
    public ProjectOrigin? Origin { get; set; }
    // The delegate confirms the change works at whole-school level to improve pupils' progress and attainment.
    public bool WholeSchool { get; set; }
    public DateTime UpdatedAt { get; set; }

    // Every field may be left empty while the project is being planned; text is trimmed.
    public static Failure? Check(Project1Input input) => Apply(input, null, default);

    public Failure? Update(Project1Input input, DateTime now) => Apply(input, this, now);

    public Project1Facts Facts(int accountWords, EvidenceFacts? evidence = null) =>
        new(Start, PlannedEnd, BoardPresentedOn, !string.IsNullOrWhiteSpace(BoardFeedback), ImplementationStart, accountWords,
            BoardFeedbackOn, !string.IsNullOrWhiteSpace(Rationale), !string.IsNullOrWhiteSpace(BaselineEvidence),
            !string.IsNullOrWhiteSpace(SmartTarget), !string.IsNullOrWhiteSpace(SuccessCriteria), !string.IsNullOrWhiteSpace(Team), evidence, Origin, WholeSchool);

    public static Project1Facts NoFacts(int accountWords, EvidenceFacts? evidence = null) =>
        new(null, null, null, false, null, accountWords, Evidence: evidence);

    private static Failure? Apply(Project1Input input, Project1? project, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var rationale = errors.Text(input.Rationale, nameof(input.Rationale), "the rationale and focus", TextMaxLength);
        var target = errors.Text(input.SmartTarget, nameof(input.SmartTarget), "the SMART target", TextMaxLength);
        var baseline = errors.Text(input.BaselineEvidence, nameof(input.BaselineEvidence), "the baseline evidence", TextMaxLength);
        var success = errors.Text(input.SuccessCriteria, nameof(input.SuccessCriteria), "the success criteria", TextMaxLength);
        var team = errors.Text(input.Team, nameof(input.Team), "the team", TextMaxLength);
        var feedback = errors.Text(input.BoardFeedback, nameof(input.BoardFeedback), "the governing board's feedback", TextMaxLength);
        var evaluation = errors.Text(input.Evaluation, nameof(input.Evaluation), "the evaluation", TextMaxLength);
        ProjectOrigin? origin = null;
        if (!string.IsNullOrEmpty(input.Origin))
        {
            if (Enum.TryParse<ProjectOrigin>(input.Origin, ignoreCase: true, out var o) && Enum.IsDefined(o) && !int.TryParse(input.Origin, CultureInfo.InvariantCulture, out _))
            {
                origin = o;
            }
            else
            {
                errors.Add(nameof(input.Origin), "Choose whether this is a new project or an existing one");
            }
        }
        if (input.Start is { } start && input.PlannedEnd is { } end && end <= start)
        {
            errors.Add(nameof(input.PlannedEnd), "The planned end date must be after the start date");
        }
        if (input.BoardFeedbackOn is { } gathered && input.BoardPresentedOn is { } presented && gathered < presented)
        {
            errors.Add(nameof(input.BoardFeedbackOn), "The date the feedback was gathered must be on or after the date the board saw the plan");
        }
        if (errors.Any || project is null)
        {
            return errors.ToFailure();
        }
        project.Rationale = rationale;
        project.BaselineEvidence = baseline;
        project.SuccessCriteria = success;
        project.Team = team;
        project.Start = input.Start;
        project.PlannedEnd = input.PlannedEnd;
        project.BoardPresentedOn = input.BoardPresentedOn;
        project.BoardFeedback = feedback;
        project.BoardFeedbackOn = input.BoardFeedbackOn;
        project.SmartTarget = target;
        project.ImplementationStart = input.ImplementationStart;
        project.Evaluation = evaluation;
        project.Origin = origin;
        project.WholeSchool = input.WholeSchool;
        project.UpdatedAt = now;
        return null;
    }
}
