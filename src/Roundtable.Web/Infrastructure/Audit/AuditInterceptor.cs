using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Roundtable.Web.Data;

namespace Roundtable.Web.Infrastructure.Audit;

// Writes an entry for every change to a kind listed in AuditedKinds, in the same transaction as the
// change. Entries for records that get their id on insert are written just after the insert, inside
// a transaction this interceptor opens when the caller has none.
public sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider time) : SaveChangesInterceptor
{
    private sealed class Pending
    {
        public List<(EntityEntry Entry, AuditEntry Audit, AuditedKinds.Kind Kind)> AwaitingIds { get; } = [];
        public List<AuditEntry> Added { get; } = [];
        public IDbContextTransaction? OwnTransaction { get; set; }
        public bool WritingAwaited { get; set; }
    }

    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db)
        {
            await CollectAsync(db, cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db)
        {
            CollectAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db)
        {
            await WriteAwaitedAsync(db, cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is AppDbContext db)
        {
            WriteAwaitedAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        await AbandonAsync(eventData.Context);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        AbandonAsync(eventData.Context).GetAwaiter().GetResult();

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        await AbandonAsync(eventData.Context);

    private async Task CollectAsync(AppDbContext db, CancellationToken ct)
    {
        var state = pending.GetValue(db, _ => new Pending());
        if (state.WritingAwaited)
        {
            return;
        }
        var actor = Actor();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || !AuditedKinds.TryGet(entry.Metadata.ClrType, out var kind)
                || kind.Changes(entry) is not { } changes)
            {
                continue;
            }
            var audit = AuditEntry.For(kind.RecordType, 0, kind.Action(entry.State), actor, now, changes: changes);
            if (entry.State == EntityState.Added && entry.Properties.Any(p => p.IsTemporary))
            {
                state.AwaitingIds.Add((entry, audit, kind));
                continue;
            }
            audit.SubjectId = kind.RecordId(entry.Entity);
            audit.PersonId = await kind.PersonOf(db, entry.Entity, ct);
            db.AuditEntries.Add(audit);
            state.Added.Add(audit);
        }
        if (state.AwaitingIds.Count > 0 && db.Database.CurrentTransaction is null)
        {
            state.OwnTransaction = await db.Database.BeginTransactionAsync(ct);
        }
    }

    // The entries this interceptor would write had these records been added through the change
    // tracker: for writers that insert without it (the import's PostgreSQL COPY), so that both ways
    // leave the same trail. Only for records whose id is known before the insert.
    public async Task<List<AuditEntry>> EntriesForAddedAsync(AppDbContext db, IEnumerable<object> added, CancellationToken ct = default)
    {
        var actor = Actor();
        var now = time.GetUtcNow().UtcDateTime;
        var entries = new List<AuditEntry>();
        foreach (var entity in added)
        {
            if (!AuditedKinds.TryGet(entity.GetType(), out var kind)
                || kind.ChangesOfAdded(db.Model.FindEntityType(entity.GetType())!, entity) is not { } changes)
            {
                continue;
            }
            var audit = AuditEntry.For(kind.RecordType, kind.RecordId(entity), kind.Action(EntityState.Added), actor, now, changes: changes);
            audit.PersonId = await kind.PersonOf(db, entity, ct);
            entries.Add(audit);
        }
        return entries;
    }

    private string? Actor() => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    private async Task WriteAwaitedAsync(AppDbContext db, CancellationToken ct)
    {
        if (!pending.TryGetValue(db, out var state) || state.WritingAwaited)
        {
            return;
        }
        pending.Remove(db);
        if (state.AwaitingIds.Count == 0)
        {
            return;
        }
        try
        {
            foreach (var (entry, audit, kind) in state.AwaitingIds)
            {
                // The values read before the save held EF's temporary keys (a new cohort's new
                // programme was -2147482647): read them again now the database has given the real ones.
                audit.SetChanges(kind.ChangesOfAdded(entry.Metadata, entry.Entity));
                audit.SubjectId = kind.RecordId(entry.Entity);
                audit.PersonId = await kind.PersonOf(db, entry.Entity, ct);
                db.AuditEntries.Add(audit);
            }
            state.WritingAwaited = true;
            pending.AddOrUpdate(db, state);
            await db.SaveChangesAsync(ct);
            if (state.OwnTransaction is not null)
            {
                await state.OwnTransaction.CommitAsync(ct);
            }
        }
        finally
        {
            pending.Remove(db);
            if (state.OwnTransaction is not null)
            {
                await state.OwnTransaction.DisposeAsync();
            }
        }
    }

    // A failed save leaves nothing behind: the entries it would have written are not saved by a retry.
    private async Task AbandonAsync(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var state) || state.WritingAwaited)
        {
            return;
        }
        pending.Remove(context);
        foreach (var audit in state.Added)
        {
            context.Entry(audit).State = EntityState.Detached;
        }
        if (state.OwnTransaction is not null)
        {
            await state.OwnTransaction.RollbackAsync();
            await state.OwnTransaction.DisposeAsync();
        }
    }
}
