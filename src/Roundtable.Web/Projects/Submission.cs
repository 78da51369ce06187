using System.ComponentModel.DataAnnotations;
using System.Text.Json;
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

// Which NPQH Final Assessment Submission Form the delegate uses: the standard one, or the Masters
// variant for delegates also working towards Masters credit (seed 003); assessors see which.
public enum SubmissionForm
{
    Standard,
    [System.ComponentModel.DataAnnotations.Display(Name = "Masters")] Masters,
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

    private static readonly AccountSection[] CaseStudy =
    [
        new("Response", "Your answer to the case study's question."),
    ];

    public static IReadOnlyList<AccountSection> For(int project) => project switch
    {
        ProjectNumbers.Change => Project1,
        ProjectNumbers.CaseStudy => CaseStudy,
        _ => Project2,
    };
}

// What the delegate's form posts: the version (and its stamp) it was read from, the sections, the
// annexes, and the criteria each attached document evidences.
// Form: "Standard" or "Masters" (empty keeps the form already chosen).
public sealed record AccountInput(int Version, Guid? Stamp, IReadOnlyList<string?> Sections, string? Annexes, IReadOnlyList<DocumentCriteriaInput> Documents,
    string? Form = null)
{
    public static string SectionField(int index) => $"{nameof(Sections)}[{index}]";
}

public sealed record DocumentCriteriaInput(int Id, IReadOnlyList<int> CriterionIds);

// A document to attach and the criteria it evidences.
public sealed record AttachmentInput(IFormFile? Upload, IReadOnlyList<int> UploadCriterionIds);

// One version of a delegate's written account for one project, and its assessment. A resubmission
// is a new version; earlier versions and their outcomes are kept.
public partial class Submission
{
    public const int SectionMaxLength = 60_000;
    public const int MaxDocuments = 20;
    public const int CommentMaxLength = 4000;
    public const int ExcludedMaxLength = 8000;
    public const int MaxExcludedParts = 40;

    public const string ChangedElsewhere =
        "This account was changed in another window at the same moment. What you typed is below: saving again will replace the other window's changes.";
    public const string AlreadySubmitted = "This account has already been submitted. Nothing was changed.";
    public const string NotSubmitted = "Your account has not been submitted. It has been saved as a draft.";

    public int Id { get; set; }
    public int ParticipantId { get; set; }
    public Participant Participant { get; set; } = null!;
    public int Project { get; set; }
    // A case-study response: the case study (and window) it answers; one per delegate per case study.
    public int? CaseStudyId { get; set; }
    public CaseStudy? CaseStudy { get; set; }
    public int Version { get; set; }
    public SubmissionStatus Status { get; set; }
    public string Section1 { get; set; } = "";
    public string Section2 { get; set; } = "";
    public string Section3 { get; set; } = "";
    public string Annexes { get; set; } = "";
    public int Words { get; set; }
    // The account uploaded as a .docx or .pdf instead of typed: its file, its counted words and what
    // the count left out (JSON, ExcludedPart's). While there is one, it is the account and its words count.
    public Guid? AccountFileId { get; set; }
    public StoredFile? AccountFile { get; set; }
    public int AccountFileWords { get; set; }
    public string AccountExcluded { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public SubmissionForm Form { get; set; }
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

    public bool HasAccountFile => AccountFileId is not null;

    public IReadOnlyList<ExcludedPart> ExcludedParts =>
        string.IsNullOrEmpty(AccountExcluded) ? [] : JsonSerializer.Deserialize<List<ExcludedPart>>(AccountExcluded) ?? [];

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

    // Whether a form read from the given version and stamp may change the latest version (null when
    // the delegate has none yet, so the form must be for version 1).
    public static Failure? CheckEditable(Submission? latest, int version, Guid? stamp)
    {
        if (latest is null)
        {
            return version == 1 ? null : Failure.Conflict(ChangedElsewhere);
        }
        if (latest.Version != version || !latest.IsEditable)
        {
            return Failure.Conflict(latest.Version == version ? AlreadySubmitted : ChangedElsewhere);
        }
        return stamp == latest.ConcurrencyStamp ? null : Failure.Conflict(ChangedElsewhere);
    }

    // Takes the posted text and each document's criteria (only criteria of this project count).
    public Failure? Edit(AccountInput input, IReadOnlyCollection<int> criterionIds, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(criterionIds);
        if (!IsEditable)
        {
            return Failure.Conflict(AlreadySubmitted);
        }
        var errors = new FieldErrors();
        var sections = Enumerable.Range(0, AccountSections.Count).Select(i => i < input.Sections.Count ? input.Sections[i] ?? "" : "").ToList();
        var titles = AccountSections.For(Project);
        for (var i = 0; i < sections.Count; i++)
        {
            if (sections[i].Length > SectionMaxLength)
            {
                errors.Add(AccountInput.SectionField(i), $"The {titles[i].Title.ToLowerInvariant()} section must be {UkFormat.Number(SectionMaxLength)} characters or fewer");
            }
        }
        if ((input.Annexes?.Length ?? 0) > SectionMaxLength)
        {
            errors.Add(nameof(AccountInput.Annexes), $"The annexes must be {UkFormat.Number(SectionMaxLength)} characters or fewer");
        }
        var form = Form;
        if (!string.IsNullOrEmpty(input.Form))
        {
            if (Enum.TryParse<SubmissionForm>(input.Form, ignoreCase: true, out var f) && Enum.IsDefined(f) && !int.TryParse(input.Form, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                form = f;
            }
            else
            {
                errors.Add(nameof(AccountInput.Form), "Choose the standard submission form or the Masters one");
            }
        }
        if (errors.ToFailure() is { } failure)
        {
            return failure;
        }
        Form = form;
        foreach (var document in Documents)
        {
            if (input.Documents.FirstOrDefault(d => d.Id == document.Id) is not { } posted)
            {
                continue;
            }
            var wanted = posted.CriterionIds.Where(criterionIds.Contains).ToHashSet();
            document.Criteria.RemoveAll(c => !wanted.Contains(c.CriterionId));
            foreach (var id in wanted.Where(id => document.Criteria.TrueForAll(c => c.CriterionId != id)))
            {
                document.Criteria.Add(new DocumentCriterion { CriterionId = id });
            }
        }
        SetText([.. sections], input.Annexes, now);
        return null;
    }

    public void SetText(IReadOnlyList<string?> sections, string? annexes, DateTime now)
    {
        Section1 = sections.Count > 0 ? sections[0] ?? "" : "";
        Section2 = sections.Count > 1 ? sections[1] ?? "" : "";
        Section3 = sections.Count > 2 ? sections[2] ?? "" : "";
        Annexes = annexes ?? "";
        Words = HasAccountFile ? AccountFileWords : WordCount.CountSections(Sections);
        Touch(now);
    }

    // The uploaded file becomes the account; returns the file it replaces, if any.
    public Result<Guid?> UseAccountFile(StoredFile file, DocumentCount count, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(count);
        if (!IsEditable)
        {
            return Failure.Conflict(AlreadySubmitted);
        }
        var replaced = AccountFileId;
        AccountFileId = file.Id;
        AccountFileWords = count.Words;
        var excluded = JsonSerializer.Serialize(count.Excluded.Take(MaxExcludedParts)
            .Select(e => e with { Heading = e.Heading.Length > 100 ? e.Heading[..100] + "…" : e.Heading }).ToList());
        AccountExcluded = excluded.Length <= ExcludedMaxLength ? excluded : "[]";
        Words = count.Words;
        Touch(now);
        return replaced;
    }

    // Back to the typed sections; returns the file that was the account.
    public Result<Guid> RemoveAccountFile(DateTime now)
    {
        if (!IsEditable || AccountFileId is not { } fileId)
        {
            return Failure.NotFound("There is no uploaded account on your draft.");
        }
        AccountFileId = null;
        AccountFileWords = 0;
        AccountExcluded = "";
        Words = WordCount.CountSections(Sections);
        Touch(now);
        return fileId;
    }

    public void Touch(DateTime now)
    {
        UpdatedAt = now;
        ConcurrencyStamp = Guid.NewGuid();
    }

    // A file the delegate may attach, mapped to at least one criterion when the project has criteria.
    public Failure? CheckAttachment(AttachmentInput input, IReadOnlyCollection<int> criterionIds)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(criterionIds);
        if (!IsEditable)
        {
            return Failure.Conflict(AlreadySubmitted);
        }
        var errors = new FieldErrors();
        if (input.Upload is null)
        {
            errors.Add(nameof(AttachmentInput.Upload), "Select a file to upload");
        }
        else if (FileRules.Check(input.Upload.FileName, input.Upload.Length) is { Ok: false } check)
        {
            errors.Add(nameof(AttachmentInput.Upload), check.Error!);
        }
        else if (Documents.Count >= MaxDocuments)
        {
            errors.Add(nameof(AttachmentInput.Upload), $"You can attach at most {MaxDocuments} documents. Remove one to add another");
        }
        if (criterionIds.Count > 0 && !input.UploadCriterionIds.Any(criterionIds.Contains))
        {
            errors.Add(nameof(AttachmentInput.UploadCriterionIds), "Select the criteria this document evidences");
        }
        return errors.ToFailure();
    }

    public SubmissionDocument Attach(StoredFile file, IEnumerable<int> criterionIds, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(file);
        var document = new SubmissionDocument
        {
            FileId = file.Id,
            AddedAt = now,
            Criteria = criterionIds.Distinct().Select(id => new DocumentCriterion { CriterionId = id }).ToList(),
        };
        Documents.Add(document);
        Touch(now);
        return document;
    }

    public Result<SubmissionDocument> RemoveDocument(int documentId, DateTime now)
    {
        var document = IsEditable ? Documents.FirstOrDefault(d => d.Id == documentId) : null;
        if (document is null)
        {
            return Failure.NotFound("There is no such document on your draft.");
        }
        Documents.Remove(document);
        Touch(now);
        return document;
    }

    // Sent for assessment only when the account is uploaded or every section written, and every
    // requirement is met (or overridden); each one missing is named.
    public Failure? Submit(IReadOnlyList<RequirementResult> requirements, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        if (!IsEditable)
        {
            return Failure.Conflict(AlreadySubmitted);
        }
        var errors = new FieldErrors();
        var titles = AccountSections.For(Project);
        for (var i = 0; i < AccountSections.Count && !HasAccountFile; i++)
        {
            if (string.IsNullOrWhiteSpace(Sections[i]))
            {
                errors.Add(AccountInput.SectionField(i), $"Write the {titles[i].Title.ToLowerInvariant()} section before you submit");
            }
        }
        foreach (var unmet in requirements.Where(r => !r.Met))
        {
            // The word limit is about the sections together; the other requirements about the project's records.
            errors.Add(unmet.Key == RequirementKeys.AccountWords ? nameof(AccountInput.Sections) : FieldError.General, $"Not met: {unmet.Name}. {unmet.Detail}");
        }
        if (errors.Any)
        {
            return errors.Add(FieldError.General, NotSubmitted).ToFailure();
        }
        Status = SubmissionStatus.Submitted;
        SubmittedAt = now;
        Touch(now);
        return null;
    }

    // A case-study response goes in when written (or uploaded) and within the window's word limit.
    public Failure? SubmitResponse(int wordLimit, DateTime now)
    {
        if (!IsEditable)
        {
            return Failure.Conflict(AlreadySubmitted);
        }
        if (!HasAccountFile && string.IsNullOrWhiteSpace(Section1))
        {
            return Failure.Invalid(AccountInput.SectionField(0), "Write your response, or upload it, before you submit");
        }
        if (Words > wordLimit)
        {
            return Failure.Invalid(AccountInput.SectionField(0),
                $"Your response is {UkFormat.Number(Words)} words: the limit is {UkFormat.Number(wordLimit)}. Shorten it before you submit");
        }
        Status = SubmissionStatus.Submitted;
        SubmittedAt = now;
        Touch(now);
        return null;
    }

    // After an outcome that did not pass: the next version, from this one's text and documents.
    public Result<Submission> StartResubmission(DateTime now)
    {
        if (CanResubmit)
        {
            return Resubmission(now);
        }
        return IsEditable
            ? Failure.Conflict("Your resubmission has already been started.")
            : Failure.Refused("Only an outcome that did not pass can be resubmitted, once it has been released.");
    }

    // The next version starts from the text and documents of this one.
    public Submission Resubmission(DateTime now)
    {
        var next = Start(ParticipantId, Project, Version + 1, now);
        next.AccountFileId = AccountFileId;
        next.AccountFileWords = AccountFileWords;
        next.AccountExcluded = AccountExcluded;
        next.Form = Form;
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
