using System.Globalization;
using System.Net.Mail;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;

namespace Roundtable.Web.People;

public enum ImportRowStatus { New, Update, Unchanged, Error }

public sealed record ImportRowResult(int Line, string Email, string Name, ImportRowStatus Status, string Detail);

public sealed record ImportAnalysis(string? FileError, IReadOnlyList<ImportRowResult> Rows)
{
    public int Count(ImportRowStatus status) => Rows.Count(r => r.Status == status);
    public bool HasErrors => FileError is not null || Rows.Any(r => r.Status == ImportRowStatus.Error);
    public bool HasChanges => Rows.Any(r => r.Status is ImportRowStatus.New or ImportRowStatus.Update);
}

public sealed record ImportOutcome(bool Succeeded, string Message, int Created = 0, int Updated = 0);

// Imports a cohort's delegates from CSV. Analysis is pure over the file and the current database;
// the preview shows it, and confirming analyses again and applies it in one transaction, so
// nothing is half-written and re-importing the same file changes nothing.
public sealed class DelegateImport(AppDbContext db, UserManager<AppUser> users, TimeProvider time)
{
    public const int MaxRows = 20_000;
    public static readonly string[] RequiredColumns = ["email", "name", "school_urn", "school_name", "phase", "setting_type", "region"];
    public static readonly string[] OptionalColumns = ["number_on_roll", "birthday", "tutor_email"];

    private sealed record ParsedRow(int Line, Dictionary<string, string> Values);

    private sealed record ValidRow(int Line, string Email, string Name, int Urn, string SchoolName, SchoolPhase Phase,
        SettingType SettingType, Region Region, int? NumberOnRoll, Birthday? Birthday, string? TutorEmail);

    private sealed class State
    {
        public Dictionary<string, AppUser> UsersByEmail { get; } = new(StringComparer.Ordinal);
        public HashSet<string> DelegateIds { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Participant> ParticipantsByUser { get; } = new(StringComparer.Ordinal);
        public Dictionary<int, School> SchoolsByUrn { get; } = [];
        public Dictionary<string, AppUser> TutorsByEmail { get; } = new(StringComparer.Ordinal);
    }

    public async Task<ImportAnalysis> AnalyseAsync(int cohortId, string csv, CancellationToken ct = default)
    {
        var (analysis, _, _) = await AnalyseCoreAsync(cohortId, csv, ct);
        return analysis;
    }

    public async Task<ImportOutcome> ApplyAsync(Guid pendingImportId, bool skipErrorRows, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var pending = await db.PendingImports.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pendingImportId, ct);
        // Claiming the preview by deleting it makes a second confirmation wait for the first and
        // then find nothing to claim, on PostgreSQL as on SQLite.
        if (pending is null || await db.PendingImports.Where(p => p.Id == pendingImportId).ExecuteDeleteAsync(ct) == 0)
        {
            return new(false, "This import has already been confirmed or has expired. Upload the file again to see a new preview.");
        }

        var (analysis, valid, state) = await AnalyseCoreAsync(pending.CohortId, pending.Content, ct);
        if (analysis.FileError is not null)
        {
            return new(false, analysis.FileError);
        }
        var errors = analysis.Count(ImportRowStatus.Error);
        if (errors > 0 && !skipErrorRows)
        {
            return new(false, $"{Plural(errors, "row has", "rows have")} errors, so nothing was imported. Correct the file, or choose to skip the rows with errors.");
        }

        var now = time.UtcNow();
        var created = 0;
        var updated = 0;
        foreach (var row in valid)
        {
            var status = analysis.Rows.First(r => r.Line == row.Line).Status;
            if (status is ImportRowStatus.Unchanged or ImportRowStatus.Error)
            {
                continue;
            }
            ApplyRow(row, pending.CohortId, state, now);
            if (status == ImportRowStatus.New) { created++; } else { updated++; }
        }
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new(false, "Someone changed these people while you were importing, so nothing was imported. Upload the file again to see a fresh preview.");
        }
        var skipped = errors > 0 ? $" {Plural(errors, "row", "rows")} with errors skipped." : "";
        return new(true, $"Imported the file: {Plural(created, "new delegate", "new delegates")}, {Plural(updated, "update", "updates")}.{skipped}", created, updated);
    }

    private void ApplyRow(ValidRow row, int cohortId, State state, DateTime now)
    {
        if (!state.SchoolsByUrn.TryGetValue(row.Urn, out var school))
        {
            school = new School { Urn = row.Urn };
            db.Schools.Add(school);
            state.SchoolsByUrn[row.Urn] = school;
        }
        school.Name = row.SchoolName;
        school.Phase = row.Phase;
        school.SettingType = row.SettingType;
        school.Region = row.Region;
        school.NumberOnRoll = row.NumberOnRoll ?? school.NumberOnRoll;

        var key = users.NormalizeEmail(row.Email)!;
        if (!state.UsersByEmail.TryGetValue(key, out var user))
        {
            user = AppUser.Create(row.Email, row.Name, now);
            user.NormalizedEmail = key;
            user.NormalizedUserName = users.NormalizeName(row.Email);
            db.Users.Add(user);
            state.UsersByEmail[key] = user;
        }
        user.FullName = row.Name;
        if (state.DelegateIds.Add(user.Id))
        {
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = RoleSeed.IdOf(Roles.Delegate) });
        }
        if (!state.ParticipantsByUser.TryGetValue(user.Id, out var participant))
        {
            participant = new Participant { User = user, UserId = user.Id, CohortId = cohortId };
            db.Participants.Add(participant);
            state.ParticipantsByUser[user.Id] = participant;
        }
        participant.School = school;
        participant.Birthday = row.Birthday ?? participant.Birthday;
        if (row.TutorEmail is not null)
        {
            participant.TutorId = state.TutorsByEmail[users.NormalizeEmail(row.TutorEmail)!].Id;
        }
    }

    private async Task<(ImportAnalysis, List<ValidRow>, State)> AnalyseCoreAsync(int cohortId, string csv, CancellationToken ct)
    {
        var state = new State();
        var (fileError, parsed) = Parse(csv);
        if (fileError is not null)
        {
            return (new ImportAnalysis(fileError, []), [], state);
        }

        await LoadStateAsync(cohortId, parsed, state, ct);

        var results = new List<ImportRowResult>(parsed.Count);
        var valid = new List<ValidRow>(parsed.Count);
        var firstLineByEmail = new Dictionary<string, int>(StringComparer.Ordinal);
        var schoolInFile = new Dictionary<int, ValidRow>();
        foreach (var row in parsed)
        {
            var email = row.Values.GetValueOrDefault("email", "");
            var name = row.Values.GetValueOrDefault("name", "");
            var error = Validate(row, state, out var v);
            if (error is null)
            {
                var key = users.NormalizeEmail(v!.Email)!;
                if (firstLineByEmail.TryGetValue(key, out var first))
                {
                    error = $"duplicate row: {v.Email} is already on line {first}";
                }
                else if (schoolInFile.TryGetValue(v.Urn, out var other) && !SameSchool(other, v))
                {
                    error = $"school {v.Urn} has different details on line {other.Line}";
                }
                else
                {
                    firstLineByEmail[key] = v.Line;
                    schoolInFile.TryAdd(v.Urn, v);
                }
            }
            if (error is not null)
            {
                results.Add(new(row.Line, email, name, ImportRowStatus.Error, error));
                continue;
            }
            valid.Add(v!);
            var (status, detail) = Compare(v!, state);
            results.Add(new(row.Line, v!.Email, v.Name, status, detail));
        }
        return (new ImportAnalysis(null, results), valid, state);
    }

    private static bool SameSchool(ValidRow a, ValidRow b) =>
        a.SchoolName == b.SchoolName && a.Phase == b.Phase && a.SettingType == b.SettingType && a.Region == b.Region
        && (a.NumberOnRoll is null || b.NumberOnRoll is null || a.NumberOnRoll == b.NumberOnRoll);

    private (ImportRowStatus, string) Compare(ValidRow row, State state)
    {
        var changes = new List<string>();
        state.SchoolsByUrn.TryGetValue(row.Urn, out var school);
        if (school is null)
        {
            changes.Add($"new school {row.SchoolName}");
        }
        else if (school.Name != row.SchoolName || school.Phase != row.Phase || school.SettingType != row.SettingType
                 || school.Region != row.Region || (row.NumberOnRoll is not null && school.NumberOnRoll != row.NumberOnRoll))
        {
            changes.Add("school details");
        }

        if (!state.UsersByEmail.TryGetValue(users.NormalizeEmail(row.Email)!, out var user))
        {
            return (ImportRowStatus.New, string.Join("; ", changes.Prepend("new delegate")));
        }
        if (user.FullName != row.Name) { changes.Add("name"); }
        if (!state.DelegateIds.Contains(user.Id)) { changes.Add("adds the delegate role"); }
        if (!state.ParticipantsByUser.TryGetValue(user.Id, out var participant))
        {
            changes.Add("joins this cohort");
        }
        else
        {
            if (participant.SchoolId != school?.Id || school is null) { changes.Add("school"); }
            if (row.Birthday is not null && participant.Birthday != row.Birthday) { changes.Add("birthday"); }
            if (row.TutorEmail is not null && participant.TutorId != state.TutorsByEmail[users.NormalizeEmail(row.TutorEmail)!].Id) { changes.Add("tutor"); }
        }
        var distinct = changes.Distinct().ToList();
        return distinct.Count == 0 ? (ImportRowStatus.Unchanged, "no changes") : (ImportRowStatus.Update, string.Join("; ", distinct));
    }

    private string? Validate(ParsedRow row, State state, out ValidRow? valid)
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
        if (tutor.Length > 0 && !state.TutorsByEmail.ContainsKey(users.NormalizeEmail(tutor)!))
        {
            return $"unknown tutor '{Shorten(tutor)}': no tutor has that e-mail";
        }
        valid = new ValidRow(row.Line, email, name, urn, schoolName, phase, setting, region, roll, birthday, tutor.Length > 0 ? tutor : null);
        return null;
    }

    private static bool IsEmail(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('.', StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Plural(int n, string one, string many) => $"{n.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} {(n == 1 ? one : many)}";

    private static (string? Error, List<ParsedRow> Rows) Parse(string csv)
    {
        var rows = new List<ParsedRow>();
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
                rows.Add(new ParsedRow(reader.Parser.RawRow, values));
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

    private async Task LoadStateAsync(int cohortId, List<ParsedRow> parsed, State state, CancellationToken ct)
    {
        var emails = parsed.Select(r => users.NormalizeEmail(r.Values.GetValueOrDefault("email", "").Trim())!)
            .Where(e => e.Length > 0).Distinct().ToList();
        foreach (var chunk in emails.Chunk(500))
        {
            foreach (var user in await db.Users.Where(u => chunk.Contains(u.NormalizedEmail!)).ToListAsync(ct))
            {
                state.UsersByEmail[user.NormalizedEmail!] = user;
            }
        }
        var ids = state.UsersByEmail.Values.Select(u => u.Id).ToList();
        var delegateRoleId = RoleSeed.IdOf(Roles.Delegate);
        foreach (var chunk in ids.Chunk(500))
        {
            state.DelegateIds.UnionWith(await db.UserRoles.Where(r => r.RoleId == delegateRoleId && chunk.Contains(r.UserId)).Select(r => r.UserId).ToListAsync(ct));
            foreach (var p in await db.Participants.Where(p => p.CohortId == cohortId && chunk.Contains(p.UserId)).ToListAsync(ct))
            {
                state.ParticipantsByUser[p.UserId] = p;
            }
        }
        var urns = parsed.Select(r => int.TryParse(r.Values.GetValueOrDefault("school_urn", "").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? u : 0)
            .Where(School.IsValidUrn).Distinct().ToList();
        foreach (var chunk in urns.Chunk(500))
        {
            foreach (var school in await db.Schools.Where(s => chunk.Contains(s.Urn)).ToListAsync(ct))
            {
                state.SchoolsByUrn[school.Urn] = school;
            }
        }
        var tutorRoleId = RoleSeed.IdOf(Roles.Tutor);
        var tutors = await db.Users.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == tutorRoleId)).ToListAsync(ct);
        foreach (var t in tutors)
        {
            state.TutorsByEmail[t.NormalizedEmail!] = t;
        }
    }
}
