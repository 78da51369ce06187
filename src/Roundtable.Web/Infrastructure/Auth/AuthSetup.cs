using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Roundtable.Web.Data;
using Roundtable.Web.People;

namespace Roundtable.Web.Infrastructure.Auth;

public static class AuthSetup
{
    public const string SmartScheme = "CookieOrBearer";
    public const string CookieName = "Roundtable.Auth";
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);
    // How soon a cookie notices that its account's roles or e-mail changed (the security stamp).
    public static readonly TimeSpan CookieRecheck = TimeSpan.FromMinutes(1);

    public static WebApplicationBuilder AddAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Cookies for the site, bearer tokens for the API; the default scheme picks whichever the
        // request carries, so every API endpoint accepts both.
        services.AddIdentityApiEndpoints<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = LockoutTime;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddEntityFrameworkStores<AppDbContext>();

        // Identity's own default scheme challenges with the bearer scheme (a bare 401), which suits
        // the API but not a browser. This one picks the scheme from the request instead: a bearer
        // token when one is sent, otherwise the cookie (whose challenge redirects to sign in).
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = ctx =>
                SendsBearerToken(ctx.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme);

        // Identity's own reset codes (the API's forgot-password) last as long as our reset links.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = PasswordLinks.ResetLifetime);

        // The cookie's issue time and the stamp check's "now" both come from the app's TimeProvider,
        // so the minute is measured on one clock (and a test can move it).
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, time) =>
        {
            o.ValidationInterval = CookieRecheck;
            o.TimeProvider = time;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((o, time) => o.TimeProvider = time);

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/SignIn";
            o.LogoutPath = "/Account/SignOut";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            // These events replace Identity's, so its security stamp check is named again here:
            // without it a cookie would keep its old roles for its whole 12 hours.
            o.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync,
                OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden),
            };
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        // Keys live in the database so that several app servers can read each other's cookies.
        services.AddDataProtection()
            .SetApplicationName("Roundtable")
            .PersistKeysToDbContext<AppDbContext>();

        return builder;
    }

    // A bearer token lives for an hour and is not re-validated by Identity; after a change of roles
    // or e-mail (a new security stamp) the token that carries the old stamp is refused at once.
    public static WebApplication UseFreshBearerTokens(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && SendsBearerToken(context.Request)
                && await context.RequestServices.GetRequiredService<SignInManager<AppUser>>().ValidateSecurityStampAsync(context.User) is null)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in again",
                    detail: "Your account changed since this token was issued. Sign in again for a new one.").ExecuteAsync(context);
                return;
            }
            await next();
        });
        return app;
    }

    public static bool SendsBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
