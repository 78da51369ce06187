namespace Roundtable.Web.Infrastructure.Api;

// How an area maps its endpoints: one group per area with its OpenAPI tag and authorization, and
// each endpoint naming the failures it can answer so that the OpenAPI document lists them.
public static class ApiGroups
{
    // Every endpoint of an area needs a signed-in caller (401) and may refuse a role (403).
    public static RouteGroupBuilder MapArea(this IEndpointRouteBuilder v1, string tag, string prefix = "", string? policy = null)
    {
        var group = v1.MapGroup(prefix).WithTags(tag);
        if (policy is not null)
        {
            group.RequireAuthorization(policy);
        }
        group.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    // The expected failures an endpoint answers besides success (a 400 is a validation problem).
    public static RouteHandlerBuilder Fails(this RouteHandlerBuilder endpoint, params FailureKind[] kinds)
    {
        foreach (var kind in kinds.Distinct())
        {
            if (kind == FailureKind.Invalid)
            {
                endpoint.ProducesValidationProblem();
            }
            else
            {
                endpoint.ProducesProblem(kind.StatusCode());
            }
        }
        return endpoint;
    }
}
