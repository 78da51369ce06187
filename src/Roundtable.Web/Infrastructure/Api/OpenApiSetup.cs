using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Roundtable.Web.Infrastructure.Auth;

namespace Roundtable.Web.Infrastructure.Api;

// The OpenAPI document at /api/v1/openapi.json: how to authenticate (a bearer token from
// /api/v1/auth/login, or the site's sign-in cookie), and which operations need it.
public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string BearerScheme = "bearer";
    public const string CookieScheme = "cookie";

    // One line per area's tag (ApiGroups.MapArea), shown beside its operations.
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Auth"] = "Signing in for a bearer token, and ASP.NET Core Identity's account endpoints.",
        ["People"] = "The signed-in person, programmes and cohorts.",
        ["Communities"] = "Community groups, problem cards, the protocol's agenda, chair rotation and group formation.",
        ["Live sessions"] = "A community session run live by its chair: state, actions and the event stream every screen follows.",
        ["Tutorials"] = "Professional partners' directory and slots, bookings, feedback and referrals.",
        ["Invoicing"] = "Partners' invoices for their tutorials, the programme team's approval and payment, and the finance export.",
        ["Projects"] = "NPQH projects: working days, word counts and the requirements each project must meet.",
        ["Reminders"] = "Calendar feeds and reminder e-mails.",
        ["Privacy"] = "Subject access exports, erasure and the audit trail.",
        ["DfE"] = "The link with the DfE's Lead Provider API: applications, participants and declarations.",
        ["Reports"] = "Figures for the programme team's dashboards.",
        ["Assessments"] = "Assessment windows and case studies.",
        ["Protocols"] = "The protocol library.",
    };

    public static IServiceCollection AddRoundtableOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Roundtable API",
                    Version = "v1",
                    Description = "The JSON API of Roundtable, for a provider's other systems. Authenticate with a bearer token from "
                        + "POST /api/v1/auth/login, or the site's sign-in cookie. Errors are problem details (RFC 9457); a 400 lists "
                        + "the errors by field. Times are UK wall-clock times; ids of people are user ids.",
                    License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://roundtable.invalid/licence") },
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An access token from POST /api/v1/auth/login, sent as 'Authorization: Bearer <token>'.",
                };
                document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Cookie,
                    Name = AuthSetup.CookieName,
                    Description = "The site's sign-in cookie, as the pages' own scripts send it.",
                };
                // Redocly's rules want servers without a trailing slash; the paths start with one.
                foreach (var server in document.Servers ?? [])
                {
                    server.Url = server.Url?.TrimEnd('/');
                }
                var used = (document.Paths ?? []).Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
                    .SelectMany(op => op.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
                document.Tags = used.Order(StringComparer.Ordinal)
                    .Select(name => new OpenApiTag { Name = name, Description = TagDescriptions.GetValueOrDefault(name) })
                    .ToHashSet();
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                // Everything needs a signed-in caller (the fallback policy) unless marked anonymous.
                var anonymous = metadata.OfType<IAllowAnonymous>().Any();
                operation.Security = anonymous
                    ? []
                    :
                    [
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] },
                    ];
                return Task.CompletedTask;
            });
        });
}
