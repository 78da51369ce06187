using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;

namespace Roundtable.Web.Pages.Programme.Communities;

public class ProtocolModel(AppDbContext db, ProtocolSettings settings) : PageModel
{
    // Keyed groupSize * 1000 + position, so one flat form carries every size's steps.
    [BindProperty] public Dictionary<int, string> Minutes { get; set; } = [];
    public List<ProtocolTemplate> Templates { get; private set; } = [];

    public IEnumerable<(int Position, ProtocolStepDefinition Step)> Steps(ProtocolTemplate t) =>
        t.TurnSteps.Select((s, i) => (i + 1, s)).Prepend((0, t.Reconnect)).Append((ProtocolSettings.ReviewPosition, t.Review));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var valid = Templates.SelectMany(t => Steps(t).Select(s => t.GroupSize * 1000 + s.Position)).ToHashSet();
        var parsed = new Dictionary<int, int>();
        foreach (var (key, text) in Minutes)
        {
            if (!valid.Contains(key))
            {
                ModelState.AddModelError("", "The form was changed: reload the page and try again");
                return Page();
            }
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes > ProtocolTemplate.MaxStepMinutes)
            {
                ModelState.AddModelError("", $"Enter whole minutes from 0 to {ProtocolTemplate.MaxStepMinutes} for every step (groups of {key / 1000})");
                return Page();
            }
            parsed[key] = minutes;
        }
        var saved = await db.ProtocolSteps.ToListAsync(ct);
        foreach (var (key, minutes) in parsed)
        {
            var (size, position) = (key / 1000, key % 1000);
            var row = saved.FirstOrDefault(s => s.GroupSize == size && s.Position == position);
            if (row is null)
            {
                db.ProtocolSteps.Add(new ProtocolStepSetting { GroupSize = size, Position = position, Minutes = minutes });
            }
            else
            {
                row.Minutes = minutes;
            }
        }
        if (!await db.TrySaveUniqueAsync(ct))
        {
            ModelState.AddModelError("", "Someone else saved the timings at the same moment. Reload the page to see theirs");
            return Page();
        }
        TempData["Flash"] = "Saved the protocol timings. Agendas use them from now on.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        await db.ProtocolSteps.ExecuteDeleteAsync(ct);
        TempData["Flash"] = "The protocol timings are the guidance's again.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var templates = await settings.TemplatesAsync(ct);
        Templates = ProtocolTemplate.SupportedGroupSizes.Select(templates).ToList();
    }
}
