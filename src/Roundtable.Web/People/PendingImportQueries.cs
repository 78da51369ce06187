using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.People;

public sealed record PendingImportWithErrors(Guid Id, int CohortId, string CohortName, string FileName, DateTime UploadedAt, string UploadedBy, int ErrorRows, string? FileError);

// Uploaded delegate files still waiting for a decision whose preview shows errors: the programme
// team's home counts them and /Programme/Imports lists them, each linking back to its preview.
public sealed class PendingImportQueries(AppDbContext db, DelegateImport import, TimeProvider time)
{
    // Previews older than this are dropped at the next upload, so they no longer need attention.
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    public const int MaxChecked = 50;

    public async Task<List<PendingImportWithErrors>> WithErrorsAsync(CancellationToken ct = default)
    {
        var since = time.UtcNow() - Lifetime;
        var pending = await db.PendingImports.AsNoTracking()
            .Where(p => p.CreatedAt >= since)
            .OrderByDescending(p => p.CreatedAt)
            .Take(MaxChecked)
            .Select(p => new
            {
                p.Id, p.CohortId, p.FileName, p.CreatedAt, p.Content,
                Cohort = db.Cohorts.Where(c => c.Id == p.CohortId).Select(c => c.Name).FirstOrDefault(),
                By = db.Users.Where(u => u.Id == p.CreatedById).Select(u => u.FullName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var rows = new List<PendingImportWithErrors>();
        foreach (var p in pending)
        {
            var analysis = await import.AnalyseAsync(p.CohortId, p.Content, ct);
            if (analysis.HasErrors)
            {
                rows.Add(new PendingImportWithErrors(p.Id, p.CohortId, p.Cohort ?? "", p.FileName, p.CreatedAt, p.By ?? "Former member",
                    analysis.Count(ImportRowStatus.Error), analysis.FileError));
            }
        }
        return rows;
    }
}
