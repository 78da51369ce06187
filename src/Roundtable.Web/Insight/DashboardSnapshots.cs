using System.Collections.Concurrent;

namespace Roundtable.Web.Insight;

// What the dashboard page shows for one scope, and when it was counted.
public sealed record DashboardSnapshot(DashboardFigures Figures, AtRiskSummary AtRisk, DateTimeOffset CountedAt);

// The programme dashboard is some forty aggregate queries over a whole programme: about a second of
// database time for 20,000 delegates, and a third of that for one cohort of 2,000 (README,
// "Programme insight"). Those figures move by the day, not by the second, so the page shows what
// was counted at most MaxAge ago, says when, and offers "Count again" (which waits for a new count).
// Concurrent viewers of the same scope wait for one count rather than each starting their own.
// The snapshots live on this server: a change saved here that the dashboard shows at once (a
// budget) forgets them; other servers catch up within MaxAge. The cohort report API is not cached.
public sealed class DashboardSnapshots(TimeProvider time, IConfiguration config) : IDisposable
{
    public const int DefaultMaxAgeSeconds = 300;

    public TimeSpan MaxAge { get; } = TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Insight:DashboardMaxAgeSeconds", DefaultMaxAgeSeconds), 0, 3600));

    private sealed class Slot : IDisposable
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public volatile DashboardSnapshot? Snapshot;
        public long Generation;
        // Counts begun for this scope (inside Gate): tells "counted after I asked" without the clock.
        public long Begun;

        public void Dispose() => Gate.Dispose();
    }

    // One slot per programme and per cohort the team has looked at: a handful, bounded by the
    // provider's own programmes and cohorts (the page turns away unknown ones with 404).
    private readonly ConcurrentDictionary<ReportScope, Slot> slots = new();
    private long generation;

    public async Task<DashboardSnapshot> GetAsync(ReportScope scope, bool countAgain,
        Func<CancellationToken, Task<(DashboardFigures Figures, AtRiskSummary AtRisk)>> count, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(count);
        var slot = slots.GetOrAdd(scope, _ => new Slot());
        var begunWhenAsked = Interlocked.Read(ref slot.Begun);
        if (!countAgain && Usable(slot))
        {
            return slot.Snapshot!;
        }
        await slot.Gate.WaitAsync(ct);
        try
        {
            // Counted by another request while this one waited: a count begun after this request
            // was made is as new as one this request would make.
            if (slot.Snapshot is { } waited && Current(slot) && (countAgain ? Interlocked.Read(ref slot.Begun) > begunWhenAsked : Usable(slot)))
            {
                return waited;
            }
            Interlocked.Increment(ref slot.Begun);
            var started = time.GetUtcNow();
            var startedGeneration = Interlocked.Read(ref generation);
            var (figures, atRisk) = await count(ct);
            var snapshot = new DashboardSnapshot(figures, atRisk, started);
            slot.Generation = startedGeneration;
            slot.Snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    // Every snapshot is forgotten: the next view of each scope counts again.
    public void Forget() => Interlocked.Increment(ref generation);

    public void Dispose()
    {
        foreach (var slot in slots.Values)
        {
            slot.Dispose();
        }
    }

    private bool Current(Slot slot) => slot.Generation == Interlocked.Read(ref generation);

    private bool Usable(Slot slot) => slot.Snapshot is { } s && Current(slot) && time.GetUtcNow() - s.CountedAt < MaxAge;
}
