using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Roundtable.Tests.Infrastructure;

[assembly: CollectionBehavior("Roundtable.BrowserTests.BrowserShards", "Roundtable.BrowserTests")]

namespace Roundtable.BrowserTests;

// The app on a real Kestrel port, driven by the system's Chromium (never a downloaded browser).
public sealed class BrowserApp : AppFactory
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Outside Development the static web assets manifest is not loaded by default.
        builder.UseStaticWebAssets();
    }

    public async Task StartAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public async Task StopAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "browser";
}

public sealed class BrowserAppFixture : IAsyncLifetime
{
    public BrowserApp App { get; } = new();

    public async Task InitializeAsync()
    {
        await App.StartAsync();
        await ((IAsyncLifetime)App).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await ((IAsyncLifetime)App).DisposeAsync();
    }
}

[Collection(BrowserGroup.Name)]
public abstract class BrowserTest(BrowserAppFixture fixture) : IAsyncLifetime
{
    protected BrowserApp App => fixture.App;
    protected TestData Data { get; } = new(fixture.App);

    public Task InitializeAsync() => App.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected async Task<IPage> SignInAsync(string email, string password = TestData.Password)
    {
        var page = await App.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal));
        return page;
    }

    // WCAG 2.2 AA (and the levels below it), on the page as the user sees it now.
    protected static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var problems = result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}").ToList();
        Assert.True(problems.Count == 0, $"Accessibility violations on {page.Url}:\n{string.Join("\n", problems)}");
    }
}

// The browser tests' shared collection in shards, each with its own app and Chromium, side by side.
public sealed class BrowserShards(Xunit.Abstractions.ITestAssembly testAssembly, Xunit.Abstractions.IMessageSink diagnosticMessageSink)
    : ShardedCollectionFactory(testAssembly, diagnosticMessageSink, BrowserGroup.Name, typeof(BrowserGroup));
