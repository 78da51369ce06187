using Roundtable.Web.Projects;

namespace Roundtable.Tests.Domain.Projects;

public class ProjectRecordsTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2026/27", true)]
    [InlineData("2099/00", true)]
    [InlineData("2026/28", false)]
    [InlineData("2026-27", false)]
    [InlineData("26/27", false)]
    [InlineData(null, false)]
    public void AcademicYear_IsTheStartYearAndTheNextOnesLastTwoDigits(string? text, bool valid) =>
        Assert.Equal(valid, SchoolTerm.IsValidAcademicYear(text));

    [Fact]
    public void BudgetYear_IsNamedLikeASchoolYear() => Assert.Equal("2029/30", BudgetLine.YearName(2029));

    [Fact]
    public void Submission_CountsTheSectionsNotTheAnnexes_AndEverySaveChangesTheStamp()
    {
        var submission = Submission.Start(1, ProjectNumbers.Change, 1, Now);
        var first = submission.ConcurrencyStamp;

        submission.SetText(["Design: a well-being plan.", "Year 6 read 2,500 books.", ""], string.Join(' ', Enumerable.Repeat("annex", 500)), Now);

        Assert.Equal(9, submission.Words);
        Assert.NotEqual(first, submission.ConcurrencyStamp);
        Assert.True(submission.IsEditable);
    }

    [Fact]
    public void Resubmission_IsTheNextVersion_StartingFromTheTextAndDocuments()
    {
        var released = Submission.Start(7, ProjectNumbers.Placement, 2, Now);
        released.SetText(["One", "Two words", "Three more words"], "Annex", Now);
        released.Status = SubmissionStatus.Released;
        released.Outcome = AssessmentOutcome.NotPassed;
        released.Documents = [new SubmissionDocument { FileId = Guid.NewGuid(), Criteria = [new DocumentCriterion { CriterionId = 3 }] }];

        var next = released.Resubmission(Now.AddDays(1));

        Assert.True(released.CanResubmit);
        Assert.Equal((7, ProjectNumbers.Placement, 3, SubmissionStatus.Draft), (next.ParticipantId, next.Project, next.Version, next.Status));
        Assert.Equal(released.Sections, next.Sections);
        Assert.Equal(("Annex", 6), (next.Annexes, next.Words));
        var document = Assert.Single(next.Documents);
        Assert.Equal(released.Documents[0].FileId, document.FileId);
        Assert.Equal([3], document.Criteria.Select(c => c.CriterionId));
    }

    [Fact]
    public void OnlyANotPassedReleasedOutcome_OpensAResubmission()
    {
        var passed = Submission.Start(1, 1, 1, Now);
        passed.Status = SubmissionStatus.Released;
        passed.Outcome = AssessmentOutcome.Passed;
        var assessed = Submission.Start(1, 1, 1, Now);
        assessed.Status = SubmissionStatus.Assessed;
        assessed.Outcome = AssessmentOutcome.NotPassed;

        Assert.False(passed.CanResubmit);
        Assert.False(assessed.CanResubmit);
    }
}
