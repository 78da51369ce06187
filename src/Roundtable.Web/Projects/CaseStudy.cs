using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Roundtable.Web.Infrastructure.Files;
using Roundtable.Web.People;

namespace Roundtable.Web.Projects;

// How a programme's delegates are assessed: the 2017 NPQH projects, or the reformed NPQs' one
// written response to a case study in a timed window.
public enum AssessmentRegime
{
    [Display(Name = "The 2017 projects")] Projects,
    [Display(Name = "Case-study assessment")] CaseStudy,
}

public static class AssessmentRegimes
{
    // As the API names them.
    public static string Key(AssessmentRegime regime) => regime == AssessmentRegime.CaseStudy ? "case-study" : "projects";
}

// As typed on the team's form: dates as yyyy-mm-dd, times as HH:mm (UK time), numbers as text.
public sealed record CaseStudyInput(
    string? Title, string? Question, IFormFile? Upload, string? CohortId,
    string? OpensOn, string? OpensAtTime, string? ClosesOn, string? ClosesAtTime, string? WordLimit, string? AttendanceThreshold);

public sealed record CaseStudyFields(
    string Title, string Question, int CohortId, DateTime OpensAt, DateTime ClosesAt, int WordLimit, int AttendanceThreshold);

public sealed record AdjustmentInput(string? Eligible, string? ClosesOn, string? ClosesAtTime, string? Reason);

// A case study the programme team published to one cohort, with its assessment window. Each
// eligible delegate writes one response (a Submission with Project = ProjectNumbers.CaseStudy),
// assessed on the same workflow as the projects. A resubmission is a response in a later window.
public class CaseStudy
{
    public const int TitleMaxLength = 200;
    public const int QuestionMaxLength = 4000;
    public const int DefaultWordLimit = 1500;
    public const int MinWordLimit = 1500;
    public const int MaxWordLimit = 2500;
    public const int DefaultAttendanceThreshold = 90;
    public const int WindowDays = 8;
    public static readonly TimeOnly DefaultOpensAt = new(9, 0);
    public static readonly TimeOnly DefaultClosesAt = new(17, 0);

    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort Cohort { get; set; } = null!;
    public string Title { get; set; } = "";
    public string Question { get; set; } = "";
    public Guid FileId { get; set; }
    public StoredFile File { get; set; } = null!;
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
    public int WordLimit { get; set; }
    // Per cent of the held community sessions of the delegate's group, up to the window's opening.
    public int AttendanceThreshold { get; set; }
    public DateTime PublishedAt { get; set; }
    public string PublishedById { get; set; } = "";
    public List<CaseStudyAdjustment> Adjustments { get; set; } = [];

    public bool IsOpenToView(DateTime now) => now >= OpensAt;

    // A delegate's own close: the window's, or the extension the team granted them.
    public DateTime ClosesAtFor(CaseStudyAdjustment? adjustment) =>
        adjustment?.ExtendedUntil is { } extended && extended > ClosesAt ? extended : ClosesAt;

    // The default window: opening at 09:00 tomorrow, closing at 17:00 on its eighth day.
    public static (DateOnly Opens, DateOnly Closes) DefaultDays(DateOnly today) => (today.AddDays(1), today.AddDays(WindowDays));

    public static Result<CaseStudyFields> Read(CaseStudyInput input, IReadOnlyCollection<int> cohortIds, bool fileRequired = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var title = errors.Text(input.Title, nameof(input.Title), "a title", TitleMaxLength, required: true);
        var question = errors.Text(input.Question, nameof(input.Question), "the question", QuestionMaxLength, required: true);
        if (fileRequired && input.Upload is null)
        {
            errors.Add(nameof(input.Upload), "Select the case study's document");
        }
        else if (input.Upload is not null && FileRules.Check(input.Upload.FileName, input.Upload.Length) is { Ok: false } check)
        {
            errors.Add(nameof(input.Upload), check.Error!);
        }
        if (!int.TryParse(input.CohortId, NumberStyles.None, CultureInfo.InvariantCulture, out var cohortId) || !cohortIds.Contains(cohortId))
        {
            errors.Add(nameof(input.CohortId), "Choose the cohort on a case-study programme");
        }
        var opens = Instant(errors, input.OpensOn, input.OpensAtTime, nameof(input.OpensOn), nameof(input.OpensAtTime), "opens");
        var closes = Instant(errors, input.ClosesOn, input.ClosesAtTime, nameof(input.ClosesOn), nameof(input.ClosesAtTime), "closes");
        if (opens is not null && closes is not null && closes <= opens)
        {
            errors.Add(nameof(input.ClosesOn), "The window must close after it opens");
        }
        var wordLimit = Whole(errors, input.WordLimit, nameof(input.WordLimit), DefaultWordLimit, MinWordLimit, MaxWordLimit,
            $"The word limit must be a whole number from {UkFormat.Number(MinWordLimit)} to {UkFormat.Number(MaxWordLimit)}");
        var threshold = Whole(errors, input.AttendanceThreshold, nameof(input.AttendanceThreshold), DefaultAttendanceThreshold, 0, 100,
            "The attendance threshold must be a whole number of per cent from 0 to 100");
        return errors.ToFailure() is { } failure
            ? failure
            : new CaseStudyFields(title!, question!, cohortId, opens!.Value, closes!.Value, wordLimit, threshold);
    }

    // A UK date and clock time as UTC; the hour skipped when the clocks go forward is refused.
    public static DateTime? Instant(FieldErrors errors, string? day, string? clock, string dayField, string timeField, string what)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!UkFormat.TryParseIsoDate(day?.Trim(), out var date))
        {
            errors.Add(dayField, $"Enter the date the window {what}, a real date");
            return null;
        }
        if (!TimeOnly.TryParseExact(clock?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            errors.Add(timeField, $"Enter the time the window {what} as hours and minutes, like 09:00");
            return null;
        }
        if (!LondonTime.TryToUtc(date.ToDateTime(at), out var utc))
        {
            errors.Add(timeField, "That time does not exist in the UK: the clocks go forward then");
            return null;
        }
        return utc;
    }

    private static int Whole(FieldErrors errors, string? text, string field, int fallback, int min, int max, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (int.TryParse(text.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        errors.Add(field, message);
        return fallback;
    }

    public static CaseStudy Publish(CaseStudyFields fields, StoredFile file, string byId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(file);
        return new()
        {
            CohortId = fields.CohortId,
            Title = fields.Title,
            Question = fields.Question,
            FileId = file.Id,
            File = file,
            OpensAt = fields.OpensAt,
            ClosesAt = fields.ClosesAt,
            WordLimit = fields.WordLimit,
            AttendanceThreshold = fields.AttendanceThreshold,
            PublishedAt = now,
            PublishedById = byId,
        };
    }

    public const string NotOpenYet = "This case study's window has not opened yet.";

    // Whether the delegate may save or submit their response now.
    public Failure? CheckWindow(Eligibility eligibility, CaseStudyAdjustment? adjustment, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(eligibility);
        if (now < OpensAt)
        {
            return Failure.NotFound(NotOpenYet);
        }
        if (!eligibility.Eligible)
        {
            return Failure.Forbidden($"You are not eligible to respond to this case study: {eligibility.Reason}");
        }
        var closes = ClosesAtFor(adjustment);
        if (now >= closes)
        {
            return Failure.Refused($"The window closed at {UkFormat.DateTime(closes)}, so your response cannot be saved or submitted now. " +
                "If something kept you from submitting, ask the programme team for an extension.");
        }
        return null;
    }
}

// Whether a delegate may respond, and why (shown to them when they may not).
public sealed record Eligibility(bool Eligible, string Reason, int Present, int Held, bool Overridden)
{
    // Present / held sessions of the delegate's group up to the window's opening, against the threshold.
    public static Eligibility FromAttendance(int present, int held, int thresholdPercent, CaseStudyAdjustment? adjustment)
    {
        var attendance = held == 0
            ? "no community sessions of your group had been held"
            : $"you attended {present} of your group's {UkFormat.Plural(held, "held community session", "held community sessions")} ({Percent(present, held)} %) against the {thresholdPercent} % needed";
        if (adjustment?.EligibleOverride is { } overridden)
        {
            return new(overridden, $"the programme team decided: {adjustment.EligibilityReason}", present, held, true);
        }
        var eligible = held == 0 || present * 100 >= thresholdPercent * held;
        return new(eligible, attendance, present, held, false);
    }

    public static int Percent(int present, int held) => held == 0 ? 100 : (int)Math.Floor(present * 100.0 / held);
}

// The team's decisions about one delegate and one case study: eligibility overridden (with the
// reason), and an extension of their window (a later close, with the reason). Audited.
public class CaseStudyAdjustment
{
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }
    public int CaseStudyId { get; set; }
    public int ParticipantId { get; set; }
    public Participant Participant { get; set; } = null!;
    public bool? EligibleOverride { get; set; }
    public string? EligibilityReason { get; set; }
    public DateTime? ExtendedUntil { get; set; }
    public string? ExtensionReason { get; set; }
    public DateTime ChangedAt { get; set; }
    public string ChangedById { get; set; } = "";

    public static Failure? SetEligibility(CaseStudyAdjustment adjustment, string? eligible, string? reason, string byId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(adjustment);
        var errors = new FieldErrors();
        bool? value = eligible switch { "true" => true, "false" => false, _ => null };
        if (eligible is not ("true" or "false" or "attendance"))
        {
            errors.Add(nameof(AdjustmentInput.Eligible), "Choose eligible, not eligible, or as attendance says");
        }
        var text = errors.Text(reason, nameof(AdjustmentInput.Reason), "the reason", ReasonMaxLength, required: value is not null);
        if (errors.ToFailure() is { } failure)
        {
            return failure;
        }
        adjustment.EligibleOverride = value;
        adjustment.EligibilityReason = value is null ? null : text;
        adjustment.ChangedAt = now;
        adjustment.ChangedById = byId;
        return null;
    }

    public static Failure? Extend(CaseStudyAdjustment adjustment, CaseStudy caseStudy, AdjustmentInput input, string byId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(adjustment);
        ArgumentNullException.ThrowIfNull(caseStudy);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var until = CaseStudy.Instant(errors, input.ClosesOn, input.ClosesAtTime, nameof(input.ClosesOn), nameof(input.ClosesAtTime), "closes for this delegate");
        if (until is not null && until <= caseStudy.ClosesAt)
        {
            errors.Add(nameof(input.ClosesOn), $"An extension must close after the window does ({UkFormat.DateTime(caseStudy.ClosesAt)})");
        }
        var reason = errors.Text(input.Reason, nameof(input.Reason), "the reason", ReasonMaxLength, required: true);
        if (errors.ToFailure() is { } failure)
        {
            return failure;
        }
        adjustment.ExtendedUntil = until;
        adjustment.ExtensionReason = reason;
        adjustment.ChangedAt = now;
        adjustment.ChangedById = byId;
        return null;
    }
}
