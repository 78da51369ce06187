using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Dfe;

namespace Roundtable.Web.Pages.Programme.Dfe;

// Programme team only (folder convention): applications from DfE waiting for a decision, with the
// school, funding and eligibility DfE gives.
public class ApplicationsModel(AppDbContext db) : PageModel
{
    public const int MaxRows = 500;

    public sealed record Row(int Id, string Name, string Course, string? Urn, string? School, string? DfeCohort,
        string? FundingChoice, bool? EligibleForFunding, string? IneligibleReason, bool? TargetedFunding, bool? FundedPlace, string? LastError);

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var pending = db.DfeApplications.AsNoTracking().Where(a => a.Status == DfeApplicationStatus.Pending);
        Total = await pending.CountAsync(ct);
        var rows = await pending.OrderBy(a => a.FullName).ThenBy(a => a.Id).Take(MaxRows).ToListAsync(ct);
        var urns = rows.Select(r => int.TryParse(r.SchoolUrn, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var u) ? u : 0)
            .Where(u => u > 0).Distinct().ToList();
        var schools = await db.Schools.AsNoTracking().Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.Name, ct);
        Rows = rows.Select(a => new Row(a.Id, a.FullName, a.CourseIdentifier, a.SchoolUrn, a.SchoolUrn is null ? null : schools.GetValueOrDefault(a.SchoolUrn),
            a.DfeCohort, a.FundingChoice, a.EligibleForFunding, a.IneligibleForFundingReason, a.TargetedDeliveryFundingEligibility, a.FundedPlace, a.LastError)).ToList();
    }

    public static string YesNo(bool? value) => value switch { true => "Yes", false => "No", _ => "Not given" };
}
