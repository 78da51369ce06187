using System.Globalization;
using System.Text.RegularExpressions;

namespace Roundtable.Web.People;

// The programme team's set-up forms: programmes, cohorts and schools, each checked whole so that
// every error shows at once.
public sealed partial class ProgrammeInput
{
    public const int MaxAreas = 30;

    public string? Code { get; set; }
    public string? Name { get; set; }
    // One framework area to a line.
    public string? FrameworkAreas { get; set; }
    // An AssessmentRegime's name; empty means the 2017 projects.
    public string? Regime { get; set; }

    public Result<Projects.AssessmentRegime> CheckRegime() =>
        string.IsNullOrEmpty(Regime) ? Projects.AssessmentRegime.Projects
        : Enum.TryParse<Projects.AssessmentRegime>(Regime, out var regime) && Enum.IsDefined(regime) && !int.TryParse(Regime, out _) ? regime
        : Failure.Invalid(nameof(Regime), "Choose how delegates are assessed");

    public Result<ProgrammeDetails> Check(int areaMaxLength)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(Code))
        {
            errors.Add(nameof(Code), "Enter a code, like NPQH");
        }
        else
        {
            if (Code.Length > Programme.CodeMaxLength)
            {
                errors.Add(nameof(Code), $"Enter a code of at most {Programme.CodeMaxLength} characters");
            }
            if (!CodePattern().IsMatch(Code))
            {
                errors.Add(nameof(Code), "Use only letters, digits and hyphens in the code");
            }
        }
        SetupRules.Name(errors, nameof(Name), Name, "Enter the programme's name", Programme.NameMaxLength);
        var areas = (FrameworkAreas ?? "").Split('\n').Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (areas.Count == 0)
        {
            errors.Add(nameof(FrameworkAreas), "Enter at least one framework area, one to a line");
        }
        else if (areas.Count > MaxAreas || areas.Any(a => a.Length > areaMaxLength))
        {
            errors.Add(nameof(FrameworkAreas), $"Enter at most {MaxAreas} areas of at most {areaMaxLength} characters each");
        }
        return errors.ToFailure() is { } failure ? failure : new ProgrammeDetails(Code!.Trim().ToUpperInvariant(), Name!.Trim(), areas);
    }

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex CodePattern();
}

public sealed record ProgrammeDetails(string Code, string Name, IReadOnlyList<string> FrameworkAreas);

// The course start is a date the form reads for itself.
public sealed record CohortInput(int ProgrammeId, string? Name)
{
    public Failure? Check(IReadOnlyCollection<int> programmeIds)
    {
        var errors = new FieldErrors();
        if (!programmeIds.Contains(ProgrammeId))
        {
            errors.Add(nameof(ProgrammeId), "Choose a programme");
        }
        SetupRules.Name(errors, nameof(Name), Name, "Enter the cohort's name", Cohort.NameMaxLength);
        return errors.ToFailure();
    }
}

public sealed class SchoolInput
{
    public const int MaxNumberOnRoll = 10_000;

    public string? Name { get; set; }
    public string? Urn { get; set; }
    public SchoolPhase? Phase { get; set; }
    public SettingType? SettingType { get; set; }
    public Region? Region { get; set; }
    public string? NumberOnRoll { get; set; }

    public static SchoolInput From(School school) => new()
    {
        Name = school.Name, Urn = school.Urn.ToString(CultureInfo.InvariantCulture), Phase = school.Phase, SettingType = school.SettingType,
        Region = school.Region, NumberOnRoll = school.NumberOnRoll?.ToString(CultureInfo.InvariantCulture),
    };

    public Result<SchoolDetails> Check()
    {
        var errors = new FieldErrors();
        SetupRules.Name(errors, nameof(Name), Name, "Enter the school's name", School.NameMaxLength);
        var urn = 0;
        if (string.IsNullOrWhiteSpace(Urn))
        {
            errors.Add(nameof(Urn), "Enter the school's URN");
        }
        else if (!int.TryParse(Urn.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out urn) || !School.IsValidUrn(urn))
        {
            errors.Add(nameof(Urn), "Enter a URN of six digits, like 123456");
        }
        if (Phase is null)
        {
            errors.Add(nameof(Phase), "Choose the school's phase");
        }
        if (SettingType is null)
        {
            errors.Add(nameof(SettingType), "Choose the school's setting type");
        }
        if (Region is null)
        {
            errors.Add(nameof(Region), "Choose the school's region");
        }
        int? roll = null;
        if (!string.IsNullOrWhiteSpace(NumberOnRoll))
        {
            if (!int.TryParse(NumberOnRoll.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r))
            {
                errors.Add(nameof(NumberOnRoll), "Enter the number on roll as a whole number");
            }
            else if (r is < 0 or > MaxNumberOnRoll)
            {
                errors.Add(nameof(NumberOnRoll), $"Enter a number on roll between 0 and {UkFormat.Number(MaxNumberOnRoll)}");
            }
            roll = r;
        }
        if (errors.ToFailure() is { } failure)
        {
            return failure;
        }
        return new SchoolDetails(Name!.Trim(), urn, Phase!.Value, SettingType!.Value, Region!.Value, roll);
    }
}

public sealed record SchoolDetails(string Name, int Urn, SchoolPhase Phase, SettingType SettingType, Region Region, int? NumberOnRoll);

internal static class SetupRules
{
    // Required, and at most maxLength characters as typed.
    public static void Name(FieldErrors errors, string field, string? name, string whenMissing, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(field, whenMissing);
        }
        else if (name.Length > maxLength)
        {
            errors.Add(field, $"Enter a name of at most {maxLength} characters");
        }
    }
}
