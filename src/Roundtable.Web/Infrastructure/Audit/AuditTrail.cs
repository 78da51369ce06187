using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.Infrastructure.Audit;

public sealed record AuditFilter(string? RecordType = null, int? RecordId = null, string? PersonId = null,
    IReadOnlyCollection<string>? PersonIds = null, DateOnly? From = null, DateOnly? To = null);

public sealed record AuditRow(long Id, DateTime At, string By, string Action, string RecordType, int RecordId, string? PersonId, string? Changes, string? Detail)
{
    // { "Field": { "before", "after" } }, with the entry's note (a reason, a reference) as "note".
    public JsonObject? ChangesObject()
    {
        var changes = Changes is null ? null : JsonNode.Parse(Changes) as JsonObject;
        if (Detail is not null)
        {
            changes ??= [];
            changes["note"] = Detail;
        }
        return changes;
    }

    // One line per field for pages and CSV: "VatRegistered: false → true".
    public IReadOnlyList<string> ChangeLines()
    {
        var lines = new List<string>();
        if (Changes is not null && JsonNode.Parse(Changes) is JsonObject fields)
        {
            foreach (var (field, value) in fields)
            {
                lines.Add($"{field}: {Show(value?["before"])} → {Show(value?["after"])}");
            }
        }
        if (Detail is not null)
        {
            lines.Add(Detail);
        }
        return lines;
    }

    private static string Show(JsonNode? value) => value is null ? "(none)" : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
}

// Reading the trail: newest first, names of who did it resolved now (so an erased person's name is
// never stored in the trail), bounded by paging.
public sealed class AuditTrail(AppDbContext db)
{
    public const int MaxExportRows = 50_000;
    public const string SystemActor = "System";

    public async Task<(List<AuditRow> Rows, int Total)> PageAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        var query = Newest(filter);
        var total = await query.CountAsync(ct);
        var rows = await Project(query.Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize), ct);
        return (rows, total);
    }

    // The filtered trail, newest first to the last tie, for the API's shared paging.
    public IQueryable<AuditEntry> Newest(AuditFilter filter) =>
        Filtered(filter).OrderByDescending(e => e.At).ThenByDescending(e => e.Id);

    // Entries already read, with the names of who did it resolved now.
    public async Task<List<AuditRow>> RowsAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken ct = default)
    {
        var userIds = entries.Select(e => e.UserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        return entries.Select(e => new AuditRow(e.Id, e.At,
                e.UserId is null ? SystemActor : names.GetValueOrDefault(e.UserId, "Former member"),
                e.Action, e.Subject, e.SubjectId, e.PersonId, e.Changes, e.Detail))
            .ToList();
    }

    // A record's own history, oldest first, as its page shows it.
    public Task<List<AuditRow>> HistoryAsync(string recordType, int recordId, CancellationToken ct = default) =>
        Project(db.AuditEntries.AsNoTracking().Where(e => e.Subject == recordType && e.SubjectId == recordId)
            .OrderBy(e => e.At).ThenBy(e => e.Id).Take(MaxExportRows), ct);

    public Task<List<AuditRow>> PersonHistoryAsync(string personId, CancellationToken ct = default) =>
        Project(db.AuditEntries.AsNoTracking().Where(e => e.PersonId == personId)
            .OrderBy(e => e.At).ThenBy(e => e.Id).Take(MaxExportRows), ct);

    public async Task<byte[]> CsvAsync(AuditFilter filter, CancellationToken ct = default)
    {
        var rows = await Project(Newest(filter).Take(MaxExportRows), ct);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = CsvHelper.Configuration.InjectionOptions.Escape }))
        {
            foreach (var h in (string[])["When", "By", "Action", "Record type", "Record id", "Changes"])
            {
                csv.WriteField(h);
            }
            await csv.NextRecordAsync();
            foreach (var row in rows)
            {
                foreach (var field in (string[])[UkFormat.IsoLocal(row.At), row.By, row.Action, row.RecordType, row.RecordId.ToString(CultureInfo.InvariantCulture), string.Join("; ", row.ChangeLines())])
                {
                    csv.WriteField(field);
                }
                await csv.NextRecordAsync();
            }
        }
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    private IQueryable<AuditEntry> Filtered(AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.RecordType))
        {
            query = query.Where(e => e.Subject == filter.RecordType);
        }
        if (filter.RecordId is { } id)
        {
            query = query.Where(e => e.SubjectId == id);
        }
        if (!string.IsNullOrEmpty(filter.PersonId))
        {
            query = query.Where(e => e.PersonId == filter.PersonId);
        }
        if (filter.PersonIds is { } people)
        {
            query = query.Where(e => e.PersonId != null && people.Contains(e.PersonId));
        }
        if (filter.From is { } from && LondonTime.TryToUtc(from.ToDateTime(TimeOnly.MinValue), out var start))
        {
            query = query.Where(e => e.At >= start);
        }
        if (filter.To is { } to && LondonTime.TryToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), out var end))
        {
            query = query.Where(e => e.At < end);
        }
        return query;
    }

    private async Task<List<AuditRow>> Project(IQueryable<AuditEntry> query, CancellationToken ct) =>
        await RowsAsync(await query.ToListAsync(ct), ct);
}
