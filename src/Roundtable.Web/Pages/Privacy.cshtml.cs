using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Privacy;

namespace Roundtable.Web.Pages;

// Anyone, signed in or not (AllowAnonymousToPage in WebSetup): the periods come from the team's retention settings.
public class PrivacyModel(Retention retention) : PageModel
{
    public RetentionSettings Settings { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Settings = await retention.SettingsAsync(ct);

    public static string Period(int months) => months % 12 == 0
        ? (months / 12 == 1 ? "1 year" : $"{months / 12} years")
        : (months == 1 ? "1 month" : $"{months} months");
}
