using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.People;

public static class PeopleApi
{
    public sealed record MeResponse(string Id, string Name, string Email, IReadOnlyList<string> Roles);
    public sealed record CohortResponse(int Id, string Name, string Programme, DateOnly CourseStart);

    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/me", GetMe).WithName("GetMe");
        v1.MapGet("/cohorts", GetCohorts).RequireAuthorization(Roles.ProgrammeTeam).WithName("GetCohorts");
        return v1;
    }

    private static async Task<Results<Ok<MeResponse>, NotFound>> GetMe(ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return TypedResults.NotFound();
        }
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new MeResponse(user.Id, user.FullName, user.Email ?? "", roles.Order(StringComparer.Ordinal).ToList()));
    }

    private static async Task<Ok<List<CohortResponse>>> GetCohorts(AppDbContext db, CancellationToken ct)
    {
        var cohorts = await db.Cohorts.AsNoTracking()
            .OrderByDescending(c => c.CourseStart).ThenBy(c => c.Name)
            .Select(c => new CohortResponse(c.Id, c.Name, c.Programme.Code, c.CourseStart))
            .ToListAsync(ct);
        return TypedResults.Ok(cohorts);
    }
}
