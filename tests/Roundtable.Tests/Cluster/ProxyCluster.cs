using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Roundtable.Tests.Infrastructure;

namespace Roundtable.Tests.Cluster;

// The reference deployment, started by scripts/cluster.sh as an operator would: a throwaway
// PostgreSQL, two app servers (the app built beside these tests) and nginx in front. PostgreSQL pass only.
public sealed partial class ProxyCluster : IAsyncLifetime
{
    public string Url { get; private set; } = "";
    public string Directory { get; private set; } = "";
    public IReadOnlyList<int> Ports { get; private set; } = [];
    private string _connection = "";

    public static string AppFolder
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var framework = new DirectoryInfo(AppContext.BaseDirectory).Name;
            return RepoPaths.Combine(Path.Combine("src", "Roundtable.Web", "bin", configuration, framework));
        }
    }

    public async Task InitializeAsync()
    {
        if (!TestDatabase.UsePostgres)
        {
            return;
        }
        var output = await RunAsync("bash", [RepoPaths.Combine("scripts/cluster.sh"), "start", "2"],
            new Dictionary<string, string> { ["CLUSTER_APP"] = AppFolder }, TimeSpan.FromMinutes(5));
        string Export(string name) => Regex.Match(output, $"export {name}='?([^'\\n]*)'?").Groups[1].Value;
        Url = Export("CLUSTER_URL");
        Directory = Export("CLUSTER_DIR");
        _connection = Export("ROUNDTABLE_CLUSTER_POSTGRES");
        Ports = Export("CLUSTER_PORTS").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        Assert.True(Url.Length > 0 && Ports.Count == 2, "The cluster did not start:\n" + output);
    }

    public async Task DisposeAsync()
    {
        if (Directory.Length > 0)
        {
            await RunAsync("bash", [RepoPaths.Combine("scripts/cluster.sh"), "stop", Directory], [], TimeSpan.FromMinutes(1));
        }
    }

    // A client of the proxy with its own cookies, redirects not followed (as the tests' browser client).
    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(Url) };

    // Which app server answered (the harness's nginx says so).
    public static string Upstream(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Upstream", out var values) ? string.Join(",", values) : "";

    // The app's own admin command against the cluster's database, as an operator runs it.
    public Task<string> AdminAsync(params string[] args) =>
        RunAsync("dotnet", [Path.Combine(AppFolder, "Roundtable.Web.dll"), .. args], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Roundtable"] = _connection,
            ["App__BaseUrl"] = Url,
            ["Email__Host"] = "127.0.0.1",
            ["Email__Port"] = "2525",
            ["Email__UseTls"] = "false",
            ["Scheduling__Enabled"] = "false",
        }, TimeSpan.FromMinutes(2));

    public void Kill(int server)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(Directory, $"server{server}.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.GetProcessById(pid);
        process.Kill();
        process.WaitForExit();
    }

    private static async Task<string> RunAsync(string file, IEnumerable<string> args, Dictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        var text = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} failed ({process.ExitCode}):\n{text}");
        return text;
    }
}
