using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Roundtable.Web.Data;

namespace Roundtable.Tests.Infrastructure;

// The app as it runs, on a real database and a real SMTP listener, with the clock fixed.
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool _ownsDatabase;

    private readonly bool _ownsSmtp = true;

    public AppFactory()
    {
        _ownsDatabase = true;
        Database = TestDatabase.Create();
        Smtp = new SmtpListener();
    }

    // A second app server on another's database, as production runs several.
    protected AppFactory(TestDatabase sharedDatabase, SmtpListener? sharedSmtp = null)
    {
        _ownsDatabase = false;
        Database = sharedDatabase;
        _ownsSmtp = sharedSmtp is null;
        Smtp = sharedSmtp ?? new SmtpListener();
    }

    public static AppFactory SecondServer(TestDatabase sharedDatabase) => new SecondServerFactory(sharedDatabase);

    private sealed class SecondServerFactory(TestDatabase database) : AppFactory(database);

    public TestClock Clock { get; } = new();

    // The cluster tests run Quartz for real.
    protected virtual bool SchedulingEnabled => false;
    public SmtpListener Smtp { get; }
    public TestDatabase Database { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Roundtable", Database.ConnectionString);
        builder.UseSetting("Email:Host", "127.0.0.1");
        builder.UseSetting("Email:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("App:BaseUrl", "http://localhost");
        builder.UseSetting("Email:UseTls", "false");
        // Every test client comes from one address and the suites sign in thousands of times:
        // limits far out of reach here; RateLimitTests set tight ones on their own app.
        foreach (var limit in new[] { "ApiPerAccount", "ApiPerAddress", "SignInPerAddress", "PasswordResetPerAddress" })
        {
            builder.UseSetting($"RateLimits:{limit}:PermitLimit", "1000000");
        }
        // DfE: small pages so that paging is exercised, quick back-off (a Retry-After from the fake DfE still waits).
        builder.UseSetting("Dfe:PageSize", "3");
        builder.UseSetting("Dfe:MaxRetries", "2");
        builder.UseSetting("Dfe:RetryDelay", "00:00:00.020");
        builder.UseSetting("Dfe:AttemptTimeout", "00:00:20");
        // Tests run the jobs' work themselves, with the fixed clock (SendOutboxAsync, ReminderService).
        builder.UseSetting("Scheduling:Enabled", SchedulingEnabled ? "true" : "false");
        builder.ConfigureServices(services =>
        {
            // Only the app's own clock is replaced: the scheduler's real clock is keyed by its name.
            foreach (var clock in services.Where(d => d.ServiceType == typeof(TimeProvider) && !d.IsKeyedService).ToList())
            {
                services.Remove(clock);
            }
            services.AddSingleton<TimeProvider>(Clock);
            // Test accounts hash quickly, so tests that sign in a hundred people stay fast; the
            // hashing itself is still Identity's own.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1000);
        });
    }

    // What the outbox job does on each firing.
    public async Task<Roundtable.Web.Infrastructure.Email.OutboxRun> SendOutboxAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Roundtable.Web.Infrastructure.Email.OutboxSender>().SendWaitingAsync();
    }

    public async Task InitializeAsync()
    {
        if (!SchedulingEnabled)
        {
            Smtp.SendWaiting = async () => await SendOutboxAsync();
        }
        // Starts the host, which applies the migrations.
        using var _ = CreateClient();
        await Task.CompletedTask;
    }

    public HttpClient BrowserClient()
    {
        var handler = new ApiTokenHandler();
        return ApiTokenHandler.Attach(CreateDefaultClient(new Uri("http://localhost"), handler, new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler()), handler);
    }

    // A browser that never sends the antiforgery token: what another site's page can make it do.
    public HttpClient ClientWithoutApiToken() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task ResetAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await Database.ResetAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        // The reset deletes rows behind EF's back: nothing cached from the last test may survive it.
        scope.ServiceProvider.GetRequiredService<Roundtable.Web.Projects.ReferenceDataCache>().Forget();
        scope.ServiceProvider.GetRequiredService<Roundtable.Web.Insight.DashboardSnapshots>().Forget();
        Smtp.Clear();
        Clock.Reset();
    }

    public async Task WithDbAsync(Func<AppDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_ownsSmtp)
        {
            await Smtp.DisposeAsync();
        }
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedApp : ICollectionFixture<AppFactory>
{
    public const string Name = "app";
}

// Base for tests through HTTP: a clean database before each test.
[Collection(SharedApp.Name)]
public abstract class AppTest(AppFactory app) : IAsyncLifetime
{
    protected AppFactory App { get; } = app;
    protected TestData Data { get; } = new(app);

    public Task InitializeAsync() => App.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    // A browser without redirects followed; once signed in, its API calls carry the page's
    // antiforgery token as the pages' scripts do (ApiTokenHandler).
    protected HttpClient Anonymous() => App.BrowserClient();

    protected async Task<HttpClient> SignedInAsync(string email, string password = TestData.Password)
    {
        var client = Anonymous();
        await client.SignInAsync(email, password);
        return client;
    }
}
