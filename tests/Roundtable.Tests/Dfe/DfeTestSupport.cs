using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Data;
using Roundtable.Web.Dfe;

namespace Roundtable.Tests.Dfe;

// Points the app at a fake DfE (through the settings the team would save) and runs DfE calls in a scope.
public static class DfeTestSupport
{
    public static async Task ConnectAsync(this AppFactory app, FakeDfeServer fake, string? token = FakeDfeServer.Token, string providerName = "Roundtable Leadership Learning")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = scope.ServiceProvider.GetRequiredService<DfeConnection>();
        var settings = await db.DfeSettings.FirstOrDefaultAsync(s => s.Id == DfeSettings.SingletonId);
        if (settings is null)
        {
            settings = new DfeSettings();
            db.DfeSettings.Add(settings);
        }
        settings.BaseUrl = fake.BaseUrl.ToString();
        settings.ProviderName = providerName;
        if (token is null)
        {
            (settings.ProtectedToken, settings.TokenEnding) = (null, null);
        }
        else
        {
            connection.SetToken(settings, token);
        }
        await db.SaveChangesAsync();
    }

    public static async Task<T> WithDfeAsync<T>(this AppFactory app, Func<DfeClient, Task<T>> call)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<DfeClient>());
    }
}

// A fake DfE for a test class: started once, emptied before each test; its schema checks must
// find nothing wrong with what the app sent.
public abstract class DfeTest(AppFactory app) : AppTest(app), IAsyncLifetime
{
    private FakeDfeServer? fake;

    protected FakeDfeServer Fake => fake ?? throw new InvalidOperationException("Not started.");

    async Task IAsyncLifetime.InitializeAsync()
    {
        await App.ResetAsync();
        fake = await FakeDfeServer.StartAsync();
        fake.Clock = App.Clock;
        await App.ConnectAsync(fake);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (fake is not null)
        {
            await fake.DisposeAsync();
        }
    }

    protected void AssertNoViolations() => Assert.True(Fake.Violations.Count == 0, "Against the OpenAPI document: " + string.Join("; ", Fake.Violations));
}
