using System.Globalization;

namespace Roundtable.Web.Communities;

// One step as the editor's form carries it: text until it is checked.
public sealed class StepDraft
{
    public const int NameMaxLength = 100;
    public const int PromptsMaxLength = 2000;
    public const int NoteMaxLength = 500;

    public string? Name { get; set; }
    public string? Minutes { get; set; }
    public string? Speakers { get; set; }
    public string? Listeners { get; set; }
    public bool OwnerSilent { get; set; }
    // One prompt a line.
    public string? Prompts { get; set; }
    public string? Note { get; set; }

    public static StepDraft From(ProtocolStepDefinition step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new()
        {
            Name = step.Name, Minutes = step.Minutes.ToString(CultureInfo.InvariantCulture), Speakers = step.Speakers, Listeners = step.Listeners,
            OwnerSilent = step.OwnerSilent, Prompts = string.Join('\n', step.Prompts), Note = step.Note,
        };
    }

    public static StepDraft Blank() => new() { Minutes = "2", Speakers = ProtocolSpeakers.Peers, Listeners = ProtocolSpeakers.ProblemOwner };

    // The minutes as typed, when they are a whole number in range; for the running totals.
    public int? MinutesValue =>
        int.TryParse(Minutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m >= 1 && m <= ProtocolTemplate.MaxStepMinutes ? m : null;

    public ProtocolStepDefinition? Check(string field, FieldErrors errors)
    {
        var name = Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add($"{field}.{nameof(Name)}", "Enter a name for the step");
        }
        else if (name.Length > NameMaxLength)
        {
            errors.Add($"{field}.{nameof(Name)}", $"Enter a step name of at most {NameMaxLength} characters");
        }
        if (MinutesValue is null)
        {
            errors.Add($"{field}.{nameof(Minutes)}", string.IsNullOrWhiteSpace(Minutes)
                ? $"Enter the minutes for {(name.Length == 0 ? "the step" : name)}"
                : $"Enter whole minutes from 1 to {ProtocolTemplate.MaxStepMinutes} for {(name.Length == 0 ? "the step" : name)}");
        }
        if (!ProtocolSpeakers.IsChoice(Speakers))
        {
            errors.Add($"{field}.{nameof(Speakers)}", $"Choose who speaks in {(name.Length == 0 ? "the step" : name)}");
        }
        if (!ProtocolSpeakers.IsChoice(Listeners))
        {
            errors.Add($"{field}.{nameof(Listeners)}", $"Choose who listens in {(name.Length == 0 ? "the step" : name)}");
        }
        var prompts = (Prompts ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if ((Prompts?.Length ?? 0) > PromptsMaxLength)
        {
            errors.Add($"{field}.{nameof(Prompts)}", $"Enter prompts of at most {PromptsMaxLength} characters in all");
        }
        var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        if (note?.Length > NoteMaxLength)
        {
            errors.Add($"{field}.{nameof(Note)}", $"Enter a purpose note of at most {NoteMaxLength} characters");
        }
        return errors.Any ? null : new ProtocolStepDefinition(name, MinutesValue!.Value, Speakers!, OwnerSilent, prompts, note, Listeners);
    }
}

// The editor's form for one group size of a protocol, with the protocol's name, description
// and session length. Steps are the steps of each turn; Reconnect opens and Review closes.
public sealed class ProtocolDraft
{
    public const int MaxTurnSteps = 12;

    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? SessionMinutes { get; set; }
    public StepDraft Reconnect { get; set; } = new();
    public List<StepDraft> Steps { get; set; } = [];
    public StepDraft Review { get; set; } = new();

    public static ProtocolDraft From(string name, string description, int sessionMinutes, ProtocolTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new()
        {
            Name = name, Description = description, SessionMinutes = sessionMinutes.ToString(CultureInfo.InvariantCulture),
            Reconnect = StepDraft.From(template.Reconnect), Steps = template.TurnSteps.Select(StepDraft.From).ToList(), Review = StepDraft.From(template.Review),
        };
    }

    // Minutes for a group of this size as the draft stands (steps not yet valid count as nothing).
    public int TotalFor(int groupSize) =>
        (Reconnect.MinutesValue ?? 0) + (groupSize * TurnMinutes) + (Review.MinutesValue ?? 0);

    public int TurnMinutes => Steps.Sum(s => s.MinutesValue ?? 0);

    public Result<(string Name, string Description, int SessionMinutes, ProtocolTemplate Template)> Check(int groupSize)
    {
        var errors = new FieldErrors();
        if (Protocol.CheckName(Name, nameof(Name)) is { } nameFailure)
        {
            errors.Add(nameof(Name), nameFailure.Message);
        }
        var description = Description?.Trim() ?? "";
        if (description.Length > Protocol.DescriptionMaxLength)
        {
            errors.Add(nameof(Description), $"Enter a description of at most {Protocol.DescriptionMaxLength} characters");
        }
        if (!int.TryParse(SessionMinutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var sessionMinutes)
            || sessionMinutes < ProtocolVersion.MinSessionMinutes || sessionMinutes > ProtocolVersion.MaxSessionMinutes)
        {
            errors.Add(nameof(SessionMinutes), $"Enter the session's length as whole minutes from {ProtocolVersion.MinSessionMinutes} to {ProtocolVersion.MaxSessionMinutes}");
        }
        var reconnect = Reconnect.Check(nameof(Reconnect), errors);
        var steps = Steps.Select((s, i) => s.Check($"{nameof(Steps)}[{i}]", errors)).ToList();
        var review = Review.Check(nameof(Review), errors);
        if (Steps.Count == 0)
        {
            errors.Add(nameof(Steps), "A turn needs at least one step: add a step");
        }
        else if (Steps.Count > MaxTurnSteps)
        {
            errors.Add(nameof(Steps), $"A turn can have at most {MaxTurnSteps} steps");
        }
        if (errors.ToFailure() is { } failure)
        {
            return failure;
        }
        return (Name!.Trim(), description, sessionMinutes, new ProtocolTemplate(groupSize, steps.Select(s => s!), reconnect!, review!));
    }
}
