using System.Globalization;
using System.Net.Mail;
using CsvHelper;
using CsvHelper.Configuration;

namespace Roundtable.Web.People;

// The delegates' CSV file: its columns, reading it, and checking each row on its own. Pure, so
// the import's preview and its confirmation read a file alike.
public static class DelegateCsv
{
    public const int MaxRows = 20_000;
    public static readonly string[] RequiredColumns = ["email", "name", "school_urn", "school_name", "phase", "setting_type", "region"];
    public static readonly string[] OptionalColumns = ["number_on_roll", "birthday", "tutor_email"];

    public sealed record Row(int Line, Dictionary<string, string> Values);

    public sealed record ValidRow(int Line, string Email, string Name, int Urn, string SchoolName, SchoolPhase Phase,
        SettingType SettingType, Region Region, int? NumberOnRoll, Birthday? Birthday, string? TutorEmail);

    // The row's error in a few words, or null with the row read.
    public static string? Check(Row row, Func<string, bool> isTutorEmail, out ValidRow? valid)
    {
        valid = null;
        string Get(string column) => row.Values.GetValueOrDefault(column, "").Trim();

        var email = Get("email");
        if (email.Length == 0) { return "missing e-mail"; }
        if (email.Length > AppUser.EmailMaxLength || !IsEmail(email)) { return $"bad e-mail address '{Shorten(email)}'"; }
        var name = Get("name");
        if (name.Length == 0) { return "missing name"; }
        if (name.Length > AppUser.NameMaxLength) { return $"name is longer than {AppUser.NameMaxLength} characters"; }

        var urnText = Get("school_urn");
        if (urnText.Length == 0) { return "missing school URN"; }
        if (!int.TryParse(urnText, NumberStyles.None, CultureInfo.InvariantCulture, out var urn) || !School.IsValidUrn(urn))
        {
            return $"bad URN '{Shorten(urnText)}': a URN is six digits";
        }
        var schoolName = Get("school_name");
        if (schoolName.Length == 0) { return "missing school name"; }
        if (schoolName.Length > School.NameMaxLength) { return $"school name is longer than {School.NameMaxLength} characters"; }
        if (!EnumText.TryParse<SchoolPhase>(Get("phase"), out var phase))
        {
            return $"unknown phase '{Shorten(Get("phase"))}' (use one of: {EnumText.AllDisplayed<SchoolPhase>()})";
        }
        if (!EnumText.TryParse<SettingType>(Get("setting_type"), out var setting))
        {
            return $"unknown setting type '{Shorten(Get("setting_type"))}' (use one of: {EnumText.AllDisplayed<SettingType>()})";
        }
        if (!EnumText.TryParse<Region>(Get("region"), out var region))
        {
            return $"unknown region '{Shorten(Get("region"))}' (use one of: {EnumText.AllDisplayed<Region>()})";
        }
        int? roll = null;
        var rollText = Get("number_on_roll");
        if (rollText.Length > 0)
        {
            if (!int.TryParse(rollText.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var r) || r > 10_000)
            {
                return $"bad number on roll '{Shorten(rollText)}': a whole number up to 10,000";
            }
            roll = r;
        }
        Birthday? birthday = null;
        var birthdayText = Get("birthday");
        if (birthdayText.Length > 0)
        {
            if (!Birthday.TryParse(birthdayText, out var b)) { return $"bad birthday '{Shorten(birthdayText)}': give day and month only, as 14/03"; }
            birthday = b;
        }
        var tutor = Get("tutor_email");
        if (tutor.Length > 0 && !isTutorEmail(tutor))
        {
            return $"unknown tutor '{Shorten(tutor)}': no tutor has that e-mail";
        }
        valid = new ValidRow(row.Line, email, name, urn, schoolName, phase, setting, region, roll, birthday, tutor.Length > 0 ? tutor : null);
        return null;
    }

    private static bool IsEmail(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('.', StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    // The rows of the file, or what is wrong with the file as a whole.
    public static (string? Error, List<Row> Rows) Read(string csv)
    {
        var rows = new List<Row>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        try
        {
            using var reader = new CsvReader(new StringReader(csv), config);
            if (!reader.Read() || !reader.ReadHeader() || reader.HeaderRecord is null)
            {
                return ("The file is empty. The first line must name the columns: " + string.Join(", ", RequiredColumns) + ".", rows);
            }
            var headers = reader.HeaderRecord.Select(NormaliseHeader).ToArray();
            var missing = RequiredColumns.Where(c => !headers.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                return ($"The file has no {string.Join(", ", missing.Select(m => $"'{m}'"))} column. The first line must name the columns: {string.Join(", ", RequiredColumns)} (and optionally {string.Join(", ", OptionalColumns)}).", rows);
            }
            while (reader.Read())
            {
                if (rows.Count >= MaxRows)
                {
                    return ($"The file has more than {MaxRows:N0} rows. Split it into smaller files.", []);
                }
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < headers.Length; i++)
                {
                    values[headers[i]] = reader.TryGetField<string>(i, out var field) ? field ?? "" : "";
                }
                if (values.Values.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                rows.Add(new Row(reader.Parser.RawRow, values));
            }
        }
        catch (CsvHelperException e)
        {
            return ($"The file could not be read as CSV near line {e.Context?.Parser?.RawRow ?? 0}. Save it from your spreadsheet as 'CSV UTF-8' and try again.", []);
        }
        return rows.Count == 0 ? ("The file has column names but no rows of delegates.", rows) : (null, rows);
    }

    private static string NormaliseHeader(string header) =>
        header.Trim().Trim('\uFEFF').ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    // Two rows naming one school must describe it alike (a blank number on roll agrees with any).
    public static bool SameSchool(ValidRow a, ValidRow b) =>
        a.SchoolName == b.SchoolName && a.Phase == b.Phase && a.SettingType == b.SettingType && a.Region == b.Region
        && (a.NumberOnRoll is null || b.NumberOnRoll is null || a.NumberOnRoll == b.NumberOnRoll);
}
