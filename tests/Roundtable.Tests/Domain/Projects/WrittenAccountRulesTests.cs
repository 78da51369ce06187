using Microsoft.AspNetCore.Http;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Files;
using Roundtable.Web.Projects;

namespace Roundtable.Tests.Domain.Projects;

// Editing, attaching, submitting and resubmitting a written account, without a host.
public class WrittenAccountRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    private static Submission Draft(int project = ProjectNumbers.Placement)
    {
        var submission = Submission.Start(1, project, 1, Now.AddDays(-1));
        submission.SetText(["Placement.", "Plan.", "Board."], "", Now.AddDays(-1));
        return submission;
    }

    private static AccountInput Posted(Submission s, params string?[] sections) => new(s.Version, s.ConcurrencyStamp, sections, null, []);

    private static RequirementResult Met(string key) => new(key, key, true, "Fine.");

    private static FormFile File(string name, int bytes) => new FormFile(new MemoryStream(new byte[bytes]), 0, bytes, "Upload", name);

    [Fact]
    public void CheckEditable_AStaleFormOrASubmittedVersion_IsAConflict()
    {
        var draft = Draft();
        var submitted = Draft();
        submitted.Status = SubmissionStatus.Submitted;

        Assert.Null(Submission.CheckEditable(null, 1, null));
        Assert.Equal(Submission.ChangedElsewhere, Submission.CheckEditable(null, 2, null)?.Message);
        Assert.Null(Submission.CheckEditable(draft, 1, draft.ConcurrencyStamp));
        Assert.Equal(Submission.ChangedElsewhere, Submission.CheckEditable(draft, 1, Guid.NewGuid())?.Message);
        Assert.Equal(Submission.ChangedElsewhere, Submission.CheckEditable(draft, 2, draft.ConcurrencyStamp)?.Message);
        var stale = Submission.CheckEditable(submitted, 1, submitted.ConcurrencyStamp)!;
        Assert.Equal((FailureKind.Conflict, Submission.AlreadySubmitted), (stale.Kind, stale.Message));
    }

    [Fact]
    public void Edit_ATooLongSection_IsRefusedBesideIt_AndNothingChanges()
    {
        var draft = Draft();

        var failure = draft.Edit(Posted(draft, "Short.", new string('a', Submission.SectionMaxLength + 1), ""), [], Now);

        Assert.Equal([new FieldError("Sections[1]", "The action plan section must be 60,000 characters or fewer")], failure!.Errors);
        Assert.Equal("Plan.", draft.Section2);
    }

    [Fact]
    public void Edit_MapsDocumentsOnlyToThisProjectsCriteria_AndCountsTheWords()
    {
        var draft = Draft();
        draft.Documents = [new SubmissionDocument { Id = 5, Criteria = [new DocumentCriterion { CriterionId = 21 }] }];
        var input = new AccountInput(1, draft.ConcurrencyStamp, ["Two words", "three more words", null], "annex", [new DocumentCriteriaInput(5, [22, 99])]);

        Assert.Null(draft.Edit(input, [21, 22], Now));

        Assert.Equal([22], draft.Documents[0].Criteria.Select(c => c.CriterionId));
        Assert.Equal((5, "", Now), (draft.Words, draft.Section3, draft.UpdatedAt));
    }

    [Fact]
    public void Submit_WithAnEmptySectionAndUnmetRequirements_ExplainsEachAndStaysADraft()
    {
        var draft = Draft();
        draft.SetText(["Placement.", " ", "Board."], "", Now);
        RequirementResult[] requirements =
        [
            new(RequirementKeys.PlacementDays, "Placement of at least 9 working days", false, "7 working days logged; 9 needed."),
            Met(RequirementKeys.PlacementBoard),
            new(RequirementKeys.AccountWords, "Written account within 2,500 words", false, "2,601 words."),
        ];

        var failure = draft.Submit(requirements, Now);

        Assert.Equal(
        [
            new FieldError("Sections[1]", "Write the action plan section before you submit"),
            new FieldError(FieldError.General, "Not met: Placement of at least 9 working days. 7 working days logged; 9 needed."),
            new FieldError(nameof(AccountInput.Sections), "Not met: Written account within 2,500 words. 2,601 words."),
            new FieldError(FieldError.General, Submission.NotSubmitted),
        ], failure!.Errors);
        Assert.Equal((SubmissionStatus.Draft, (DateTime?)null), (draft.Status, draft.SubmittedAt));
    }

    [Fact]
    public void Submit_WhenEverythingIsMet_SubmitsOnce()
    {
        var draft = Draft();
        RequirementResult[] met = [Met(RequirementKeys.PlacementDays), Met(RequirementKeys.PlacementBoard), Met(RequirementKeys.AccountWords)];

        Assert.Null(draft.Submit(met, Now));
        Assert.Equal((SubmissionStatus.Submitted, Now), (draft.Status, draft.SubmittedAt!.Value));
        Assert.Equal(Submission.AlreadySubmitted, draft.Submit(met, Now)?.Message);
    }

    [Fact]
    public void CheckAttachment_NeedsAnAllowedFile_RoomForIt_AndItsCriteria()
    {
        var draft = Draft();
        var full = Draft();
        full.Documents = [.. Enumerable.Range(1, Submission.MaxDocuments).Select(i => new SubmissionDocument { Id = i })];

        Assert.Equal("Select a file to upload", draft.CheckAttachment(new AttachmentInput(null, [21]), [21])?.Message);
        Assert.StartsWith("The selected file must be a PDF", draft.CheckAttachment(new AttachmentInput(File("tool.exe", 3), [21]), [21])?.Message, StringComparison.Ordinal);
        Assert.Equal([new FieldError(nameof(AttachmentInput.UploadCriterionIds), "Select the criteria this document evidences")],
            draft.CheckAttachment(new AttachmentInput(File("notes.pdf", 3), [99]), [21])!.Errors);
        Assert.Null(draft.CheckAttachment(new AttachmentInput(File("notes.pdf", 3), []), []));
        Assert.Equal("You can attach at most 20 documents. Remove one to add another", full.CheckAttachment(new AttachmentInput(File("notes.pdf", 3), [21]), [21])?.Message);
    }

    [Fact]
    public void Attach_AndRemove_ADocumentOfTheDraft()
    {
        var draft = Draft();
        var file = new StoredFile { Id = Guid.NewGuid(), FileName = "minutes.pdf" };

        var document = draft.Attach(file, [21, 21, 22], Now);
        document.Id = 8;

        Assert.Equal([21, 22], document.Criteria.Select(c => c.CriterionId));
        Assert.Equal(FailureKind.NotFound, draft.RemoveDocument(9, Now).Failure?.Kind);
        Assert.Same(document, draft.RemoveDocument(8, Now).Value);
        Assert.Empty(draft.Documents);
    }

    [Fact]
    public void StartResubmission_OnlyAfterAReleasedOutcomeThatDidNotPass()
    {
        var released = Draft();
        released.Status = SubmissionStatus.Released;
        released.Outcome = AssessmentOutcome.NotPassed;
        var passed = Draft();
        passed.Status = SubmissionStatus.Released;
        passed.Outcome = AssessmentOutcome.Passed;

        var next = released.StartResubmission(Now);

        Assert.Equal((2, SubmissionStatus.Draft), (next.Value!.Version, next.Value.Status));
        Assert.Equal(FailureKind.Refused, passed.StartResubmission(Now).Failure?.Kind);
        Assert.Equal(FailureKind.Conflict, next.Value.StartResubmission(Now).Failure?.Kind);
    }
}
