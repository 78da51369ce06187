using System.Text.Json;
using Roundtable.Web.Communities;

namespace Roundtable.Web.LiveSessions;

public enum LiveStatus { NotStarted, Running, Paused, Finished }

// One step of the agenda fixed when the session started.
public sealed record LiveStep(string Name, string Phase, int? Turn, string? Owner, string Speakers, bool OwnerSilent, int Minutes, IReadOnlyList<string> Prompts, string? Note);

// The stored state of a running session. Every screen derives the countdown from these timestamps
// and the server's clock, so no app server holds the session in memory.
public class LiveSession
{
    public int SessionId { get; set; }
    public LiveStatus Status { get; set; }
    public int StepIndex { get; set; }
    public DateTime? StepStartedAt { get; set; }
    public DateTime? PausedAt { get; set; }
    // Time spent paused in the current step, and minutes the chair added or removed from it.
    public int PausedSeconds { get; set; }
    public int AdjustSeconds { get; set; }
    public string? ChairId { get; set; }
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

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<LiveStep> FromAgenda(AgendaGroup group, IReadOnlyList<string> ownersInTurnOrder) =>
        group.Steps.Select(s => new LiveStep(s.Name, s.Phase.ToString(), s.Turn,
            s.Turn is int t && t <= ownersInTurnOrder.Count ? ownersInTurnOrder[t - 1] : null,
            s.Speakers, s.OwnerSilent, s.Minutes, s.Prompts, s.Note)).ToList();
}
