using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Pages.Shared;

namespace Roundtable.Web.Pages.Programme.Communities;

public class GroupModel(AppDbContext db, CommunityQueries queries) : PageModel
{
    public sealed record SessionRow(int Id, DateTime StartsAt, SessionMode Mode, string Where, DateTime? RecordedAt);

    public sealed class InputModel
    {
        public DateParts Date { get; set; } = new();
        public string? Time { get; set; } = "16:00";
        public SessionMode? Mode { get; set; } = SessionMode.Online;
        public string? Where { get; set; }
    }

    [FromRoute] public int Id { get; set; }
    public string Name { get; private set; } = "";
    public int CohortId { get; private set; }
    public ChairOrderView Chairs { get; private set; } = new([], null, false);
    public List<SessionRow> Sessions { get; private set; } = [];
    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Input.Date.TryGet("the date", out var date) is { } dateError)
        {
            ModelState.AddModelError("Input.Date", dateError);
        }
        if (!TimeOnly.TryParseExact(Input.Time?.Trim().Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            ModelState.AddModelError("Input.Time", "Enter the start time as hours and minutes, like 16:00");
        }
        if (Input.Mode is null)
        {
            ModelState.AddModelError("Input.Mode", "Choose online or in person");
        }
        var where = Input.Where?.Trim() ?? "";
        if (where.Length == 0)
        {
            ModelState.AddModelError("Input.Where", Input.Mode == SessionMode.Online ? "Enter the meeting link" : "Enter where the session meets");
        }
        else if (where.Length > CommunitySession.WhereMaxLength)
        {
            ModelState.AddModelError("Input.Where", "Enter at most 500 characters");
        }
        else if (Input.Mode == SessionMode.Online && !(Uri.TryCreate(where, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps))
        {
            ModelState.AddModelError("Input.Where", "Enter the meeting link starting https://");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var local = date.ToDateTime(at);
        if (LondonTime.Zone.IsInvalidTime(local))
        {
            ModelState.AddModelError("Input.Time", "That time does not exist on the day the clocks go forward: choose another");
            return Page();
        }
        db.CommunitySessions.Add(new CommunitySession
        {
            GroupId = Id,
            StartsAt = TimeZoneInfo.ConvertTimeToUtc(local, LondonTime.Zone),
            Mode = Input.Mode!.Value,
            Where = where,
        });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Scheduled a session on {UkFormat.Date(date)} at {at:HH:mm}.";
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var group = await db.CommunityGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == Id, ct);
        if (group is null)
        {
            return false;
        }
        (Name, CohortId) = (group.Name, group.CohortId);
        Chairs = await queries.ChairOrderAsync(Id, ct);
        Sessions = await db.CommunitySessions.AsNoTracking().Where(s => s.GroupId == Id).OrderBy(s => s.StartsAt)
            .Select(s => new SessionRow(s.Id, s.StartsAt, s.Mode, s.Where, s.RecordedAt)).ToListAsync(ct);
        return true;
    }
}
