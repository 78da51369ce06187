using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.Projects;

// The calendars the rules need: bank holidays (the newest upload, else the shipped list) and the
// term dates (the English defaults until the programme team keeps its own).
public sealed class ProjectCalendar(AppDbContext db)
{
    private static readonly Lazy<BankHolidayCalendar> Shipped = new(BankHolidays.LoadShipped);

    // Parsed uploads by row id: a row never changes, so every server may keep its own copy.
    private static readonly ConcurrentDictionary<int, BankHolidayCalendar> Parsed = new();

    public static BankHolidayCalendar ShippedHolidays => Shipped.Value;

    public async Task<BankHolidayCalendar> HolidaysAsync(CancellationToken ct = default)
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
    public async Task<IReadOnlyList<TermPeriod>> TermsAsync(CancellationToken ct = default)
    {
        var terms = await db.SchoolTerms.AsNoTracking().OrderBy(t => t.Start).ToListAsync(ct);
        return terms.Count == 0 ? SchoolTerms.EnglishDefaults : terms.Select(t => t.ToPeriod()).ToList();
    }

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
}
