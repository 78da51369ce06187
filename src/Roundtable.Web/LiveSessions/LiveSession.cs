using System.Text.Json;
using System.Text.Json.Serialization;
using Roundtable.Web.Communities;

namespace Roundtable.Web.LiveSessions;

public enum LiveStatus { NotStarted, Running, Paused, Finished }

// One step of the agenda fixed when the session started. OwnerId lets the server tell the owner
// their own role; runs started before it was stored have none (nor Listeners, then derived from Speakers).
public sealed record LiveStep(string Name, string Phase, int? Turn, string? Owner, string Speakers, bool OwnerSilent, int Minutes, IReadOnlyList<string> Prompts, string? Note, string? OwnerId = null, string? Listeners = null)
{
    [JsonIgnore]
    public string WhoListens => string.IsNullOrWhiteSpace(Listeners) ? ProtocolSpeakers.ListenersFor(Speakers) : Listeners;
}

// The stored state of a running session or breakout. Every screen derives the countdown from these
// timestamps and the server's clock, so no app server holds the run in memory.
public abstract class LiveRun
{
    public LiveStatus Status { get; set; }
    public int StepIndex { get; set; }
    public DateTime? StepStartedAt { get; set; }
    public DateTime? PausedAt { get; set; }
    // Time spent paused in the current step, and minutes the chair added or removed from it.
    public int PausedSeconds { get; set; }
    public int AdjustSeconds { get; set; }
    public string? ChairId { get; set; }
    // The present member the chair asked to keep notes: they may fill in the record while it runs.
    public string? NoteTakerId { get; set; }
    public string AgendaJson { get; set; } = "[]";
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    // Optimistic concurrency: two presses on two devices cannot both change the same state.
    public int Version { get; set; }

    public IReadOnlyList<LiveStep> Steps
    {
        get => JsonSerializer.Deserialize<List<LiveStep>>(AgendaJson, JsonOptions) ?? [];
        set => AgendaJson = JsonSerializer.Serialize(value, JsonOptions);
    }

    public bool IsRunning => Status is LiveStatus.Running or LiveStatus.Paused;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

public class LiveSession : LiveRun
{
    public int SessionId { get; set; }

    public static IReadOnlyList<LiveStep> FromAgenda(AgendaGroup group, IReadOnlyList<string> ownersInTurnOrder) =>
        FromAgenda(group, ownersInTurnOrder.Select(n => new LivePerson("", n)).ToList());

    public static IReadOnlyList<LiveStep> FromAgenda(AgendaGroup group, IReadOnlyList<LivePerson> ownersInTurnOrder) =>
        group.Steps.Select(s =>
        {
            var owner = s.Turn is int t && t <= ownersInTurnOrder.Count ? ownersInTurnOrder[t - 1] : null;
            return new LiveStep(s.Name, s.Phase.ToString(), s.Turn, owner?.Name, s.Speakers, s.OwnerSilent, s.Minutes, s.Prompts, s.Note,
                string.IsNullOrEmpty(owner?.Id) ? null : owner.Id, s.Listeners);
        }).ToList();
}

// One breakout of a session of seven or more: its own agenda (without the shared review, which
// the whole session holds together), chair and run.
public class LiveBreakout : LiveRun
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public int Number { get; set; }
    public List<LiveBreakoutMember> Members { get; set; } = [];
}

// A person's place in a breakout; unique per session, so nobody is in two breakouts.
public class LiveBreakoutMember
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public int BreakoutId { get; set; }
    public string UserId { get; set; } = "";
}
