using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Lists;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Programme.People;

// Programme team only (the /Programme folder's convention). Everyone with an account, searched by
// name or e-mail, filtered by role and account state; downloads as CSV (README "Lists and exports").
public class IndexModel(AppDbContext db, ListExport export) : ListPageModel
{
    public sealed record Row(string Id, string Name, string Email, List<string> Roles, bool Invited, bool Active, DateTime CreatedAt);

    public static readonly IReadOnlyList<(string Value, string Text)> Accounts = [("active", "Active"), ("invited", "Invited"), ("none", "Not invited")];

    [FromQuery(Name = "role")] public string? Role { get; set; }
    [FromQuery(Name = "account")] public string? Account { get; set; }
    public List<Row> Rows { get; private set; } = [];

    public override string SearchLabel => "Name or e-mail";
    public override (string One, string Many) Noun => ("person", "people");
    public override IReadOnlyList<ListFilter> Filters =>
    [
        new("role", "Role", Role, Roles.All.Select(r => (r, Roles.DisplayName(r))).ToList(), "Any role"),
        new("account", "Account", Account, Accounts, "Any account"),
    ];

    private static readonly ListSort<AppUser> Sorts = new ListSort<AppUser>()
        .By("name", u => u.FullName).By("email", u => u.Email).By("created", u => u.CreatedAt, defaultDescending: true)
        .ThenBy(u => u.Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var users = Sorts.Apply(Query(), this);
        if (WantsCsv)
        {
            var all = await users.Select(u => new { u.Id, u.FullName, u.Email, u.InvitedAt, Active = u.PasswordHash != null, u.CreatedAt }).ToListAsync(ct);
            var roles = await RolesOfAsync(Query().Select(u => u.Id), ct);
            return await export.FileAsync(this, "people", "people.csv", ["Name", "E-mail", "Roles", "Account", "Added on"],
                all.Select(u => (IReadOnlyList<string?>)[u.FullName, u.Email, string.Join("; ", roles[u.Id].Select(Roles.DisplayName)),
                    AccountText(u.Active, u.InvitedAt != null), ListExport.DateTime(u.CreatedAt)]).ToList(), ct);
        }
        SetTotal(await users.CountAsync(ct));
        var page = await users.Skip(Skip).Take(PageSize)
            .Select(u => new { u.Id, u.FullName, u.Email, u.InvitedAt, Active = u.PasswordHash != null, u.CreatedAt })
            .ToListAsync(ct);
        var ids = page.Select(u => u.Id).ToList();
        var pageRoles = await RolesOfAsync(ids.AsQueryable(), ct, ids);
        Rows = page.Select(u => new Row(u.Id, u.FullName, u.Email ?? "", pageRoles[u.Id].ToList(), u.InvitedAt != null, u.Active, u.CreatedAt)).ToList();
        return Page();
    }

    public static string AccountText(bool active, bool invited) => active ? "Active" : invited ? "Invited" : "Not invited";

    private IQueryable<AppUser> Query()
    {
        var users = db.Users.AsNoTracking();
        if (Search is { } q)
        {
            // Translated to SQL: upper() works alike on SQLite and PostgreSQL for the names we hold.
#pragma warning disable CA1304, CA1311, CA1862
            users = users.Where(u => u.FullName.ToUpper().Contains(q) || u.NormalizedEmail!.Contains(q));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (Roles.IsKnown(Role))
        {
            var roleId = RoleSeed.IdOf(Role!);
            users = users.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == roleId));
        }
        else
        {
            Role = null;
        }
        users = Account switch
        {
            "active" => users.Where(u => u.PasswordHash != null),
            "invited" => users.Where(u => u.PasswordHash == null && u.InvitedAt != null),
            "none" => users.Where(u => u.PasswordHash == null && u.InvitedAt == null),
            _ => users,
        };
        if (Account is not ("active" or "invited" or "none"))
        {
            Account = null;
        }
        return users;
    }

    // Each user's role names, read in the database for the users matched (a sub-query, not a list of ids).
    private async Task<ILookup<string, string>> RolesOfAsync(IQueryable<string> userIds, CancellationToken ct, List<string>? ids = null)
    {
        var links = ids is null
            ? db.UserRoles.AsNoTracking().Where(r => userIds.Contains(r.UserId))
            : db.UserRoles.AsNoTracking().Where(r => ids.Contains(r.UserId));
        var rows = await links.Select(r => new { r.UserId, r.RoleId }).ToListAsync(ct);
        return rows.Select(r => (r.UserId, Name: RoleSeed.Rows.First(x => x.Id == r.RoleId).Name!))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToLookup(r => r.UserId, r => r.Name);
    }
}
