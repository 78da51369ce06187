using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.Projects;

// The calendars the rules need: bank holidays (the newest upload, else the shipped list) and the
// term dates (the English defaults until the programme team keeps its own); and the assessment criteria.
public sealed class ProjectCalendar(AppDbContext db, TimeProvider time, ReferenceDataCache cache)
{
    private static readonly Lazy<BankHolidayCalendar> Shipped = new(BankHolidays.LoadShipped);

    // Parsed uploads by row id: a row never changes, so every server may keep its own copy.
    private static readonly ConcurrentDictionary<int, BankHolidayCalendar> Parsed = new();

    public static BankHolidayCalendar ShippedHolidays => Shipped.Value;

    // Every page with a deadline or a working-day count reads these: kept briefly (ReferenceDataCache).
    public Task<BankHolidayCalendar> HolidaysAsync(CancellationToken ct = default) =>
        cache.GetAsync(nameof(HolidaysAsync), LoadHolidaysAsync, ct);

    private async Task<BankHolidayCalendar> LoadHolidaysAsync(CancellationToken ct)
    {
        var latestId = await db.BankHolidayFiles.AsNoTracking()
            .OrderByDescending(f => f.UploadedAt).ThenByDescending(f => f.Id)
            .Select(f => (int?)f.Id).FirstOrDefaultAsync(ct);
        if (latestId is not int id)
        {
            return Shipped.Value;
        }
        if (Parsed.TryGetValue(id, out var cached))
        {
            return cached;
        }
        var json = await db.BankHolidayFiles.AsNoTracking().Where(f => f.Id == id).Select(f => f.Json).SingleAsync(ct);
        // Uploads are checked before they are stored; an unreadable one would fall back to the shipped list.
        var parsed = BankHolidays.Parse(json);
        var calendar = parsed.Succeeded ? parsed.Calendar : Shipped.Value;
        if (Parsed.Count > 16)
        {
            Parsed.Clear();
        }
        Parsed[id] = calendar;
        return calendar;
    }

    // Until the programme team's page stores them, an empty table means the English defaults.
    public Task<IReadOnlyList<TermPeriod>> TermsAsync(CancellationToken ct = default) =>
        cache.GetAsync(nameof(TermsAsync), async token =>
        {
            var terms = await db.SchoolTerms.AsNoTracking().OrderBy(t => t.Start).ToListAsync(token);
            return terms.Count == 0 ? SchoolTerms.EnglishDefaults : (IReadOnlyList<TermPeriod>)terms.Select(t => t.ToPeriod()).ToList();
        }, ct);

    // The criteria of every project, in order: what the requirements panels count evidence against.
    public Task<IReadOnlyList<AssessmentCriterion>> CriteriaAsync(CancellationToken ct = default) =>
        cache.GetAsync(nameof(CriteriaAsync), async token =>
            (IReadOnlyList<AssessmentCriterion>)await db.AssessmentCriteria.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Code).ToListAsync(token), ct);

    // Called where nothing else is being saved (the term dates page), so it saves only the defaults.
    public async Task EnsureDefaultTermsAsync(CancellationToken ct = default)
    {
        if (await db.SchoolTerms.AnyAsync(ct))
        {
            return;
        }
        db.SchoolTerms.AddRange(SchoolTerms.EnglishDefaults.Select(SchoolTerm.From));
        // Two first visits at once: the unique names make the second a no-op.
        await db.TrySaveUniqueAsync(ct);
    }

    // A new term when id is null. It must fit with the other terms: no overlaps, no repeated names.
    public async Task<Result<SchoolTerm>> SaveTermAsync(int? id, TermInput input, CancellationToken ct = default)
    {
        var term = id is null ? null : await db.SchoolTerms.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (id is not null && term is null)
        {
            return Failure.NotFound("There is no such term.");
        }
        var read = SchoolTerm.Read(input);
        if (!read.Succeeded)
        {
            return read.Failure;
        }
        var others = await db.SchoolTerms.AsNoTracking().Where(t => t.Id != (id ?? 0)).ToListAsync(ct);
        var problems = SchoolTerms.Validate(others.Select(t => t.ToPeriod()).Append(read.Value));
        if (problems.Count > 0)
        {
            var errors = new FieldErrors();
            foreach (var problem in problems)
            {
                errors.Add(FieldError.General, problem);
            }
            return errors.ToFailure()!;
        }
        if (term is null)
        {
            term = new SchoolTerm();
            db.SchoolTerms.Add(term);
        }
        term.Set(read.Value);
        return await db.TrySaveUniqueAsync(ct)
            ? term
            : Failure.Conflict("Another term with this name or start date was saved at the same moment", nameof(input.Name));
    }

    public async Task<Result<SchoolTerm>> DeleteTermAsync(int id, CancellationToken ct = default)
    {
        var term = await db.SchoolTerms.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (term is null)
        {
            return Failure.NotFound("There is no such term.");
        }
        db.SchoolTerms.Remove(term);
        await db.SaveChangesAsync(ct);
        return term;
    }

    // The uploaded list replaces the one in use (the newest upload wins).
    public async Task<Result<BankHolidayFile>> UploadHolidaysAsync(HolidayFileInput input, string byId, string byName, CancellationToken ct = default)
    {
        if (BankHolidayFile.CheckUpload(input) is { } refused)
        {
            return refused;
        }
        var json = await BankHolidayFile.ReadTextAsync(input.Upload!, ct);
        if (!json.Succeeded)
        {
            return json.Failure;
        }
        var file = BankHolidayFile.Create(input.Upload!.FileName, json.Value, byId, byName, time.UtcNow());
        if (file.Succeeded)
        {
            db.BankHolidayFiles.Add(file.Value);
            await db.SaveChangesAsync(ct);
        }
        return file;
    }

    public async Task RevertHolidaysAsync(CancellationToken ct = default)
    {
        await db.BankHolidayFiles.ExecuteDeleteAsync(ct);
        cache.Forget();
    }
}
