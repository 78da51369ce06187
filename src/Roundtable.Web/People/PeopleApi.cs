using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Api;

namespace Roundtable.Web.People;

public static class PeopleApi
{
    public sealed record MeResponse(string Id, string Name, string Email, IReadOnlyList<string> Roles);
    public sealed record CohortResponse(int Id, string Name, string Programme, DateOnly CourseStart);

    public static void MapPeopleApi(this IEndpointRouteBuilder v1)
    {
        var people = v1.MapArea("People");
        // Anyone signed in may ask who they are.
        people.MapGet("/me", GetMe)
            .WithName("GetMe").WithSummary("The signed-in person: name, e-mail and roles")
            .Fails(FailureKind.NotFound);
        people.MapGet("/cohorts", GetCohorts).RequireAuthorization(Roles.ProgrammeTeam)
            .WithName("GetCohorts").WithSummary("Every cohort, newest course start first").Paged();
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetMe(ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return Failure.NotFound("Your account no longer exists.").ToProblem();
        }
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new MeResponse(user.Id, user.FullName, user.Email ?? "", roles.Order(StringComparer.Ordinal).ToList()));
    }

    private static async Task<Results<Ok<List<CohortResponse>>, ProblemHttpResult>> GetCohorts(
        [AsParameters] PageRequest page, HttpResponse response, AppDbContext db, CancellationToken ct)
    {
        if (page.Check() is { } outOfRange)
        {
            return outOfRange.ToProblem();
        }
        var cohorts = await db.Cohorts.AsNoTracking()
            .OrderByDescending(c => c.CourseStart).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new CohortResponse(c.Id, c.Name, c.Programme.Code, c.CourseStart))
            .ToPageAsync(page, response, ct);
        return TypedResults.Ok(cohorts);
    }
}
