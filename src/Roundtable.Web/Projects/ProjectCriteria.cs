using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.Projects;

// The assessment criteria the programme team keeps, unique by code within a project.
public sealed class ProjectCriteria(AppDbContext db)
{
    // A new criterion when id is null; one that does not exist is not found.
    public async Task<Result<AssessmentCriterion>> SaveAsync(int? id, CriterionInput input, CancellationToken ct = default)
    {
        var criterion = id is null ? null : await db.AssessmentCriteria.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (id is not null && criterion is null)
        {
            return Failure.NotFound("There is no such criterion.");
        }
        var read = AssessmentCriterion.Read(input, criterion?.Project);
        if (!read.Succeeded)
        {
            return read.Failure;
        }
        var (project, code, text, position) = read.Value;
        if (await db.AssessmentCriteria.AnyAsync(c => c.Project == project && c.Code == code && c.Id != (id ?? 0), ct))
        {
            return Failure.Conflict(AssessmentCriterion.Duplicate(project, code), nameof(input.Code));
        }
        if (criterion is null)
        {
            criterion = new AssessmentCriterion { Project = project };
            db.AssessmentCriteria.Add(criterion);
        }
        criterion.Code = code;
        criterion.Text = text;
        criterion.Position = position ?? (await db.AssessmentCriteria.Where(c => c.Project == project).MaxAsync(c => (int?)c.Position, ct) ?? 0) + 1;
        return await db.TrySaveUniqueAsync(ct) ? criterion : Failure.Conflict(AssessmentCriterion.Duplicate(project, code), nameof(input.Code));
    }

    public async Task<Result<AssessmentCriterion>> DeleteAsync(int id, CancellationToken ct = default)
    {
        var criterion = await db.AssessmentCriteria.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (criterion is null)
        {
            return Failure.NotFound("There is no such criterion.");
        }
        if (criterion.CheckDeletable(await UsesAsync(id, ct)) is { } refused)
        {
            return refused;
        }
        db.AssessmentCriteria.Remove(criterion);
        await db.SaveChangesAsync(ct);
        return criterion;
    }

    // Judgements and document mappings that refer to it.
    public async Task<int> UsesAsync(int id, CancellationToken ct = default) =>
        await db.CriterionJudgements.CountAsync(j => j.CriterionId == id, ct) + await db.DocumentCriteria.CountAsync(d => d.CriterionId == id, ct);
}
