using System.Globalization;

namespace Roundtable.Web.Communities;

public enum AgendaPhase
{
    Reconnect,
    Turn,
    Review,
}

// Start and End carry the zone's offset at that instant, so DateTime gives the wall clock and
// the value stays unambiguous on the night the clocks go back.
public sealed record AgendaStep(
    AgendaPhase Phase,
    int? Turn,
    string Name,
    int Minutes,
    int OffsetMinutes,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Speakers,
    bool OwnerSilent,
    IReadOnlyList<string> Prompts,
    string? Note,
    string Listeners = ProtocolSpeakers.All);

public sealed record AgendaGroup(
    int Number,
    int Size,
    int TemplateSize,
    IReadOnlyList<AgendaStep> Steps,
    int TotalMinutes,
    DateTimeOffset PlannedEnd,
    int OverrunMinutes)
{
    public int Turns => Size;
}

public sealed record Agenda(
    int Participants,
    DateTimeOffset Start,
    IReadOnlyList<AgendaGroup> Groups,
    int TotalMinutes,
    DateTimeOffset PlannedEnd,
    int OverrunMinutes,
    IReadOnlyList<string> Notes)
{
    public bool IsBreakout => Groups.Count > 1;
}

public static class AgendaBuilder
{
    public const int SessionMinutes = 60;
    public const int MinimumParticipants = 3;
    public const int MaxGroupSize = 6;
    public const int MinGroupSize = 4;
    // The most people one session can hold (ten breakout groups); more is not a session.
    public const int MaximumParticipants = 60;

    public static Result<Agenda> Build(int participants, DateTime localStart, TimeZoneInfo zone) =>
        Build(participants, localStart, zone, ProtocolTemplate.DefaultFor);

    // templateForSize is only ever asked for 4, 5 or 6: a group of three runs on four-person timings.
    public static Result<Agenda> Build(
        int participants,
        DateTime localStart,
        TimeZoneInfo zone,
        Func<int, ProtocolTemplate> templateForSize)
    {
        ArgumentNullException.ThrowIfNull(templateForSize);
        return Build(participants, localStart, zone, BreakoutGroupSizes, size => templateForSize(TemplateSizeFor(size)), SessionMinutes, null);
    }

    // The agenda on a protocol version from the library; refused when the number present does not suit it.
    public static Result<Agenda> Build(int participants, DateTime localStart, TimeZoneInfo zone, ProtocolPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Build(participants, localStart, zone, plan.GroupSizesFor, plan.TemplateFor, plan.SessionMinutes, plan);
    }

    private static Result<Agenda> Build(
        int participants,
        DateTime localStart,
        TimeZoneInfo zone,
        Func<int, IReadOnlyList<int>?> groupSizes,
        Func<int, ProtocolTemplate> templateForGroup,
        int sessionMinutes,
        ProtocolPlan? plan)
    {
        ArgumentNullException.ThrowIfNull(zone);

        if (participants < MinimumParticipants)
        {
            return Failure.Refused(string.Create(CultureInfo.InvariantCulture,
                $"The protocol needs at least {MinimumParticipants} people present; {participants} present is too few to run it.")) with { Title = "No protocol for this number" };
        }

        if (participants > MaximumParticipants)
        {
            return Failure.Refused(string.Create(CultureInfo.InvariantCulture,
                $"A session holds at most {MaximumParticipants} people; {participants} is too many.")) with { Title = "No protocol for this number" };
        }

        var notes = new List<string>();
        var startUtc = ResolveLocalStart(localStart, zone, out var startNote);
        if (startNote is not null)
        {
            notes.Add(startNote);
        }

        if (groupSizes(participants) is not { } sizes)
        {
            return Failure.Refused(string.Create(CultureInfo.InvariantCulture,
                $"{plan?.Name} suits groups of {plan?.SizesText}; {participants} present cannot be split into groups it suits.")) with { Title = "The protocol does not suit this number" };
        }
        var groups = new List<AgendaGroup>(sizes.Count);
        for (var i = 0; i < sizes.Count; i++)
        {
            var template = templateForGroup(sizes[i])
                ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"No protocol template for groups of {sizes[i]}."));
            groups.Add(BuildGroup(i + 1, sizes[i], template, startUtc, zone, sessionMinutes));
        }

        if (groups.Count > 1)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{participants} present: split into {groups.Count} breakout groups ({string.Join(" + ", sizes)}), each with its own chair and agenda."));
        }

        foreach (var group in groups.Where(g => g.Size < g.TemplateSize))
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{(groups.Count > 1 ? $"Group {group.Number}: " : string.Empty)}{group.Size} present: {SizeWord(group.TemplateSize)}-person timings with {group.Size} turns, so the session ends early."));
        }

        var longest = groups.MaxBy(g => g.TotalMinutes)!;
        if (longest.OverrunMinutes > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"The step times add up to {longest.TotalMinutes} minutes, {longest.OverrunMinutes} beyond the {sessionMinutes}-minute session; the chair can shorten steps as the session runs."));
        }

        return new Agenda(
            participants,
            ToLocal(startUtc, zone),
            groups,
            longest.TotalMinutes,
            longest.PlannedEnd,
            longest.OverrunMinutes,
            notes);
    }

    // Fewest groups of at most six, sizes as even as possible (largest first). Only seven
    // people leave a group below four (4 + 3); that group runs on four-person timings.
    public static IReadOnlyList<int> BreakoutGroupSizes(int participants) => BreakoutGroupSizes(participants, MaxGroupSize);

    // The same split for a protocol whose largest group is smaller (Troika's three).
    public static IReadOnlyList<int> BreakoutGroupSizes(int participants, int maxGroupSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(participants);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxGroupSize);
        var groupCount = (participants + maxGroupSize - 1) / maxGroupSize;
        var smallSize = participants / groupCount;
        var largerGroups = participants % groupCount;
        return Enumerable.Range(0, groupCount)
            .Select(i => i < largerGroups ? smallSize + 1 : smallSize)
            .ToArray();
    }

    public static int TemplateSizeFor(int groupSize) => Math.Clamp(groupSize, MinGroupSize, MaxGroupSize);

    // A start inside the spring-forward gap is moved on by the length of the gap
    // (01:30 becomes 02:30), as a wall clock that was not changed would read. An ambiguous
    // start on the night the clocks go back means the first 01:30, when people would gather.
    public static DateTime ResolveLocalStart(DateTime localStart, TimeZoneInfo zone, out string? note)
    {
        ArgumentNullException.ThrowIfNull(zone);
        note = null;
        if (localStart.Kind == DateTimeKind.Utc)
        {
            return localStart;
        }

        var local = DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var gap = GapLength(local, zone);
            var moved = local + gap;
            note = string.Create(CultureInfo.InvariantCulture,
                $"{local:HH:mm} on {local:d MMMM yyyy} does not exist in {zone.Id} because the clocks go forward; the session starts at {moved:HH:mm}.");
            local = moved;
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var earliestInstant = offsets.Select(o => local - o).Min();
            return DateTime.SpecifyKind(earliestInstant, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private static TimeSpan GapLength(DateTime invalidLocal, TimeZoneInfo zone)
    {
        // The offsets either side of the gap differ by exactly the gap's length.
        var before = zone.GetUtcOffset(invalidLocal.AddHours(-12));
        var after = zone.GetUtcOffset(invalidLocal.AddHours(12));
        var gap = after - before;
        return gap > TimeSpan.Zero ? gap : TimeSpan.FromHours(1);
    }

    private static string SizeWord(int size) => size switch { 3 => "three", 4 => "four", 5 => "five", 6 => "six", _ => size.ToString(CultureInfo.InvariantCulture) };

    private static AgendaGroup BuildGroup(int number, int size, ProtocolTemplate template, DateTime startUtc, TimeZoneInfo zone, int sessionMinutes)
    {
        var steps = new List<AgendaStep>();
        var offset = 0;

        void Add(AgendaPhase phase, int? turn, ProtocolStepDefinition definition)
        {
            steps.Add(new AgendaStep(
                phase,
                turn,
                definition.Name,
                definition.Minutes,
                offset,
                ToLocal(startUtc.AddMinutes(offset), zone),
                ToLocal(startUtc.AddMinutes(offset + definition.Minutes), zone),
                definition.Speakers,
                definition.OwnerSilent,
                definition.Prompts,
                definition.Note,
                definition.Listeners));
            offset += definition.Minutes;
        }

        Add(AgendaPhase.Reconnect, null, template.Reconnect);
        for (var turn = 1; turn <= size; turn++)
        {
            foreach (var step in template.TurnSteps)
            {
                Add(AgendaPhase.Turn, turn, step);
            }
        }

        Add(AgendaPhase.Review, null, template.Review);

        return new AgendaGroup(
            number,
            size,
            template.GroupSize,
            steps,
            offset,
            ToLocal(startUtc.AddMinutes(offset), zone),
            Math.Max(0, offset - sessionMinutes));
    }

    private static DateTimeOffset ToLocal(DateTime utc, TimeZoneInfo zone)
    {
        var utcKind = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var offset = zone.GetUtcOffset(utcKind);
        return new DateTimeOffset(DateTime.SpecifyKind(utcKind + offset, DateTimeKind.Unspecified), offset);
    }
}
