using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Roundtable.Tests.Infrastructure;

// The app with a different environment or settings from the shared one, on its own database:
// for start-up checks and limits that the shared app keeps out of the way.
public sealed class ConfiguredApp(string environment, IReadOnlyDictionary<string, string?> settings) : AppFactory
{
    public static async Task<ConfiguredApp> StartAsync(string environment, IReadOnlyDictionary<string, string?> settings)
    {
        var app = new ConfiguredApp(environment, settings);
        await ((IAsyncLifetime)app).InitializeAsync();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        builder.UseSetting("DemoData:Enabled", "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public Task StopAsync() => ((IAsyncLifetime)this).DisposeAsync();
}
