using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Roundtable.Web.Dfe;

public static class DfeSetup
{
    public static WebApplicationBuilder AddDfe(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DfeOptions>().Bind(builder.Configuration.GetSection(DfeOptions.Section));
        builder.Services.AddScoped<DfeConnection>();
        builder.Services.AddScoped<DfeSync>();
        builder.Services.AddScoped<DfeApplications>();
        builder.Services.AddScoped<DfeTraining>();
        builder.Services.AddTransient<DfeAttemptCounter>();
        var client = builder.Services.AddHttpClient<DfeClient>(c => c.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler("dfe", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<DfeOptions>>().Value;
                // Waiting (back-off, Retry-After, time-outs) is real time, whatever clock dates the records.
                pipeline.TimeProvider = TimeProvider.System;
                pipeline.AddTimeout(o.TotalTimeout)
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = Math.Max(o.MaxRetries, 1),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = o.RetryDelay,
                        ShouldRetryAfterHeader = true,
                        ShouldHandle = args => ValueTask.FromResult(o.MaxRetries > 0 && ShouldRetry(args.Context, args.Outcome)),
                    })
                    .AddTimeout(o.AttemptTimeout);
            });
        // Added after the resilience handler, so it sits inside it and sees every attempt.
        client.AddHttpMessageHandler<DfeAttemptCounter>();
        // Dfe:UseFake=true in Development: the app answers the calls itself (DevelopmentFakeDfe).
        builder.AddDevelopmentFakeDfe(client);
        return builder;
    }

    // 429, 408, 5xx and time-outs are worth another try; a request that must not be sent twice blindly
    // (a declaration) only when DfE says it did nothing (429).
    internal static bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        var request = context.GetRequestMessage();
        if (request is not null && request.Options.TryGetValue(DfeClient.NotIdempotent, out var notIdempotent) && notIdempotent)
        {
            return outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests;
        }
        return HttpClientResiliencePredicates.IsTransient(outcome);
    }
}

// Counts the attempts of one call (it sits inside the retry handler) for the audit entry.
public sealed class DfeAttemptCounter : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(DfeClient.Attempts, out var attempts))
        {
            attempts.Value++;
        }
        return base.SendAsync(request, cancellationToken);
    }
}
