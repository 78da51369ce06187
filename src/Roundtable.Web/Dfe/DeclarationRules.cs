using System.Globalization;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Dfe;

// The programme team's rules for proposing declarations. One row; a fresh database starts with the
// defaults: started after the first session or tutorial attended, retained-1 and retained-2 after
// these many, completed when the programme's assessment is decided: both NPQH projects' outcomes
// released (the 2017 projects), or the case-study response's outcome released (the reformed NPQs).
public class DeclarationRuleSettings
{
    public const int SingletonId = 1;
    public const int MaxCount = 200;
    public const int DefaultStartedAfter = 1;
    public const int DefaultRetained1After = 4;
    public const int DefaultRetained2After = 8;

    public int Id { get; set; } = SingletonId;
    public int StartedAfter { get; set; } = DefaultStartedAfter;
    public int Retained1After { get; set; } = DefaultRetained1After;
    public int Retained2After { get; set; } = DefaultRetained2After;
    public DateTime? UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }

    public int Threshold(DeclarationType type) => type switch
    {
        DeclarationType.Started => StartedAfter,
        DeclarationType.Retained1 => Retained1After,
        DeclarationType.Retained2 => Retained2After,
        _ => 0,
    };

    // Each threshold a whole number from 1 to MaxCount, each milestone after the one before.
    public static Result<(int Started, int Retained1, int Retained2)> Check(string? started, string? retained1, string? retained2)
    {
        var errors = new FieldErrors();
        var s = Count(errors, nameof(RulesInput.StartedAfter), started);
        var r1 = Count(errors, nameof(RulesInput.Retained1After), retained1);
        var r2 = Count(errors, nameof(RulesInput.Retained2After), retained2);
        if (!errors.Has(nameof(RulesInput.StartedAfter)) && !errors.Has(nameof(RulesInput.Retained1After)) && r1 <= s)
        {
            errors.Add(nameof(RulesInput.Retained1After), "Retained 1 must need more sessions and tutorials attended than started");
        }
        if (!errors.Has(nameof(RulesInput.Retained1After)) && !errors.Has(nameof(RulesInput.Retained2After)) && r2 <= r1)
        {
            errors.Add(nameof(RulesInput.Retained2After), "Retained 2 must need more sessions and tutorials attended than retained 1");
        }
        if (errors.ToFailure() is { } failure)
        {
            return failure;
        }
        return (s, r1, r2);
    }

    private static int Count(FieldErrors errors, string field, string? text)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxCount)
        {
            return n;
        }
        errors.Add(field, $"Enter a whole number from 1 to {MaxCount}");
        return 0;
    }
}

// What the rules page posts (also the field names of its errors).
public sealed class RulesInput
{
    public string? StartedAfter { get; set; }
    public string? Retained1After { get; set; }
    public string? Retained2After { get; set; }
}

public enum EvidenceKind { CommunitySession, Tutorial }

// One thing a delegate attended: a community session marked present, or a tutorial held.
public sealed record Attended(DateTime At, EvidenceKind Kind);

// The latest released outcome of one NPQH project, or of the case-study response (Project =
// ProjectNumbers.CaseStudy); absent when none is released, or a later version is in progress.
public sealed record ProjectOutcome(int Project, bool Passed, DateTime ReleasedAt);

// What Roundtable knows about one delegate that a declaration can rest on: what they attended,
// their assessment outcomes, whether the programme is NPQH, and how the programme assesses
// (ProgrammeCode names it in the evidence).
public sealed record DeclarationFacts(IReadOnlyList<Attended> Attended, IReadOnlyList<ProjectOutcome> Outcomes, bool IsHeadship,
    AssessmentRegime Regime = AssessmentRegime.Projects, string ProgrammeCode = "NPQH");

// The declaration Roundtable proposes, with its evidence in words and the date it rests on.
public sealed record DeclarationProposal(DeclarationType Type, DateTime Date, string Evidence, bool? HasPassed);

public static class DeclarationProposer
{
    public const int NpqhProjects = 2;

    // The delegate's next milestone only (the first not yet declared, voided declarations aside),
    // and only once the evidence for it exists by now. Null when there is nothing to declare.
    public static DeclarationProposal? Next(DeclarationFacts facts, DeclarationRuleSettings rules, IReadOnlySet<DeclarationType> declared, DateTime now)
    {
        var next = DeclarationTypes.InOrder.Cast<DeclarationType?>().FirstOrDefault(t => !declared.Contains(t!.Value));
        if (next is not { } type)
        {
            return null;
        }
        return type switch
        {
            DeclarationType.Completed when facts.Regime == AssessmentRegime.CaseStudy => CaseStudyCompleted(facts, now),
            DeclarationType.Completed => Completed(facts, now),
            _ => Attendance(type, facts, rules.Threshold(type), now),
        };
    }

    private static DeclarationProposal? Attendance(DeclarationType type, DeclarationFacts facts, int threshold, DateTime now)
    {
        var attended = facts.Attended.Where(a => a.At <= now).OrderBy(a => a.At).ToList();
        if (threshold < 1 || attended.Count < threshold)
        {
            return null;
        }
        var counted = attended.Take(threshold).ToList();
        var sessions = counted.Where(a => a.Kind == EvidenceKind.CommunitySession).Select(a => UkFormat.Date(a.At)).ToList();
        var tutorials = counted.Where(a => a.Kind == EvidenceKind.Tutorial).Select(a => UkFormat.Date(a.At)).ToList();
        var parts = new List<string>();
        if (sessions.Count > 0)
        {
            parts.Add($"{UkFormat.Plural(sessions.Count, "community session", "community sessions")} attended ({string.Join(", ", sessions)})");
        }
        if (tutorials.Count > 0)
        {
            parts.Add($"{UkFormat.Plural(tutorials.Count, "tutorial", "tutorials")} held ({string.Join(", ", tutorials)})");
        }
        var rule = type == DeclarationType.Started && threshold == 1
            ? "the first session or tutorial attended"
            : $"{UkFormat.Plural(threshold, "session or tutorial", "sessions or tutorials")} attended";
        return new DeclarationProposal(type, counted[^1].At, $"{string.Join("; ", parts)}. Rule: {rule}.", null);
    }

    // NPQH is complete when the latest version of each project has its outcome released; it is
    // passed when both passed.
    private static DeclarationProposal? Completed(DeclarationFacts facts, DateTime now)
    {
        var released = facts.Outcomes.Where(o => o.ReleasedAt <= now && o.Project != ProjectNumbers.CaseStudy).ToList();
        if (!facts.IsHeadship || released.Select(o => o.Project).Distinct().Count() < NpqhProjects)
        {
            return null;
        }
        var passed = released.All(o => o.Passed);
        var evidence = string.Join("; ", released.OrderBy(o => o.Project)
            .Select(o => $"Project {o.Project} {(o.Passed ? "passed" : "not passed")} (outcome released {UkFormat.Date(o.ReleasedAt)})"));
        return new DeclarationProposal(DeclarationType.Completed, released.Max(o => o.ReleasedAt), $"{evidence}. NPQH {(passed ? "passed" : "not passed")}.", passed);
    }

    // A programme assessed by case study is complete when the outcome of the delegate's latest
    // response (a resubmission in a later window replaces the earlier one) is released; passed
    // when it passed.
    private static DeclarationProposal? CaseStudyCompleted(DeclarationFacts facts, DateTime now)
    {
        if (facts.Outcomes.FirstOrDefault(o => o.Project == ProjectNumbers.CaseStudy && o.ReleasedAt <= now) is not { } outcome)
        {
            return null;
        }
        var result = outcome.Passed ? "passed" : "not passed";
        return new DeclarationProposal(DeclarationType.Completed, outcome.ReleasedAt,
            $"Case-study response {result} (outcome released {UkFormat.Date(outcome.ReleasedAt)}). {facts.ProgrammeCode} {result}.", outcome.Passed);
    }
}
