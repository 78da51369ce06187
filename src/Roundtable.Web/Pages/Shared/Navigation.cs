using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.Shared;

public sealed record NavItem(string Text, string Href, bool Exact = false)
{
    public bool IsActive(string path) => Exact
        ? string.Equals(path.TrimEnd('/'), Href.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
        : path.StartsWith(Href, StringComparison.OrdinalIgnoreCase);
}

// Which assessment pages a delegate's menu offers: "My projects" to NPQH delegates on the 2017
// projects (and to delegates with no case-study place, as before), "My case studies" to delegates
// with a place on a programme assessed by case study.
public sealed record DelegateMenu(bool Projects, bool CaseStudies)
{
    public static readonly DelegateMenu Default = new(true, false);

    // Where a page has already read the delegate's places it leaves the menu here for the layout.
    public const string ViewDataKey = nameof(DelegateMenu);

    public static DelegateMenu For(IEnumerable<(AssessmentRegime Regime, string Code)> places)
    {
        var list = places.ToList();
        var caseStudies = list.Exists(p => p.Regime == AssessmentRegime.CaseStudy);
        var projects = !caseStudies || list.Exists(p => p.Regime == AssessmentRegime.Projects
            && string.Equals(p.Code, ProjectNumbers.HeadshipCode, StringComparison.OrdinalIgnoreCase));
        return new DelegateMenu(projects, caseStudies);
    }
}

// The menu shows only what the signed-in person's roles may use.
public static class Navigation
{
    public static async Task<DelegateMenu> DelegateMenuAsync(AppDbContext db, string userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var places = await db.Participants.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new { p.Cohort.Programme.Regime, p.Cohort.Programme.Code }).ToListAsync(ct);
        return DelegateMenu.For(places.Select(p => (p.Regime, p.Code)));
    }

    public static List<NavItem> For(ClaimsPrincipal user, DelegateMenu? menu = null)
    {
        menu ??= DelegateMenu.Default;
        var items = new List<NavItem>();
        if (user.IsInRole(Roles.ProgrammeTeam))
        {
            items.Add(new("Programme home", "/Programme", Exact: true));
            items.Add(new("Dashboard", "/Programme/Dashboard"));
            items.Add(new("Cohorts", "/Programme/Cohorts"));
            items.Add(new("Communities", "/Programme/Communities"));
            items.Add(new("Projects", "/Programme/Projects"));
            items.Add(new("Case studies", "/Programme/CaseStudies"));
            items.Add(new("Tutorials", "/Programme/Tutorials"));
            items.Add(new("Invoices", "/Programme/Invoices"));
            items.Add(new("People", "/Programme/People"));
            items.Add(new("Schools", "/Programme/Schools"));
            items.Add(new("Programmes", "/Programme/Programmes"));
        }
        if (user.IsInRole(Roles.Tutor))
        {
            items.Add(new("My delegates", "/Tutor", Exact: true));
            items.Add(new("Delegates' projects", "/Tutor/Projects"));
        }
        if (user.IsInRole(Roles.Delegate))
        {
            items.Add(new("My programme", "/Delegate"));
            items.Add(new("My community", "/Communities"));
            if (menu.Projects)
            {
                items.Add(new("My projects", "/Projects"));
            }
            if (menu.CaseStudies)
            {
                items.Add(new("My case studies", "/CaseStudies"));
            }
            items.Add(new("My tutorials", "/Tutorials"));
        }
        if (user.IsInRole(Roles.Partner))
        {
            items.Add(new("My tutorials", "/Partner", Exact: true));
            items.Add(new("Availability", "/Partner/Slots"));
            items.Add(new("Profile", "/Partner/Profile"));
            items.Add(new("Invoices", "/Partner/Invoices"));
        }
        if (user.IsInRole(Roles.Assessor)) { items.Add(new("Assessments", "/Assessor")); }
        return items;
    }
}
