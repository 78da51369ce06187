using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Roundtable.Web.Projects;

public sealed record BankHoliday(DateOnly Date, string Title, string Notes);

public sealed class BankHolidayCalendar
{
    private readonly Dictionary<DateOnly, BankHoliday> byDate;

    public BankHolidayCalendar(IEnumerable<BankHoliday> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        byDate = [];
        foreach (var holiday in holidays)
        {
            if (!byDate.TryAdd(holiday.Date, holiday))
            {
                throw new ArgumentException(
                    $"Two bank holidays on {holiday.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.",
                    nameof(holidays));
            }
        }

        Holidays = [.. byDate.Values.OrderBy(h => h.Date)];
    }

    public static BankHolidayCalendar Empty { get; } = new([]);

    public IReadOnlyList<BankHoliday> Holidays { get; }

    public int? FirstYear => Holidays.Count == 0 ? null : Holidays[0].Date.Year;

    public int? LastYear => Holidays.Count == 0 ? null : Holidays[^1].Date.Year;

    public bool IsHoliday(DateOnly date) => byDate.ContainsKey(date);

    public bool TryGetTitle(DateOnly date, [NotNullWhen(true)] out string? title)
    {
        if (byDate.TryGetValue(date, out var holiday))
        {
            title = holiday.Title;
            return true;
        }

        title = null;
        return false;
    }

    // The list is only trustworthy for whole years it contains; beyond them a working day may be a
    // holiday nobody has loaded yet.
    public bool Covers(DateOnly date) =>
        FirstYear is { } first && LastYear is { } last && date.Year >= first && date.Year <= last;

    public IReadOnlyList<BankHoliday> InYear(int year) => [.. Holidays.Where(h => h.Date.Year == year)];
}

public sealed record BankHolidayParseResult(BankHolidayCalendar? Calendar, IReadOnlyList<string> Errors)
{
    [MemberNotNullWhen(true, nameof(Calendar))]
    public bool Succeeded => Calendar is not null;
}

// Reads the GOV.UK format published at https://www.gov.uk/bank-holidays.json.
public static class BankHolidays
{
    public const string Division = "england-and-wales";
    public const string ShippedResourceName = "Roundtable.Web.Projects.bank-holidays.json";

    public static BankHolidayParseResult Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Failure("The bank holiday file is empty.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1})")
                : string.Empty;
            return Failure($"The bank holiday file is not valid JSON{where}.");
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    public static BankHolidayCalendar LoadShipped()
    {
        using var stream = typeof(BankHolidays).Assembly.GetManifestResourceStream(ShippedResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ShippedResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var result = Parse(reader.ReadToEnd());
        return result.Succeeded
            ? result.Calendar
            : throw new InvalidOperationException("The shipped bank holiday file is invalid: " + string.Join(" ", result.Errors));
    }

    private static BankHolidayParseResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Failure("The bank holiday file must be a JSON object keyed by division, as published on GOV.UK.");
        }

        if (!root.TryGetProperty(Division, out var division) || division.ValueKind != JsonValueKind.Object)
        {
            return Failure($"The bank holiday file has no \"{Division}\" division.");
        }

        if (!division.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            return Failure($"The \"{Division}\" division has no \"events\" list.");
        }

        var errors = new List<string>();
        var holidays = new List<BankHoliday>();
        var seen = new Dictionary<DateOnly, string>();
        var index = 0;
        foreach (var item in events.EnumerateArray())
        {
            index++;
            var label = string.Create(CultureInfo.InvariantCulture, $"Event {index}");
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{label} is not an object.");
                continue;
            }

            var title = StringProperty(item, "title")?.Trim();
            var dateText = StringProperty(item, "date");
            var notes = StringProperty(item, "notes")?.Trim() ?? string.Empty;
            if (string.IsNullOrEmpty(title))
            {
                errors.Add($"{label} has no title.");
            }
            else
            {
                label += $" ({title})";
            }

            if (dateText is null)
            {
                errors.Add($"{label} has no date.");
                continue;
            }

            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add($"{label} has date \"{dateText}\", which is not a real date in the form YYYY-MM-DD.");
                continue;
            }

            if (string.IsNullOrEmpty(title))
            {
                continue;
            }

            if (seen.TryGetValue(date, out var earlier))
            {
                errors.Add($"{label} is on {dateText}, which is already listed as {earlier}.");
                continue;
            }

            seen.Add(date, title);
            holidays.Add(new BankHoliday(date, title, notes));
        }

        if (errors.Count == 0 && holidays.Count == 0)
        {
            errors.Add($"The \"{Division}\" division lists no bank holidays.");
        }

        return errors.Count == 0
            ? new BankHolidayParseResult(new BankHolidayCalendar(holidays), [])
            : new BankHolidayParseResult(null, errors);
    }

    private static string? StringProperty(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static BankHolidayParseResult Failure(string error) => new(null, [error]);
}
