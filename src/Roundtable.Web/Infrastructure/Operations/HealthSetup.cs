using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;
using Roundtable.Web.Infrastructure.Email;
using Roundtable.Web.Scheduling;

namespace Roundtable.Web.Infrastructure.Operations;

// /health is liveness: the process answers (a database outage must not get every server restarted).
// /health/ready is readiness: 503 when the database does not answer, so the proxy stops sending
// requests here; the scheduler and the SMTP server are reported, and a problem with either is
// "Degraded" (still 200: pages work, e-mails wait in the outbox).
public static class HealthSetup
{
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddReadiness(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<SchedulerHealthCheck>("scheduler", HealthStatus.Degraded, [ReadyTag])
            .AddCheck<SmtpHealthCheck>("smtp", HealthStatus.Degraded, [ReadyTag]);
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReportAsync,
        }).AllowAnonymous();
        return app;
    }

    // Status per check and its short description; never an exception's text (it can quote a host).
    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

internal sealed class SchedulerHealthCheck(IServiceProvider services, IOptions<Scheduling.SchedulingOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return HealthCheckResult.Healthy("The scheduler is turned off on this server (Scheduling:Enabled=false).");
        }
        var factory = services.GetKeyedService<ISchedulerFactory>(SchedulingSetup.SchedulerName) ?? services.GetService<ISchedulerFactory>();
        var scheduler = factory is null ? null : await factory.LookupScheduler(SchedulingSetup.SchedulerName, cancellationToken);
        return scheduler?.Status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("The scheduler is running.")
            : HealthCheckResult.Degraded("The scheduler is not running: reminders and e-mails wait until it is.");
    }
}

internal sealed class SmtpHealthCheck(IOptions<EmailOptions> options) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            return HealthCheckResult.Healthy("No SMTP server set: e-mails are written to the pickup folder.");
        }
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await client.ConnectAsync(o.Host, o.Port, timeout.Token);
            return HealthCheckResult.Healthy("The SMTP server accepts connections.");
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded("The SMTP server cannot be reached: e-mails wait in the outbox.");
        }
    }
}
