using Microsoft.AspNetCore.Antiforgery;
using Roundtable.Web.Infrastructure.Api;

namespace Roundtable.Web.Infrastructure.Auth;

// The sign-in cookie goes with every request the browser makes, including one another site's page
// starts, so an unsafe API call made with the cookie must also carry the antiforgery token that
// only our own pages can read (the layout writes it into a meta tag for the pages' scripts).
// A bearer token is never sent by the browser on its own, so bearer calls need no token.
public static class ApiAntiforgery
{
    public const string HeaderName = "RequestVerificationToken";

    public static WebApplicationBuilder AddApiAntiforgery(this WebApplicationBuilder builder)
    {
        builder.Services.AddAntiforgery(o => o.HeaderName = HeaderName);
        return builder;
    }

    // After authentication: it is the cookie having signed the request in that makes it forgeable.
    public static WebApplication UseApiAntiforgery(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (SignedInByCookie(context) && IsUnsafeApiCall(context.Request)
                && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                await Failure.Forbidden(
                        $"A call made with the sign-in cookie must send the page's antiforgery token in the {HeaderName} header. Integrations sign in for a bearer token instead.")
                    .ToProblem()
                    .ExecuteAsync(context);
                return;
            }
            await next();
        });
        return app;
    }

    private static bool SignedInByCookie(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && !AuthSetup.SendsBearerToken(context.Request);

    private static bool IsUnsafeApiCall(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));
}
