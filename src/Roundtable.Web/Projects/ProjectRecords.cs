using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.Projects;

// What a delegate keeps about their two projects: Project 1's plan and dates, Project 2's placement,
// its days and closures, and its budget. Each change is checked by the project, then saved; a unique
// index stops two windows creating the same project or logging the same day twice.
public sealed class ProjectRecords(AppDbContext db, ProjectCalendar calendar, TimeProvider time)
{
    public async Task<Failure?> SaveProject1Async(int participantId, Project1Input input, CancellationToken ct = default)
    {
        var project = await db.Project1s.FirstOrDefaultAsync(p => p.ParticipantId == participantId, ct);
        var isNew = project is null;
        project ??= new Project1 { ParticipantId = participantId };
        if (project.Update(input, time.UtcNow()) is { } failure)
        {
            return failure;
        }
        if (isNew)
        {
            db.Project1s.Add(project);
        }
        return await db.TrySaveUniqueAsync(ct)
            ? null
            : Failure.Conflict("Project 1 was started in another window at the same moment. Save again to keep what you typed here.");
    }

    public async Task<Failure?> SaveProject2Async(int participantId, Project2Input input, CancellationToken ct = default)
    {
        var project = await Project2Async(participantId, db.Project2s, ct);
        if (project.Update(input, time.UtcNow()) is { } failure)
        {
            return failure;
        }
        return await SaveAsync(project, ct)
            ? null
            : Failure.Conflict("Project 2 was started in another window at the same moment. Save again to keep what you typed here.");
    }

    // Logged, with whether it counts as a placement day and why not.
    public async Task<Result<DayClassification>> LogPlacementDayAsync(int participantId, PlacementDayInput input, CancellationToken ct = default)
    {
        var project = await Project2Async(participantId, db.Project2s.Include(p => p.PlacementDays).Include(p => p.ClosureDays).AsSplitQuery(), ct);
        var logged = project.LogDay(input, LondonTime.Today(time), time.UtcNow());
        if (!logged.Succeeded)
        {
            return logged.Failure;
        }
        var date = logged.Value.Date;
        if (!await SaveAsync(project, ct))
        {
            return Failure.Conflict(PlacementDay.AlreadyLogged(date), nameof(input.Date));
        }
        return WorkingDays.Classify(date, await calendar.HolidaysAsync(ct), project.ClosureDays.Select(c => c.Date).ToHashSet());
    }

    public async Task<Result<ClosureDay>> RecordClosureAsync(int participantId, ClosureDayInput input, CancellationToken ct = default)
    {
        var project = await Project2Async(participantId, db.Project2s.Include(p => p.ClosureDays), ct);
        var recorded = project.RecordClosure(input, time.UtcNow());
        if (!recorded.Succeeded)
        {
            return recorded.Failure;
        }
        return await SaveAsync(project, ct)
            ? recorded.Value
            : Failure.Conflict(ClosureDay.AlreadyRecorded(recorded.Value.Date), nameof(input.Date));
    }

    public async Task<Result<BudgetLine>> AddBudgetLineAsync(int participantId, BudgetLineInput input, CancellationToken ct = default)
    {
        var project = await Project2Async(participantId, db.Project2s.Include(p => p.BudgetLines), ct);
        var added = project.AddBudgetLine(input, LondonTime.Today(time), time.UtcNow());
        if (!added.Succeeded)
        {
            return added.Failure;
        }
        return await SaveAsync(project, ct)
            ? added.Value
            : Failure.Conflict("Project 2 was started in another window at the same moment. Add the line again.");
    }

    public async Task<Result<PlacementDay>> RemovePlacementDayAsync(int participantId, int dayId, CancellationToken ct = default) =>
        await RemoveAsync(db.PlacementDays.Where(d => d.Id == dayId && db.Project2s.Any(p => p.Id == d.Project2Id && p.ParticipantId == participantId)),
            "There is no such day in your log.", ct);

    public async Task<Result<ClosureDay>> RemoveClosureAsync(int participantId, int closureId, CancellationToken ct = default) =>
        await RemoveAsync(db.ClosureDays.Where(d => d.Id == closureId && db.Project2s.Any(p => p.Id == d.Project2Id && p.ParticipantId == participantId)),
            "There is no such closure day on your placement.", ct);

    public async Task<Result<BudgetLine>> RemoveBudgetLineAsync(int participantId, int lineId, CancellationToken ct = default) =>
        await RemoveAsync(db.BudgetLines.Where(l => l.Id == lineId && db.Project2s.Any(p => p.Id == l.Project2Id && p.ParticipantId == participantId)),
            "There is no such line in your budget.", ct);

    // The delegate's Project 2, or a new one (added on saving) when they have none yet.
    private static async Task<Project2> Project2Async(int participantId, IQueryable<Project2> query, CancellationToken ct) =>
        await query.FirstOrDefaultAsync(p => p.ParticipantId == participantId, ct) ?? new Project2 { ParticipantId = participantId };

    private async Task<bool> SaveAsync(Project2 project, CancellationToken ct)
    {
        if (project.Id == 0)
        {
            db.Project2s.Add(project);
        }
        return await db.TrySaveUniqueAsync(ct);
    }

    private async Task<Result<T>> RemoveAsync<T>(IQueryable<T> mine, string notFound, CancellationToken ct) where T : class
    {
        var row = await mine.FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return Failure.NotFound(notFound);
        }
        db.Remove(row);
        await db.SaveChangesAsync(ct);
        return row;
    }
}
