using System.Security.Claims;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Shared;

public sealed record NavItem(string Text, string Href, bool Exact = false)
{
    public bool IsActive(string path) => Exact
        ? string.Equals(path.TrimEnd('/'), Href.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
        : path.StartsWith(Href, StringComparison.OrdinalIgnoreCase);
}

// The menu shows only what the signed-in person's roles may use.
public static class Navigation
{
    public static List<NavItem> For(ClaimsPrincipal user)
    {
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
            items.Add(new("My projects", "/Projects"));
            items.Add(new("My case studies", "/CaseStudies"));
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
