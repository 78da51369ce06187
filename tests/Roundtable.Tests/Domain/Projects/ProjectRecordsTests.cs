using Roundtable.Web.Projects;

namespace Roundtable.Tests.Domain.Projects;

public class ProjectRecordsTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("1250", 125000)]
    [InlineData("£1,250.50", 125050)]
    [InlineData(" -2,000 ", -200000)]
    [InlineData("−£300", -30000)]
    [InlineData("0.5", 50)]
    public void Money_ParsesPounds(string text, long pence)
    {
        Assert.True(Money.TryParsePence(text, out var parsed));
        Assert.Equal(pence, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12.345")]
    [InlineData("twelve")]
    [InlineData("1e6")]
    [InlineData("100000001")]
    public void Money_RefusesWhatIsNotAnAmount(string text) => Assert.False(Money.TryParsePence(text, out _));

    [Fact]
    public void Money_FormatsInPoundsWithATrueMinus()
    {
        Assert.Equal("£14,500.00", Money.Format(14_500_00));
        Assert.Equal("−£0.05", Money.Format(-5));
    }

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
