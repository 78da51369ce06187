using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.Projects;

public static class ProjectFiles
{
    // Documents and uploaded accounts of several versions, and exemplars, may share a stored file; it goes when nothing uses it.
    public static async Task DeleteFileIfUnusedAsync(this AppDbContext db, Guid fileId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.SubmissionDocuments.AnyAsync(d => d.FileId == fileId, ct) && !await db.Exemplars.AnyAsync(e => e.FileId == fileId, ct)
            && !await db.Submissions.AnyAsync(s => s.AccountFileId == fileId, ct))
        {
            await db.StoredFiles.Where(f => f.Id == fileId).ExecuteDeleteAsync(ct);
        }
    }
}
