using System.Globalization;
using System.Text.Json;

namespace Roundtable.Web.Communities;

// A protocol in the library: its steps live in immutable versions, so a session planned on one
// version keeps its agenda whatever the team edits later. Built-in presets are read-only.
public class Protocol
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;
    public const int KeyMaxLength = 40;
    public const string AuditSubject = "Protocol";

    public int Id { get; set; }
    // The preset's stable name in code ("seed", "troika"...); null for the team's own protocols.
    public string? Key { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public bool BuiltIn { get; set; }
    // The programme whose team made it; null for the provider-wide presets.
    public int? ProgrammeId { get; set; }
    // Rises with every saved version; the concurrency token that makes the second of two saves a conflict.
    public int CurrentVersion { get; set; }
    public List<ProtocolVersion> Versions { get; set; } = [];

    public static Failure? CheckName(string? name, string field)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length == 0 ? Failure.Invalid(field, "Enter a name for the protocol")
            : trimmed.Length > NameMaxLength ? Failure.Invalid(field, $"Enter a name of at most {NameMaxLength} characters")
            : null;
    }
}

public class ProtocolVersion
{
    public const int MinSessionMinutes = 15;
    public const int MaxSessionMinutes = 180;

    public int Id { get; set; }
    public int ProtocolId { get; set; }
    public Protocol Protocol { get; set; } = null!;
    public int Number { get; set; }
    public int SessionMinutes { get; set; }
    // The group sizes it has templates for, as "4,5,6", so lists need not read the steps.
    public string Sizes { get; set; } = "";
    // ProtocolDesign as JSON (ProtocolDesign.ToJson): written once, never changed.
    public string Steps { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string? CreatedById { get; set; }

    public IReadOnlyList<int> SizeList => ParseSizes(Sizes);

    public ProtocolDesign Design => ProtocolDesign.FromJson(Steps);

    public static IReadOnlyList<int> ParseSizes(string sizes) =>
        sizes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}

// The steps of one version: a template per group size, and whether groups smaller than the
// smallest template run on it (the seed's rule: three people use the four-person timings).
public sealed record ProtocolDesign(IReadOnlyList<ProtocolTemplate> Templates, bool SmallerGroupsUseSmallest)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<int> Sizes => Templates.Select(t => t.GroupSize).Order().ToArray();

    public string SizesText => string.Join(',', Sizes.Select(s => s.ToString(CultureInfo.InvariantCulture)));

    public ProtocolTemplate TemplateFor(int size) => Templates.First(t => t.GroupSize == size);

    public string ToJson() => JsonSerializer.Serialize(new StoredDesign(
        SmallerGroupsUseSmallest,
        Templates.OrderBy(t => t.GroupSize).Select(t => new StoredTemplate(t.GroupSize, Stored(t.Reconnect), t.TurnSteps.Select(Stored).ToList(), Stored(t.Review))).ToList()), Json);

    public static ProtocolDesign FromJson(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredDesign>(json, Json) ?? throw new InvalidOperationException("A protocol version without steps.");
        return new ProtocolDesign(
            stored.Templates.Select(t => new ProtocolTemplate(t.Size, t.Turn.Select(Definition), Definition(t.Reconnect), Definition(t.Review))).ToList(),
            stored.SmallerGroupsUseSmallest);
    }

    private static StoredStep Stored(ProtocolStepDefinition s) => new(s.Name, s.Minutes, s.Speakers, s.OwnerSilent, s.Prompts.ToList(), s.Note, s.Listeners);

    private static ProtocolStepDefinition Definition(StoredStep s) => new(s.Name, s.Minutes, s.Speakers, s.OwnerSilent, s.Prompts, s.Note, s.Listeners);

    private sealed record StoredDesign(bool SmallerGroupsUseSmallest, List<StoredTemplate> Templates);
    private sealed record StoredTemplate(int Size, StoredStep Reconnect, List<StoredStep> Turn, StoredStep Review);
    // Listeners came later: versions stored before them have none, and get the default for their speakers.
    private sealed record StoredStep(string Name, int Minutes, string Speakers, bool OwnerSilent, List<string> Prompts, string? Note, string? Listeners = null);
}

// A protocol version ready to build agendas from.
public sealed record ProtocolPlan(int ProtocolId, int VersionId, int VersionNumber, string Name, int SessionMinutes, ProtocolDesign Design)
{
    public IReadOnlyList<int> Sizes => Design.Sizes;

    // The breakout sizes for this many people, or null when the protocol does not suit them: one group
    // when the number is one of its sizes, otherwise as even a split as the largest size allows, all of
    // whose groups it has a template for (or, with the seed's rule, are at least three).
    public IReadOnlyList<int>? GroupSizesFor(int participants)
    {
        if (participants < AgendaBuilder.MinimumParticipants)
        {
            return null;
        }
        var sizes = Sizes;
        if (!Design.SmallerGroupsUseSmallest && sizes.Contains(participants))
        {
            return [participants];
        }
        var split = AgendaBuilder.BreakoutGroupSizes(participants, sizes[^1]);
        return split.All(s => sizes.Contains(s) || (Design.SmallerGroupsUseSmallest && s >= AgendaBuilder.MinimumParticipants && s < sizes[0]))
            ? split
            : null;
    }

    public bool Suits(int participants) => GroupSizesFor(participants) is not null;

    public ProtocolTemplate TemplateFor(int groupSize) => Design.TemplateFor(Math.Clamp(groupSize, Sizes[0], Sizes[^1]));

    public string SizesText => SizesDescription(Sizes);

    public static string SizesDescription(IReadOnlyList<int> sizes) =>
        sizes.Count == 1 ? sizes[0].ToString(CultureInfo.InvariantCulture)
        : sizes[^1] - sizes[0] == sizes.Count - 1 ? string.Create(CultureInfo.InvariantCulture, $"{sizes[0]} to {sizes[^1]}")
        : string.Join(", ", sizes);

    public static ProtocolPlan From(ProtocolVersion version, string name) =>
        new(version.ProtocolId, version.Id, version.Number, name, version.SessionMinutes, version.Design);
}
