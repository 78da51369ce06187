using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Roundtable.Web.Projects;

// What the programme team changes a few times a year (term dates, bank holidays, assessment
// criteria) but every project page reads: kept for a short while so a busy page does not ask the
// database for it on each request. A change saved on this server forgets the copy at once
// (ReferenceDataInterceptor); another server sees it when its copy runs out, within Lifetime.
public sealed class ReferenceDataCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private sealed record Entry(object Value, DateTimeOffset Expires);

    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long generation;

    public async Task<T> GetAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken ct = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(load);
        long loading;
        lock (gate)
        {
            if (entries.TryGetValue(key, out var entry) && entry.Expires > time.GetUtcNow())
            {
                return (T)entry.Value;
            }
            loading = generation;
        }
        var value = await load(ct);
        lock (gate)
        {
            // A change saved while this was loading may not be in what was read: do not keep it.
            if (generation == loading)
            {
                entries[key] = new Entry(value, time.GetUtcNow() + Lifetime);
            }
        }
        return value;
    }

    public void Forget()
    {
        lock (gate)
        {
            generation++;
            entries.Clear();
        }
    }
}

// Forgets the cached reference data whenever this server saves a change to it, whoever saves it
// (the team's pages, the demo data). Bulk ExecuteUpdate/ExecuteDelete bypass it: call Forget.
public sealed class ReferenceDataInterceptor(ReferenceDataCache cache) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> changing = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Done(eventData.Context);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Done(eventData.Context);

    // Forgotten before the write too, so nothing read from here on is kept from before it.
    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        // Registered after AuditInterceptor, which has just detected the changes: a second scan of
        // every tracked row would cost a large save (an import) for nothing.
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            if (tracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                    && e.Entity is SchoolTerm or BankHolidayFile or AssessmentCriterion))
            {
                changing.AddOrUpdate(context, this);
                cache.Forget();
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private void Done(DbContext? context)
    {
        if (context is not null && changing.Remove(context))
        {
            cache.Forget();
        }
    }
}
