using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Roundtable.Web.Infrastructure;

// How requests arrive. In Production: HTTPS only (redirection and HSTS), every cookie Secure, and
// X-Forwarded-For/-Proto believed only from the proxies named in `ForwardedHeaders:KnownProxies`
// (addresses) and `ForwardedHeaders:KnownNetworks` (CIDR ranges); none are trusted by default.
public static class Transport
{
    public static WebApplicationBuilder AddTransport(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("ForwardedHeaders");
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        // The public HTTPS port (behind a proxy, the proxy's), so redirection never has to guess.
        builder.Services.AddHttpsRedirection(o => o.HttpsPort = builder.Configuration.GetValue("HttpsPort", 443));
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        builder.Services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = HttpOnlyPolicy.None;
        });
        // The Server header tells an attacker what to look up.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        return builder;
    }

    public static WebApplication UseTransport(this WebApplication app)
    {
        // With no proxy named the middleware would believe anyone's headers, so it runs only
        // when some are.
        var forwarded = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (forwarded.KnownProxies.Count > 0 || forwarded.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseCookiePolicy();
        return app;
    }
}
