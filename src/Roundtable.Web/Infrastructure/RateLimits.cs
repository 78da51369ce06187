using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Roundtable.Web.Infrastructure.Auth;

namespace Roundtable.Web.Infrastructure;

// How many requests a caller may make in a window: `RateLimits:<Name>:PermitLimit` per
// `RateLimits:<Name>:WindowSeconds`.
public sealed class RateLimit
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; } = 60;
}

// Tight on signing in and password resets (guessing, mail bombing); generous on the API so that
// normal use never meets it: a cohort of 30 booking from one school's address in the same minute,
// an integration reading every list, the outside checks racing a dozen requests at once.
// Counters are kept by each app server; several servers each allow this much.
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    // Every /api/v1 call, per signed-in account (per address when signed out).
    public RateLimit ApiPerAccount { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };
    // Every /api/v1 call from one address, whoever is signed in (a school's shared address).
    public RateLimit ApiPerAddress { get; set; } = new() { PermitLimit = 3000, WindowSeconds = 60 };
    // Sign-in form posts and bearer logins from one address. Each account also locks after
    // AuthSetup.MaxFailedSignIns failures (kept in the database, so shared by every server).
    public RateLimit SignInPerAddress { get; set; } = new() { PermitLimit = 60, WindowSeconds = 300 };
    // Password-reset requests (form and API) from one address.
    public RateLimit PasswordResetPerAddress { get; set; } = new() { PermitLimit = 10, WindowSeconds = 900 };
}

public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string PasswordReset = "password-reset";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitSettings>(builder.Configuration.GetSection(RateLimitSettings.Section));
        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                ApiLimiter(c => $"account:{Account(c)}", s => s.ApiPerAccount),
                ApiLimiter(c => $"address:{Address(c)}", s => s.ApiPerAddress));
            o.AddPolicy(SignIn, c => PostsPerAddress(c, s => s.SignInPerAddress));
            o.AddPolicy(PasswordReset, c => PostsPerAddress(c, s => s.PasswordResetPerAddress));
            o.OnRejected = RejectAsync;
        });
        return builder;
    }

    private static PartitionedRateLimiter<HttpContext> ApiLimiter(Func<HttpContext, string> key, Func<RateLimitSettings, RateLimit> limit) =>
        PartitionedRateLimiter.Create<HttpContext, string>(c => c.Request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase)
            ? Window(key(c), limit(Settings(c)))
            : RateLimitPartition.GetNoLimiter(""));

    // Only posts count: showing the sign-in page is free.
    private static RateLimitPartition<string> PostsPerAddress(HttpContext c, Func<RateLimitSettings, RateLimit> limit) =>
        HttpMethods.IsPost(c.Request.Method) ? Window(Address(c), limit(Settings(c))) : RateLimitPartition.GetNoLimiter("");

    private static RateLimitPartition<string> Window(string key, RateLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
        });

    private static RateLimitSettings Settings(HttpContext c) => c.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value;

    private static string Account(HttpContext c) =>
        c.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id ? id : Address(c);

    private static string Address(HttpContext c) => c.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    // 429 with Retry-After: problem details for the API, the error page for the site.
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            var problem = Failure.TooMany($"Too many requests. Try again in {UkFormat.Plural(seconds, "second", "seconds")}.") with { Title = "Too many requests" };
            await Api.Problems.ToProblem(problem).ExecuteAsync(context);
        }
        // Pages: the status-code pages show the error page for 429.
    }
}
