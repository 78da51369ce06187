using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Dfe;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Auth;

namespace Roundtable.Web.Pages.Programme.Dfe;

// Programme team only (folder convention): the DfE link's address, token and provider name, and
// DfE's course identifier per programme and cohort year per cohort. The token is write-only: the
// page shows only whether one is set and its last four characters.
public class SettingsModel(AppDbContext db, DfeConnection connection, TimeProvider time) : PageModel
{
    public const string AuditRecordType = "DfE settings";
    public const int MinYear = 2021;
    public const int MaxYear = 2040;

    public sealed class SettingsInput
    {
        public string? BaseUrl { get; set; }
        public string? Token { get; set; }
        public string? ProviderName { get; set; }
    }

    public sealed record ProgrammeRow(int Id, string Code, string Name);
    public sealed record CohortRow(int Id, string Name, string Programme);

    [BindProperty] public SettingsInput Input { get; set; } = new();
    [BindProperty] public Dictionary<int, string?> Courses { get; set; } = [];
    [BindProperty] public Dictionary<int, string?> Years { get; set; } = [];
    public List<ProgrammeRow> Programmes { get; private set; } = [];
    public List<CohortRow> Cohorts { get; private set; } = [];
    public bool TokenSet { get; private set; }
    public string? TokenEnding { get; private set; }
    public bool TokenFromConfiguration { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await db.DfeSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == DfeSettings.SingletonId, ct);
        Input = new SettingsInput { BaseUrl = settings?.BaseUrl, ProviderName = settings?.ProviderName };
        Courses = await db.Programmes.ToDictionaryAsync(p => p.Id, p => p.DfeCourseIdentifier, ct);
        Years = await db.Cohorts.ToDictionaryAsync(c => c.Id, c => c.DfeCohortYear is { } y ? y.ToString(CultureInfo.InvariantCulture) : null, ct);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var baseUrl = Input.BaseUrl?.Trim();
        if (!string.IsNullOrEmpty(baseUrl) && (!DfeConnection.IsValidBaseUrl(baseUrl) || baseUrl.Length > DfeSettings.BaseUrlMaxLength))
        {
            ModelState.AddModelError("Input." + nameof(Input.BaseUrl), "Enter DfE's address starting with https://, for example https://sandbox.npq.education.gov.uk/");
        }
        var token = Input.Token?.Trim();
        if (token is { Length: > DfeSettings.TokenMaxLength })
        {
            ModelState.AddModelError("Input." + nameof(Input.Token), $"The token must be {DfeSettings.TokenMaxLength} characters or fewer");
        }
        var provider = Input.ProviderName?.Trim();
        if (provider is { Length: > DfeSettings.ProviderNameMaxLength })
        {
            ModelState.AddModelError("Input." + nameof(Input.ProviderName), $"The provider's name must be {DfeSettings.ProviderNameMaxLength} characters or fewer");
        }
        foreach (var (id, course) in Courses)
        {
            if (!string.IsNullOrEmpty(course) && !DfeCourses.All.Contains(course))
            {
                ModelState.AddModelError($"Courses[{id}]", "Choose one of DfE's courses");
            }
        }
        var years = new Dictionary<int, int?>();
        foreach (var (id, text) in Years)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                years[id] = null;
            }
            else if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= MinYear and <= MaxYear)
            {
                years[id] = year;
            }
            else
            {
                ModelState.AddModelError($"Years[{id}]", $"Enter the cohort year as four digits, from {MinYear} to {MaxYear}");
            }
        }
        if (!ModelState.IsValid)
        {
            Input.Token = null;
            await LoadAsync(ct);
            return Page();
        }

        var now = time.UtcNow();
        var me = User.UserId();
        var settings = await db.DfeSettings.FirstOrDefaultAsync(s => s.Id == DfeSettings.SingletonId, ct);
        if (settings is null)
        {
            settings = new DfeSettings();
            db.DfeSettings.Add(settings);
        }
        var changes = new AuditChanges();
        if (settings.BaseUrl != NullIfEmpty(baseUrl))
        {
            changes.Add("BaseUrl", settings.BaseUrl, NullIfEmpty(baseUrl));
            settings.BaseUrl = NullIfEmpty(baseUrl);
        }
        if (settings.ProviderName != NullIfEmpty(provider))
        {
            changes.Add("ProviderName", settings.ProviderName, NullIfEmpty(provider));
            settings.ProviderName = NullIfEmpty(provider);
        }
        // A blank token field keeps the saved token; the trail says only that it was replaced.
        if (!string.IsNullOrEmpty(token))
        {
            connection.SetToken(settings, token);
            changes.Add("Token", settings.ProtectedToken is null ? null : "(set)", "(replaced)");
        }
        settings.UpdatedAt = now;
        settings.UpdatedById = me;

        var programmes = await db.Programmes.ToListAsync(ct);
        foreach (var programme in programmes.Where(p => Courses.ContainsKey(p.Id)))
        {
            var course = NullIfEmpty(Courses[programme.Id]);
            if (programme.DfeCourseIdentifier != course)
            {
                changes.Add($"{programme.Code} course", programme.DfeCourseIdentifier, course);
                programme.DfeCourseIdentifier = course;
            }
        }
        var cohorts = await db.Cohorts.ToListAsync(ct);
        foreach (var cohort in cohorts.Where(c => years.ContainsKey(c.Id)))
        {
            if (cohort.DfeCohortYear != years[cohort.Id])
            {
                changes.Add($"{cohort.Name} year", cohort.DfeCohortYear, years[cohort.Id]);
                cohort.DfeCohortYear = years[cohort.Id];
            }
        }
        if (!changes.IsEmpty)
        {
            db.AuditEntries.Add(AuditEntry.For(AuditRecordType, DfeSettings.SingletonId, "DfE settings changed", me, now, changes: changes));
        }
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "DfE settings saved.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Code).Select(p => new ProgrammeRow(p.Id, p.Code, p.Name)).ToListAsync(ct);
        Cohorts = await db.Cohorts.AsNoTracking().OrderBy(c => c.Programme.Code).ThenBy(c => c.CourseStart).ThenBy(c => c.Id)
            .Select(c => new CohortRow(c.Id, c.Name, c.Programme.Code)).ToListAsync(ct);
        (TokenSet, TokenEnding, TokenFromConfiguration) = await connection.TokenShownAsync(ct);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
