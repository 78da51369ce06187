using System.Globalization;
using Roundtable.Web.People;

namespace Roundtable.Web.Projects;

// Requirement is one of ChoiceValue's values: the project and the requirement's key.
public sealed record OverrideInput(string? Requirement, string? Reason);

// The programme team's decision that one requirement is met for one delegate although the facts
// say otherwise (as providers did when school closures broke the two-term rule). Withdrawn
// overrides are kept, with who and when, so the reason stays on record.
public class RequirementOverride
{
    public const int KeyMaxLength = 50;
    public const int ReasonMaxLength = 1000;
    public const string AlreadyOverridden = "This requirement is already overridden for this delegate";

    public int Id { get; set; }
    public int ParticipantId { get; set; }
    public Participant Participant { get; set; } = null!;
    public int Project { get; set; }
    public string Key { get; set; } = "";
    public string Reason { get; set; } = "";
    public string CreatedById { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnByName { get; set; }

    public static string ChoiceValue(int project, string key) => $"{project}:{key}";

    // One requirement at a time: while an override is in force, the same one cannot be added again.
    public static Result<RequirementOverride> Create(
        int participantId, OverrideInput input, IEnumerable<RequirementOverride> existing, string byId, string byName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(existing);
        var errors = new FieldErrors();
        var requirement = Parse(input.Requirement);
        if (string.IsNullOrEmpty(input.Requirement))
        {
            errors.Add(nameof(input.Requirement), "Choose the requirement to override");
        }
        else if (requirement is not { } chosen)
        {
            errors.Add(nameof(input.Requirement), "Choose a requirement from the list");
        }
        else if (existing.Any(o => o.WithdrawnAt is null && o.Project == chosen.Project && o.Key == chosen.Key))
        {
            errors.Add(nameof(input.Requirement), AlreadyOverridden);
        }
        var reason = errors.Text(input.Reason, nameof(input.Reason), "the reason for the override", ReasonMaxLength, required: true);
        if (errors.ToFailure() is { } failure)
        {
            return failure;
        }
        return new RequirementOverride
        {
            ParticipantId = participantId, Project = requirement!.Value.Project, Key = requirement.Value.Key, Reason = reason!,
            CreatedById = byId, CreatedByName = byName, CreatedAt = now,
        };
    }

    public Failure? Withdraw(string byName, DateTime now)
    {
        if (WithdrawnAt is not null)
        {
            return Failure.Conflict("This override has already been withdrawn.");
        }
        WithdrawnAt = now;
        WithdrawnByName = byName;
        return null;
    }

    private static (int Project, string Key)? Parse(string? value)
    {
        var parts = (value ?? "").Split(':', 2);
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var project)
            && ProjectNumbers.IsValid(project) && ProjectNumbers.Requirements(project).Any(r => r.Key == parts[1])
                ? (project, parts[1])
                : null;
    }
}
