namespace Roundtable.Web.Projects;

public sealed record AssignmentInput(string? AssessorId);

// The assessor's judgement of one criterion: Met is null until they choose.
public sealed record JudgementInput(int CriterionId, bool? Met, string? Comment);

public sealed record AssessmentInput(IReadOnlyList<JudgementInput> Judgements, AssessmentOutcome? Outcome, string? OutcomeComment)
{
    // The fields of the criterion at this position in the criteria's order.
    public static string MetField(int index) => $"{nameof(Judgements)}[{index}].{nameof(JudgementInput.Met)}";

    public static string CommentField(int index) => $"{nameof(Judgements)}[{index}].{nameof(JudgementInput.Comment)}";
}

// Assessment: the programme team assigns a submitted account, its assessor judges every criterion and
// the outcome, and the team releases the outcome to the delegate.
public partial class Submission
{
    public const string AssessedAlready = "This submission has been assessed: it can no longer be given to another assessor.";
    public const string ReleasedAlready = "This outcome has already been released.";
    public const string AssessmentClosed = "The outcome has been released, so the assessment can no longer be changed.";

    public bool CanAssign => Status is SubmissionStatus.Submitted or SubmissionStatus.Assigned;

    // The assessor may save judgements until the outcome is released.
    public bool CanJudge => Status is SubmissionStatus.Assigned or SubmissionStatus.Assessed;

    // To one of the assessors (by user id), or to another one while the first has not finished.
    public Failure? AssignTo(AssignmentInput input, IReadOnlyCollection<string> assessorIds, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(assessorIds);
        if (!CanAssign)
        {
            return Status == SubmissionStatus.Draft
                ? Failure.Refused("This account has not been submitted yet.")
                : Failure.Refused(AssessedAlready);
        }
        if (string.IsNullOrEmpty(input.AssessorId))
        {
            return Failure.Invalid(nameof(AssignmentInput.AssessorId), "Choose an assessor");
        }
        if (!assessorIds.Contains(input.AssessorId))
        {
            return Failure.Invalid(nameof(AssignmentInput.AssessorId), "Choose an assessor from the list");
        }
        AssessorId = input.AssessorId;
        AssignedAt = now;
        Status = SubmissionStatus.Assigned;
        Touch(now);
        return null;
    }

    // Records the assessor's judgements. Finishing (complete) needs a judgement and a comment on every
    // criterion, an outcome and an overall comment, and a pass only when every criterion is met; once
    // assessed, every save must leave a complete assessment. "Save and finish later" keeps what is there.
    public Failure? Judge(AssessmentInput input, IReadOnlyList<AssessmentCriterion> criteria, string assessorId, bool complete, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(criteria);
        if (AssessorId != assessorId)
        {
            return Failure.Forbidden("Only the assessor this submission is assigned to can assess it.");
        }
        if (!CanJudge)
        {
            return Failure.Refused(AssessmentClosed);
        }
        complete |= Status == SubmissionStatus.Assessed;
        if (complete && criteria.Count == 0)
        {
            return Failure.Refused("The programme team has not entered the criteria for this project yet, so it cannot be assessed.");
        }
        var errors = new FieldErrors();
        var judged = new List<(AssessmentCriterion Criterion, bool? Met, string Comment)>();
        for (var i = 0; i < criteria.Count; i++)
        {
            var criterion = criteria[i];
            var given = input.Judgements.FirstOrDefault(j => j.CriterionId == criterion.Id);
            var comment = given?.Comment?.Trim() ?? "";
            if (comment.Length > CommentMaxLength)
            {
                errors.Add(AssessmentInput.CommentField(i), $"The comment on criterion {criterion.Code} must be {UkFormat.Number(CommentMaxLength)} characters or fewer");
            }
            if (complete && given?.Met is null)
            {
                errors.Add(AssessmentInput.MetField(i), $"Choose met or not met for criterion {criterion.Code}");
            }
            if (complete && comment.Length == 0)
            {
                errors.Add(AssessmentInput.CommentField(i), $"Enter a comment on criterion {criterion.Code}");
            }
            judged.Add((criterion, given?.Met, comment));
        }
        var overall = input.OutcomeComment?.Trim() ?? "";
        if (overall.Length > CommentMaxLength)
        {
            errors.Add(nameof(AssessmentInput.OutcomeComment), $"The overall comment must be {UkFormat.Number(CommentMaxLength)} characters or fewer");
        }
        if (complete)
        {
            if (input.Outcome is null)
            {
                errors.Add(nameof(AssessmentInput.Outcome), "Choose the overall outcome");
            }
            else if (input.Outcome == AssessmentOutcome.Passed && judged.Exists(j => j.Met == false))
            {
                errors.Add(nameof(AssessmentInput.Outcome), "A project can pass only when every criterion is met");
            }
            if (overall.Length == 0)
            {
                errors.Add(nameof(AssessmentInput.OutcomeComment), "Enter an overall comment for the delegate");
            }
        }
        if (errors.ToFailure() is { } failure)
        {
            return failure;
        }

        foreach (var (criterion, met, comment) in judged)
        {
            var judgement = Judgements.FirstOrDefault(j => j.CriterionId == criterion.Id);
            if (judgement is null)
            {
                if (met is null && comment.Length == 0)
                {
                    continue;
                }
                judgement = new CriterionJudgement { CriterionId = criterion.Id };
                Judgements.Add(judgement);
            }
            judgement.Met = met;
            judgement.Comment = comment;
            judgement.RecordedAt = now;
        }
        Outcome = input.Outcome;
        OutcomeComment = overall.Length == 0 ? null : overall;
        if (complete)
        {
            Status = SubmissionStatus.Assessed;
            AssessedAt = now;
        }
        Touch(now);
        return null;
    }

    // The delegate sees the outcome and the judgements only from now on.
    public Failure? Release(string releasedById, DateTime now)
    {
        if (Status != SubmissionStatus.Assessed)
        {
            return Status == SubmissionStatus.Released
                ? Failure.Conflict(ReleasedAlready)
                : Failure.Refused("Only an assessed submission can be released.");
        }
        Status = SubmissionStatus.Released;
        ReleasedAt = now;
        ReleasedById = releasedById;
        Touch(now);
        return null;
    }
}
