using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Programme.People;

public class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(string Id, string Name, string Email, List<string> Roles, bool Invited, bool Active);

    [FromQuery] public string? Q { get; set; }
    [FromQuery] public string? Role { get; set; }
    [FromQuery(Name = "p")] public int PageNumber { get; set; } = 1;
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToUpperInvariant();
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
        Total = await users.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var page = await users.OrderBy(u => u.FullName).ThenBy(u => u.Email)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.FullName, u.Email, u.InvitedAt, Active = u.PasswordHash != null })
            .ToListAsync(ct);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.AsNoTracking().Where(r => ids.Contains(r.UserId)).ToListAsync(ct);
        Rows = page.Select(u => new Row(u.Id, u.FullName, u.Email ?? "",
                roles.Where(r => r.UserId == u.Id).Select(r => RoleSeed.Rows.First(x => x.Id == r.RoleId).Name!).Order(StringComparer.Ordinal).ToList(),
                u.InvitedAt != null, u.Active))
            .ToList();
    }
}
