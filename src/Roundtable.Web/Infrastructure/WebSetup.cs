using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Roundtable.Web.Data;
using Roundtable.Web.People;

namespace Roundtable.Web.Infrastructure;

public static class WebSetup
{
    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.ProgrammeTeam, p => p.RequireRole(Roles.ProgrammeTeam))
            .AddPolicy(Roles.Tutor, p => p.RequireRole(Roles.Tutor))
            .AddPolicy(Roles.Delegate, p => p.RequireRole(Roles.Delegate))
            .AddPolicy(Roles.Partner, p => p.RequireRole(Roles.Partner))
            .AddPolicy(Roles.Assessor, p => p.RequireRole(Roles.Assessor));

        // Who may use a page is decided by its folder; everything else needs a signed-in user
        // (the fallback policy), except the pages marked [AllowAnonymous].
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Programme", Roles.ProgrammeTeam);
            o.Conventions.AuthorizeFolder("/Tutor", Roles.Tutor);
            o.Conventions.AuthorizeFolder("/Delegate", Roles.Delegate);
            o.Conventions.AuthorizeFolder("/Partner", Roles.Partner);
            o.Conventions.AuthorizeFolder("/Assessor", Roles.Assessor);
            // Community pages check each group against the signed-in person (members, their
            // tutors, the programme team); the delegate's own pages need the delegate role.
            o.Conventions.AuthorizePage("/Communities/Index", Roles.Delegate);
            o.Conventions.AuthorizePage("/Communities/Problem", Roles.Delegate);
            o.Conventions.AuthorizePage("/Communities/Buddy", Roles.Delegate);
            o.Conventions.AuthorizeFolder("/Projects", Roles.Delegate);
            o.Conventions.AuthorizeFolder("/CaseStudies", Roles.Delegate);
            o.Conventions.AuthorizeFolder("/Tutorials", Roles.Delegate);
            o.Conventions.AllowAnonymousToFolder("/Account");
            o.Conventions.AddPageApplicationModelConvention("/Account/SignIn", m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimits.SignIn)));
            o.Conventions.AddPageApplicationModelConvention("/Account/ForgotPassword", m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimits.PasswordReset)));
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToPage("/Index");
            o.Conventions.AllowAnonymousToPage("/Privacy");
        });
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = 64 * 1024 * 1024);
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "Roundtable.Antiforgery");
        return builder;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.MigrateAsync();
        // The built-in protocols are written here, once per start, rather than by the first requests
        // that need them: many first requests at once would each try to insert them.
        await scope.ServiceProvider.GetRequiredService<Communities.ProtocolLibrary>().EnsurePresetsAsync();
        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("DemoData:Enabled", true))
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync();
        }
    }

    public static WebApplication UseErrorHandling(this WebApplication app)
    {
        static bool IsApi(HttpContext c) => c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

        // API errors are problem details; page errors are friendly pages with no stack trace.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c), site =>
        {
            site.UseExceptionHandler("/Error/500");
            site.UseStatusCodePagesWithReExecute("/Error/{0}");
        });
        return app;
    }

    // The browser features a page could ask for, none of which Roundtable uses.
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Personal answers (the API, CSV and calendar files, signed-in pages) stay out of
            // shared and browser caches, unless the response chose its own caching.
            context.Response.OnStarting(() =>
            {
                if (!context.Response.Headers.ContainsKey("Cache-Control")
                    && (context.User.Identity?.IsAuthenticated == true || context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)))
                {
                    context.Response.Headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
            await next();
        });
        return app;
    }
}
