using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Roundtable.Web.Infrastructure.Api;

// ASP.NET Core Identity maps its own endpoints under /api/v1/auth without names or summaries;
// this gives each one an operation id, a summary and its failures (which reach the caller as
// problem details through the status-code pages) for the OpenAPI document, and hides the
// self-registration endpoint, which always answers 404 (people come by invitation).
public static class IdentityEndpoints
{
    private static readonly Dictionary<(string Method, string Route), (string Name, string Summary)> Known = new()
    {
        [("POST", "login")] = ("AuthLogin", "Sign in and receive a bearer token (or a cookie with useCookies=true)"),
        [("POST", "refresh")] = ("AuthRefresh", "Exchange a refresh token for a new bearer token"),
        [("GET", "confirmEmail")] = ("AuthConfirmEmail", "Confirm an e-mail address from a link"),
        [("POST", "resendConfirmationEmail")] = ("AuthResendConfirmationEmail", "Send the e-mail confirmation link again"),
        [("POST", "forgotPassword")] = ("AuthForgotPassword", "Ask for a password-reset e-mail"),
        [("POST", "resetPassword")] = ("AuthResetPassword", "Set a new password with the code from the reset e-mail"),
        [("POST", "manage/2fa")] = ("AuthManageTwoFactor", "Manage two-factor authentication for the signed-in person"),
        [("GET", "manage/info")] = ("AuthGetInfo", "The signed-in person's e-mail address"),
        [("POST", "manage/info")] = ("AuthUpdateInfo", "Change the signed-in person's e-mail address or password"),
    };

    private const string ProblemContentType = "application/problem+json";

    // Logins and password resets are rate limited per address like the pages that do the same.
    public static void Limit(EndpointBuilder endpoint)
    {
        var path = (endpoint as RouteEndpointBuilder)?.RoutePattern.RawText ?? "";
        if (path.EndsWith("/login", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/refresh", StringComparison.OrdinalIgnoreCase))
        {
            endpoint.Metadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(RateLimits.SignIn));
        }
        else if (path.EndsWith("/forgotPassword", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/resetPassword", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith("/resendConfirmationEmail", StringComparison.OrdinalIgnoreCase))
        {
            endpoint.Metadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(RateLimits.PasswordReset));
        }
    }

    public static void Describe(EndpointBuilder endpoint)
    {
        if (endpoint is not RouteEndpointBuilder route)
        {
            return;
        }
        var path = route.RoutePattern.RawText?.Trim('/') ?? "";
        path = path[(path.LastIndexOf("auth/", StringComparison.Ordinal) + "auth/".Length)..];
        var method = endpoint.Metadata.OfType<HttpMethodMetadata>().FirstOrDefault()?.HttpMethods is [var first, ..] ? first : "";
        if (path == "register")
        {
            endpoint.Metadata.Add(new ExcludeFromDescriptionAttribute());
            return;
        }
        if (Known.TryGetValue((method, path), out var described))
        {
            endpoint.Metadata.Add(new EndpointNameMetadata(described.Name));
            endpoint.Metadata.Add(new EndpointSummaryAttribute(described.Summary));
        }
        var failures = new List<int> { StatusCodes.Status401Unauthorized };
        if (method == HttpMethods.Post)
        {
            failures.Add(StatusCodes.Status400BadRequest);
        }
        if (!endpoint.Metadata.OfType<IAllowAnonymous>().Any())
        {
            failures.Add(StatusCodes.Status403Forbidden);
        }
        if (endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == StatusCodes.Status404NotFound))
        {
            failures.Add(StatusCodes.Status404NotFound);
        }
        foreach (var status in failures)
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status,
                status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails), [ProblemContentType]));
        }
        if (path == "confirmEmail")
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/plain"]));
        }
    }
}
