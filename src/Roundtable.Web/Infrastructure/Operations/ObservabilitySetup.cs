using System.Security.Cryptography;
using System.Text;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Roundtable.Web.People;

namespace Roundtable.Web.Infrastructure.Operations;

public sealed class MetricsOptions
{
    // A long random value a Prometheus server sends as "Authorization: Bearer <token>". Without it,
    // only a signed-in member of the programme team may read /metrics.
    public string? ScrapeToken { get; set; }
}

// OpenTelemetry: metrics (ASP.NET Core's http.server.request.duration, the HTTP client's, the
// runtime's, Npgsql's and our own meter) for Prometheus at /metrics; traces of requests, HTTP calls
// and database commands, sent over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT (or
// OpenTelemetry:OtlpEndpoint) is set; every log line carries the trace and span id.
public static class ObservabilitySetup
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MetricsOptions>(builder.Configuration.GetSection("Metrics"));
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (!builder.Environment.IsDevelopment())
        {
            // One JSON object per line, scopes included: the trace id goes with each entry.
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        }

        var otlp = builder.Configuration["OpenTelemetry:OtlpEndpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("roundtable"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(AppMetrics.MeterName, "Npgsql")
                .AddPrometheusExporter());
        // Traces only when something receives them: recording a span (with its SQL text) for every
        // request and database command that nobody collects cost each page a share of its CPU
        // (issue 20, measured in the README). Log lines carry the request's trace and span id either
        // way: ASP.NET Core starts an activity for each request while logging is on.
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsOperations(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        }
        return builder;
    }

    // After authentication: the programme team (cookie or bearer token) or the scraper's token.
    public static WebApplication UseMetricsEndpoint(this WebApplication app)
    {
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: context => context.Request.Path == MetricsPath,
            path: null,
            configureBranchedPipeline: branch => branch.Use(async (context, next) =>
            {
                var status = Allowed(context);
                if (status != StatusCodes.Status200OK)
                {
                    if (status == StatusCodes.Status401Unauthorized)
                    {
                        context.Response.Headers.WWWAuthenticate = "Bearer";
                    }
                    await TypedResults.Problem(statusCode: status,
                        title: status == StatusCodes.Status401Unauthorized ? "Sign in first" : "Not allowed",
                        detail: "Metrics are for the programme team and the configured scraper.").ExecuteAsync(context);
                    return;
                }
                context.Response.Headers.CacheControl = "no-store";
                await next();
            }),
            optionsName: null);
        return app;
    }

    private static int Allowed(HttpContext context)
    {
        var token = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>().Value.ScrapeToken;
        var header = context.Request.Headers.Authorization.ToString();
        if (!string.IsNullOrWhiteSpace(token) && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()), Encoding.UTF8.GetBytes(token)))
        {
            return StatusCodes.Status200OK;
        }
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return StatusCodes.Status401Unauthorized;
        }
        return context.User.IsInRole(Roles.ProgrammeTeam) ? StatusCodes.Status200OK : StatusCodes.Status403Forbidden;
    }

    private static bool IsOperations(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path == MetricsPath;
}
