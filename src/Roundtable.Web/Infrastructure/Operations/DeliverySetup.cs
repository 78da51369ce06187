using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Roundtable.Web.Infrastructure.Operations;

// Fast to fetch: Brotli or gzip for HTML, JSON, CSS, JS and SVG (never for the live event streams,
// which must flush each event); files whose address carries a version (?v=, added by
// asp-append-version) are cached for a year, everything else under wwwroot is revalidated.
public static class DeliverySetup
{
    public static WebApplicationBuilder AddDelivery(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(o =>
        {
            // Pages carry antiforgery tokens, which are masked afresh for every response, so
            // compressing them over HTTPS does not expose a secret to BREACH-style guessing.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/problem+json", "text/csv", "text/calendar"]);
        });
        // Fastest: on two cores the CPU matters more than the last few per cent of size.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return builder;
    }

    public static WebApplication UseDelivery(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
        return app;
    }

    // A published app started from another folder still finds wwwroot and appsettings.json beside its
    // dll: the content root is the app's own folder when that folder holds the web root, unless the
    // content root was set explicitly (--contentRoot or ASPNETCORE_CONTENTROOT).
    public static WebApplicationOptions Options(string[] args)
    {
        var explicitRoot = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"));
        var own = AppContext.BaseDirectory;
        var useOwn = !explicitRoot && Directory.Exists(Path.Combine(own, "wwwroot"))
            && !Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot"));
        return new WebApplicationOptions { Args = args, ContentRootPath = useOwn ? own : null };
    }
}
