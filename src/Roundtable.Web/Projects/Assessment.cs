using System.Globalization;
using Roundtable.Web.Infrastructure.Files;
using Roundtable.Web.People;

namespace Roundtable.Web.Projects;

// As typed on the programme team's form; Position empty means "after the others".
public sealed record CriterionInput(string? Project, string? Code, string? Text, string? Position);

public sealed record CriterionFields(int Project, string Code, string Text, int? Position);

public sealed record ExemplarInput(string? Project, string? Title, string? Summary, IFormFile? Upload, string? Phase = null);

public sealed record ExemplarFields(int Project, string Title, string Summary, SchoolPhase? Phase = null);

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

    public static string Duplicate(int project, string code) => $"Project {project} already has a criterion {code}";

    // A criterion keeps its project once created (fixedProject); a new one names it.
    public static Result<CriterionFields> Read(CriterionInput input, int? fixedProject)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var project = fixedProject ?? 0;
        if (fixedProject is null && !(int.TryParse(input.Project, NumberStyles.None, CultureInfo.InvariantCulture, out project) && ProjectNumbers.IsAssessed(project)))
        {
            errors.Add(nameof(input.Project), "Choose the project");
        }
        var code = errors.Text(input.Code, nameof(input.Code), "the code", CodeMaxLength, required: true);
        var text = errors.Text(input.Text, nameof(input.Text), "the criterion", TextMaxLength, required: true);
        int? position = null;
        if (!string.IsNullOrWhiteSpace(input.Position))
        {
            if (int.TryParse(input.Position.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var p))
            {
                position = p;
            }
            else
            {
                errors.Add(nameof(input.Position), "The order must be a whole number, like 3");
            }
        }
        return errors.ToFailure() is { } failure ? failure : new CriterionFields(project, code!, text!, position);
    }

    // Judgements and documents refer to a criterion, so one in use can only be reworded.
    public Failure? CheckDeletable(int uses) => uses == 0 ? null : Failure.Refused(
        $"Criterion {Code} cannot be deleted: it is used by {UkFormat.Plural(uses, "judgement or document", "judgements or documents")}. Change its wording instead.");
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
    // The phase of the school the exemplar comes from, so delegates can find ones from a range of phases.
    public SchoolPhase? Phase { get; set; }

    public static string Duplicate(int project, string title) => $"Project {project} already has an exemplar called {title}";

    public static Result<ExemplarFields> Read(ExemplarInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        if (!int.TryParse(input.Project, NumberStyles.None, CultureInfo.InvariantCulture, out var project) || !ProjectNumbers.IsAssessed(project))
        {
            errors.Add(nameof(input.Project), "Choose the project");
        }
        var title = errors.Text(input.Title, nameof(input.Title), "a title", TitleMaxLength, required: true);
        var summary = errors.Text(input.Summary, nameof(input.Summary), "a short description", SummaryMaxLength, required: true);
        SchoolPhase? phase = null;
        if (string.IsNullOrEmpty(input.Phase))
        {
            errors.Add(nameof(input.Phase), "Choose the phase of the school the exemplar comes from");
        }
        else if (Enum.TryParse<SchoolPhase>(input.Phase, out var p) && Enum.IsDefined(p) && !int.TryParse(input.Phase, CultureInfo.InvariantCulture, out _))
        {
            phase = p;
        }
        else
        {
            errors.Add(nameof(input.Phase), "Choose a phase from the list");
        }
        if (input.Upload is null)
        {
            errors.Add(nameof(input.Upload), "Select the exemplar's file");
        }
        else if (FileRules.Check(input.Upload.FileName, input.Upload.Length) is { Ok: false } check)
        {
            errors.Add(nameof(input.Upload), check.Error!);
        }
        return errors.ToFailure() is { } failure ? failure : new ExemplarFields(project, title!, summary!, phase);
    }
}
