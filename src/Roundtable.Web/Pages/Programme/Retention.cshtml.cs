using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Privacy;

namespace Roundtable.Web.Pages.Programme;

// Programme team only (folder convention): the retention periods, and what expires in the next 90 days.
public class RetentionModel(AppDbContext db, Retention retention, TimeProvider time) : PageModel
{
    public sealed class RetentionInput
    {
        public string? ProgrammeMonths { get; set; }
        public string? DelegateRecordsMonths { get; set; }
        public string? AssessmentOutcomeMonths { get; set; }
        public string? InvoiceMonths { get; set; }
    }

    [BindProperty] public RetentionInput Input { get; set; } = new();
    public List<ExpiringRecord> Upcoming { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await retention.SettingsAsync(ct);
        Input = new RetentionInput
        {
            ProgrammeMonths = Text(settings.ProgrammeMonths), DelegateRecordsMonths = Text(settings.DelegateRecordsMonths),
            AssessmentOutcomeMonths = Text(settings.AssessmentOutcomeMonths), InvoiceMonths = Text(settings.InvoiceMonths),
        };
        Upcoming = await retention.UpcomingAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var programme = Months(nameof(Input.ProgrammeMonths), Input.ProgrammeMonths);
        var records = Months(nameof(Input.DelegateRecordsMonths), Input.DelegateRecordsMonths);
        var outcomes = Months(nameof(Input.AssessmentOutcomeMonths), Input.AssessmentOutcomeMonths);
        var invoices = Months(nameof(Input.InvoiceMonths), Input.InvoiceMonths);
        if (!ModelState.IsValid)
        {
            Upcoming = await retention.UpcomingAsync(ct);
            return Page();
        }
        var settings = await db.RetentionSettings.FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new RetentionSettings();
            db.RetentionSettings.Add(settings);
        }
        var before = $"{settings.ProgrammeMonths}/{settings.DelegateRecordsMonths}/{settings.AssessmentOutcomeMonths}/{settings.InvoiceMonths}";
        settings.ProgrammeMonths = programme;
        settings.DelegateRecordsMonths = records;
        settings.AssessmentOutcomeMonths = outcomes;
        settings.InvoiceMonths = invoices;
        settings.UpdatedAt = time.UtcNow();
        settings.UpdatedById = User.UserId();
        var after = $"{settings.ProgrammeMonths}/{settings.DelegateRecordsMonths}/{settings.AssessmentOutcomeMonths}/{settings.InvoiceMonths}";
        db.AuditEntries.Add(AuditEntry.Of("Retention", RetentionSettings.SingletonId, "Settings changed", settings.UpdatedById, settings.UpdatedAt.Value,
            $"Programme/delegate records/outcomes/invoices months: {before} → {after}"));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Retention periods saved.";
        return RedirectToPage();
    }

    private static string Text(int months) => months.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // The number of months, or 0 with a field error.
    private int Months(string field, string? text)
    {
        if (int.TryParse(text?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var months)
            && months >= RetentionSettings.MinMonths && months <= RetentionSettings.MaxMonths)
        {
            return months;
        }
        ModelState.AddModelError("Input." + field, $"Enter a whole number of months from {RetentionSettings.MinMonths} to {RetentionSettings.MaxMonths}");
        return 0;
    }
}
