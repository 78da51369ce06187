using Roundtable.Web.Infrastructure;
using Roundtable.Web.Projects;

namespace Roundtable.Tests.Domain.Projects;

// Assign → judge → release, without a host.
public class AssessmentRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private const string Assessor = "assessor-1";

    private static readonly List<AssessmentCriterion> Criteria =
    [
        new() { Id = 11, Project = 1, Code = "1.1", Position = 1 },
        new() { Id = 12, Project = 1, Code = "1.2", Position = 2 },
    ];

    private static Submission WithStatus(SubmissionStatus status, string? assessor = Assessor)
    {
        var submission = Submission.Start(1, ProjectNumbers.Change, 1, Now.AddDays(-10));
        submission.Status = status;
        submission.AssessorId = assessor;
        return submission;
    }

    private static AssessmentInput Judged(bool? met1, bool? met2, AssessmentOutcome? outcome, string? overall = "Overall.") =>
        new([new JudgementInput(11, met1, "First."), new JudgementInput(12, met2, "Second.")], outcome, overall);

    [Fact]
    public void Judge_APassWithACriterionNotMet_IsRefusedOnTheOutcome()
    {
        var submission = WithStatus(SubmissionStatus.Assigned);

        var failure = submission.Judge(Judged(true, false, AssessmentOutcome.Passed), Criteria, Assessor, complete: true, Now);

        Assert.Equal(FailureKind.Invalid, failure?.Kind);
        Assert.Equal([new FieldError(nameof(AssessmentInput.Outcome), "A project can pass only when every criterion is met")], failure!.Errors);
        Assert.Equal((SubmissionStatus.Assigned, 0), (submission.Status, submission.Judgements.Count));
    }

    [Fact]
    public void Judge_CompleteWithEveryCriterionMet_PassesAndRecordsEachJudgement()
    {
        var submission = WithStatus(SubmissionStatus.Assigned);
        var stamp = submission.ConcurrencyStamp;

        var failure = submission.Judge(Judged(true, true, AssessmentOutcome.Passed, "  Well led.  "), Criteria, Assessor, complete: true, Now);

        Assert.Null(failure);
        Assert.Equal((SubmissionStatus.Assessed, Now, AssessmentOutcome.Passed, "Well led."),
            (submission.Status, submission.AssessedAt!.Value, submission.Outcome!.Value, submission.OutcomeComment));
        Assert.Equal([(11, true, "First."), (12, true, "Second.")], submission.Judgements.Select(j => (j.CriterionId, j.Met == true, j.Comment)));
        Assert.NotEqual(stamp, submission.ConcurrencyStamp);
    }

    [Fact]
    public void Judge_NotPassedWithACriterionNotMet_IsAssessed()
    {
        var submission = WithStatus(SubmissionStatus.Assigned);

        Assert.Null(submission.Judge(Judged(true, false, AssessmentOutcome.NotPassed), Criteria, Assessor, complete: true, Now));
        Assert.Equal(SubmissionStatus.Assessed, submission.Status);
    }

    [Fact]
    public void Judge_Incomplete_NamesEachMissingFieldByItsPositionInTheCriteria()
    {
        var submission = WithStatus(SubmissionStatus.Assigned);
        var input = new AssessmentInput([new JudgementInput(11, true, "Clear target")], AssessmentOutcome.Passed, "");

        var failure = submission.Judge(input, Criteria, Assessor, complete: true, Now);

        Assert.Equal(
        [
            new FieldError(AssessmentInput.MetField(1), "Choose met or not met for criterion 1.2"),
            new FieldError(AssessmentInput.CommentField(1), "Enter a comment on criterion 1.2"),
            new FieldError(nameof(AssessmentInput.OutcomeComment), "Enter an overall comment for the delegate"),
        ], failure!.Errors);
        Assert.Equal("Judgements[1].Met", AssessmentInput.MetField(1));
    }

    [Fact]
    public void Judge_SaveForLater_KeepsPartialJudgementsAndStaysAssigned()
    {
        var submission = WithStatus(SubmissionStatus.Assigned);
        var input = new AssessmentInput([new JudgementInput(11, true, "Clear target"), new JudgementInput(12, null, "")], null, null);

        Assert.Null(submission.Judge(input, Criteria, Assessor, complete: false, Now));

        Assert.Equal(SubmissionStatus.Assigned, submission.Status);
        var judgement = Assert.Single(submission.Judgements);
        Assert.Equal((11, true, "Clear target", Now), (judgement.CriterionId, judgement.Met == true, judgement.Comment, judgement.RecordedAt));
    }

    [Fact]
    public void Judge_OnceAssessed_EverySaveMustStayComplete()
    {
        var submission = WithStatus(SubmissionStatus.Assessed);

        var failure = submission.Judge(Judged(true, null, AssessmentOutcome.NotPassed), Criteria, Assessor, complete: false, Now);

        Assert.Equal([AssessmentInput.MetField(1)], failure!.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Judge_TooLongAComment_IsRefusedEvenWhenSavingForLater()
    {
        var submission = WithStatus(SubmissionStatus.Assigned);
        var input = new AssessmentInput([new JudgementInput(12, null, new string('x', Submission.CommentMaxLength + 1))], null, null);

        var failure = submission.Judge(input, Criteria, Assessor, complete: false, Now);

        Assert.Equal([new FieldError(AssessmentInput.CommentField(1), "The comment on criterion 1.2 must be 4,000 characters or fewer")], failure!.Errors);
    }

    [Fact]
    public void Judge_AfterRelease_IsRefused_AndByAnotherAssessor_IsForbidden()
    {
        var released = WithStatus(SubmissionStatus.Released);
        var theirs = WithStatus(SubmissionStatus.Assigned, assessor: "someone-else");

        Assert.Equal(Submission.AssessmentClosed, released.Judge(Judged(true, true, AssessmentOutcome.Passed), Criteria, Assessor, true, Now)?.Message);
        Assert.Equal(FailureKind.Forbidden, theirs.Judge(Judged(true, true, AssessmentOutcome.Passed), Criteria, Assessor, true, Now)?.Kind);
    }

    [Fact]
    public void Judge_WithoutCriteria_CannotBeCompleted()
    {
        var submission = WithStatus(SubmissionStatus.Assigned);

        var failure = submission.Judge(new AssessmentInput([], AssessmentOutcome.Passed, "Fine."), [], Assessor, complete: true, Now);

        Assert.Equal(FailureKind.Refused, failure?.Kind);
        Assert.Equal(SubmissionStatus.Assigned, submission.Status);
    }

    [Fact]
    public void Release_OnlyAnAssessedSubmission_Once()
    {
        var submission = WithStatus(SubmissionStatus.Assessed);
        var assigned = WithStatus(SubmissionStatus.Assigned);

        Assert.Null(submission.Release("team-1", Now));
        Assert.Equal((SubmissionStatus.Released, Now, "team-1"), (submission.Status, submission.ReleasedAt!.Value, submission.ReleasedById));
        var again = submission.Release("team-1", Now)!;
        Assert.Equal((FailureKind.Conflict, Submission.ReleasedAlready), (again.Kind, again.Message));
        Assert.Equal(FailureKind.Refused, assigned.Release("team-1", Now)?.Kind);
    }

    [Fact]
    public void AssignTo_AnAssessorFromTheList_UntilItIsAssessed()
    {
        var submitted = WithStatus(SubmissionStatus.Submitted, assessor: null);
        var assessed = WithStatus(SubmissionStatus.Assessed);
        string[] assessors = ["assessor-1", "assessor-2"];

        Assert.Equal("Choose an assessor", submitted.AssignTo(new AssignmentInput(""), assessors, Now)?.Message);
        Assert.Equal([nameof(AssignmentInput.AssessorId)], submitted.AssignTo(new AssignmentInput("nobody"), assessors, Now)!.Errors.Select(e => e.Field));
        Assert.Null(submitted.AssignTo(new AssignmentInput("assessor-2"), assessors, Now));
        Assert.Equal((SubmissionStatus.Assigned, "assessor-2", Now), (submitted.Status, submitted.AssessorId, submitted.AssignedAt!.Value));
        Assert.Null(submitted.AssignTo(new AssignmentInput("assessor-1"), assessors, Now));
        Assert.Equal(Submission.AssessedAlready, assessed.AssignTo(new AssignmentInput("assessor-2"), assessors, Now)?.Message);
        Assert.Equal(Assessor, assessed.AssessorId);
    }
}
