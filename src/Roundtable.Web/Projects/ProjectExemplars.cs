using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Files;

namespace Roundtable.Web.Projects;

// Exemplars the programme team publishes for delegates to read, unique by title within a project.
public sealed class ProjectExemplars(AppDbContext db, TimeProvider time)
{
    public async Task<Result<Exemplar>> PublishAsync(ExemplarInput input, string userId, CancellationToken ct = default)
    {
        var read = Exemplar.Read(input);
        if (!read.Succeeded)
        {
            return read.Failure;
        }
        var (project, title, summary, phase) = read.Value;
        if (await db.Exemplars.AnyAsync(e => e.Project == project && e.Title == title, ct))
        {
            return Failure.Conflict(Exemplar.Duplicate(project, title), nameof(input.Title));
        }
        var now = time.UtcNow();
        var file = (await FileRules.ReadAsync(input.Upload!, userId, now, ct))!;
        db.StoredFiles.Add(file);
        var exemplar = new Exemplar { Project = project, Title = title, Summary = summary, Phase = phase, FileId = file.Id, PublishedAt = now, PublishedById = userId };
        db.Exemplars.Add(exemplar);
        return await db.TrySaveUniqueAsync(ct) ? exemplar : Failure.Conflict(Exemplar.Duplicate(project, title), nameof(input.Title));
    }

    public async Task<Result<Exemplar>> RemoveAsync(int id, CancellationToken ct = default)
    {
        var exemplar = await db.Exemplars.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exemplar is null)
        {
            return Failure.NotFound("There is no such exemplar.");
        }
        db.Exemplars.Remove(exemplar);
        await db.SaveChangesAsync(ct);
        await db.DeleteFileIfUnusedAsync(exemplar.FileId, ct);
        return exemplar;
    }
}
