using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Calendars;
using Roundtable.Web.Communities;
using Roundtable.Web.Invoicing;
using Roundtable.Web.LiveSessions;
using Roundtable.Web.People;
using Roundtable.Web.Privacy;
using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Infrastructure.Api;

public static class ApiSetup
{
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddRoundtableOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();

        // ASP.NET Core Identity's own endpoints (login, refresh, forgot/reset password, manage).
        // Those it does not protect itself are open (login must be); the fallback policy would
        // otherwise close them. Self-registration is off: people are invited by the programme team.
        var auth = app.MapGroup("/api/v1/auth").MapIdentityApi<AppUser>();
        auth.WithTags("Auth");
        auth.Finally(endpoint =>
            {
                if (!endpoint.Metadata.OfType<IAuthorizeData>().Any())
                {
                    endpoint.Metadata.Add(new AllowAnonymousAttribute());
                }
                IdentityEndpoints.Describe(endpoint);
                IdentityEndpoints.Limit(endpoint);
            });
        auth.AddEndpointFilter(async (ctx, next) =>
                ctx.HttpContext.Request.Path.Value?.EndsWith("/register", StringComparison.OrdinalIgnoreCase) == true
                    ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "Accounts are created by invitation from the programme team.")
                    : await next(ctx));

        auth.AddEndpointFilter(async (ctx, next) =>
        {
            var result = await next(ctx);
            var inner = result is INestedHttpResult nested ? nested.Result : result;
            // Identity says "LockedOut" or "Failed"; both get the page's one answer.
            return ctx.HttpContext.Request.Path.Value?.EndsWith("/login", StringComparison.OrdinalIgnoreCase) == true
                && inner is IStatusCodeHttpResult { StatusCode: StatusCodes.Status401Unauthorized }
                ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: $"{SignInAnswer.Failed}. {SignInAnswer.Hint}")
                : result;
        });

        var v1 = app.MapGroup("/api/v1").RequireAuthorization();
        v1.MapPeopleApi();
        v1.MapCommunitiesApi();
        v1.MapLiveApi();
        v1.MapProjectsApi();
        v1.MapTutorialsApi();
        v1.MapInvoicingApi();
        v1.MapCalendarApi();
        v1.MapPrivacyApi();
        v1.MapAuditApi();
        Dfe.DfeApi.MapDfeApi(v1);
        app.MapCalendarFeed();
        return app;
    }
}
