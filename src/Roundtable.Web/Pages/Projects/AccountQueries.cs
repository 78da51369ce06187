using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.Pages.Projects;

public static class AccountQueries
{
    // A version's documents with the codes of the criteria each evidences, without loading file contents.
    public static async Task<List<AccountDocument>> DocumentsAsync(AppDbContext db, int submissionId, CancellationToken ct)
    {
        var rows = await db.SubmissionDocuments.AsNoTracking().Where(d => d.SubmissionId == submissionId)
            .OrderBy(d => d.AddedAt).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.File.FileName, d.File.Size, Criteria = d.Criteria.Select(c => c.CriterionId).ToList() })
            .ToListAsync(ct);
        var ids = rows.SelectMany(r => r.Criteria).Distinct().ToList();
        var codes = await db.AssessmentCriteria.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        return rows.Select(r => new AccountDocument(r.Id, r.FileName, r.Size,
            r.Criteria.Select(id => codes.GetValueOrDefault(id, "?")).Order(StringComparer.Ordinal).ToList())).ToList();
    }

    public static AccountView View(Roundtable.Web.Projects.Submission s, IReadOnlyList<AccountDocument> documents, string downloadUrl) =>
        new(s.Project, s.Sections, s.Annexes, s.Words, documents, downloadUrl);
}
