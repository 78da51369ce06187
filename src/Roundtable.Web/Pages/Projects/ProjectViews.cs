using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Projects;

// ShowFix: the delegate's own pages link each unmet requirement to where it is put right.
public sealed record RequirementsPanelView(int Project, IReadOnlyList<RequirementResult> Results, string Heading, string? Note = null, bool ShowFix = true);

// Formatting shared by every page that shows NPQH projects (delegate, team, tutor, assessor).
public static class ProjectViews
{
    public const string NotNpqhMessage =
        "Projects are part of the NPQH (National Professional Qualification for Headship). You are not on an NPQH cohort, so you have no projects to keep here. If you think this is wrong, contact your programme team.";

    public static string Status(SubmissionStatus status) => EnumText.Display(status);

    // Delegates are not told that an assessment is finished until the programme team releases it.
    public static string StatusForDelegate(SubmissionSummary? latest) => latest switch
    {
        null => "Not started",
        { Status: SubmissionStatus.Draft, Version: 1 } => "Draft",
        { Status: SubmissionStatus.Draft } => $"Draft resubmission (version {latest.Version})",
        { Status: SubmissionStatus.Submitted } => "Submitted",
        { Status: SubmissionStatus.Assigned or SubmissionStatus.Assessed } => "Being assessed",
        { Outcome: { } outcome } => "Outcome: " + EnumText.Display(outcome),
        _ => "Outcome released",
    };

    public static string StatusForStaff(SubmissionSummary? latest) => latest switch
    {
        null => "Not started",
        { Status: SubmissionStatus.Released, Outcome: { } outcome } => $"Released: {EnumText.Display(outcome)}",
        { Status: SubmissionStatus.Assessed, Outcome: { } outcome } => $"Assessed: {EnumText.Display(outcome)}, not released",
        _ => EnumText.Display(latest.Status) + (latest.Version > 1 ? $" (version {latest.Version})" : ""),
    };

    public static string StatusTagClass(SubmissionStatus? status, AssessmentOutcome? outcome) => (status, outcome) switch
    {
        (null or SubmissionStatus.Draft, _) => "govuk-tag govuk-tag--grey",
        (SubmissionStatus.Released, AssessmentOutcome.Passed) => "govuk-tag govuk-tag--green",
        (SubmissionStatus.Released, _) => "govuk-tag govuk-tag--red",
        _ => "govuk-tag govuk-tag--blue",
    };

    public static IReadOnlyList<string> Paragraphs(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // A submitted version as staff read it, with its documents' download links.
    // caseStudyLimit: a case-study response's limit is its case study's.
    public static AccountView Account(Submission s, IReadOnlyList<AccountDocument> documents, string downloadUrl, int? caseStudyLimit = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Project, s.Sections, s.Annexes, s.Words, documents, downloadUrl, s.HasAccountFile, caseStudyLimit);
    }
}

public sealed record TextFieldView(string Key, string Label, string? Hint, string? Value, int Rows = 5, bool Input = false, string? Width = null);

// A submitted account as staff read it; DownloadUrl is followed by the document id.
// When the account was uploaded as a file, the page's AccountFile handler serves it.
public sealed record AccountView(int Project, IReadOnlyList<string> Sections, string Annexes, int Words, IReadOnlyList<AccountDocument> Documents, string DownloadUrl, bool HasAccountFile = false, int? CaseStudyLimit = null)
{
    public int WordLimit => CaseStudyLimit ?? ProjectNumbers.WordLimit(Project);

    public string AccountFileUrl => DownloadUrl[..DownloadUrl.IndexOf("?handler=", StringComparison.Ordinal)] + "?handler=AccountFile";
}
