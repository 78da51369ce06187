using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;

namespace Roundtable.Web.Pages.Programme.Protocols;

// The protocol library: presets and the team's copies, and the default protocol of each programme.
public class IndexModel(AppDbContext db, ProtocolLibrary library) : PageModel
{
    public sealed record ProgrammeRow(int Id, string Name, int? DefaultProtocolId);

    public sealed class DefaultInput
    {
        public int? ProgrammeId { get; set; }
        public int? ProtocolId { get; set; }
    }

    public IReadOnlyList<ProtocolSummary> Protocols { get; private set; } = [];
    public List<ProgrammeRow> Programmes { get; private set; } = [];
    [BindProperty] public DefaultInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostDefaultAsync(CancellationToken ct)
    {
        var failure = Input.ProgrammeId is not { } programmeId
            ? Failure.Invalid(nameof(DefaultInput.ProgrammeId), "Choose a programme")
            : await library.SetProgrammeDefaultAsync(programmeId, Input.ProtocolId, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (failure is not null)
        {
            await LoadAsync(ct);
            ModelState.AddFailure(failure with { Errors = failure.Errors.Count > 0 ? failure.Errors : [new(nameof(DefaultInput.ProgrammeId), failure.Message)] });
            return Page();
        }
        TempData["Flash"] = "Saved the programme's default protocol. Sessions scheduled from now on use it, unless their group has its own.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Protocols = await library.ListAsync(ct);
        Programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Name).Select(p => new ProgrammeRow(p.Id, p.Name, p.DefaultProtocolId)).ToListAsync(ct);
    }

    public IEnumerable<string> DefaultFor(ProtocolSummary protocol) =>
        Programmes.Where(p => p.DefaultProtocolId == protocol.Id || (p.DefaultProtocolId is null && protocol.BuiltIn && protocol == Protocols[0])).Select(p => p.Name);
}
