using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Roundtable.Tests.Infrastructure;

namespace Roundtable.Tests.Cluster;

// The reference deployment, started by scripts/cluster.sh as an operator would: a throwaway
// PostgreSQL, two app servers (the app built beside these tests) and nginx in front. PostgreSQL pass only.
#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime.DisposeAsync
public partial class ProxyCluster : IAsyncLifetime
{
    public string Url { get; private set; } = "";
    public string Directory { get; private set; } = "";
    public IReadOnlyList<int> Ports { get; private set; } = [];
    private string _connection = "";
    private Seeder? _seeder;

    // Settings for the app servers (environment variables, `Section__Key`), and for cluster.sh.
    protected virtual Dictionary<string, string> Settings => [];

    public string ConnectionString => _connection;

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
        var environment = new Dictionary<string, string>(Settings) { ["CLUSTER_APP"] = AppFolder };
        var output = await RunAsync("bash", [RepoPaths.Combine("scripts/cluster.sh"), "start", "2"], environment, TimeSpan.FromMinutes(5));
        string Export(string name) => Regex.Match(output, $"export {name}='?([^'\\n]*)'?").Groups[1].Value;
        Url = Export("CLUSTER_URL");
        Directory = Export("CLUSTER_DIR");
        _connection = Export("ROUNDTABLE_CLUSTER_POSTGRES");
        Ports = Export("CLUSTER_PORTS").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        Assert.True(Url.Length > 0 && Ports.Count == 2, "The cluster did not start:\n" + output);
    }

    public virtual async Task DisposeAsync()
    {
        if (_seeder is not null)
        {
            await ((IAsyncLifetime)_seeder).DisposeAsync();
        }
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

    // Process.Kill is SIGKILL on Linux: the server gets no chance to finish anything.
    public void Kill(int server)
    {
        using var process = Process.GetProcessById(Pid(server));
        process.Kill();
        process.WaitForExit();
    }

    public int Pid(int server) =>
        int.Parse(File.ReadAllText(Path.Combine(Directory, $"server{server}.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    // The app in-process on the cluster's database (its scheduler off, its clock at the real time,
    // as the cluster's servers run on it), to write a test's records with the builders and to sign
    // people in: bearer tokens it issues are accepted by the cluster (keys are kept in the database).
    public async Task<AppFactory> SeederAsync()
    {
        if (_seeder is null)
        {
            _seeder = new Seeder(TestDatabase.Existing(Roundtable.Web.Data.DatabaseProvider.Postgres, _connection));
            _seeder.Clock.Reset(TimeProvider.System.GetUtcNow());
            await ((IAsyncLifetime)_seeder).InitializeAsync();
        }
        return _seeder;
    }

    private sealed class Seeder(TestDatabase database) : AppFactory(database);

    // A bearer token for a person, from the seeder (their password hashes quickly there).
    public async Task<string> TokenAsync(string email, string password = TestData.Password)
    {
        var seeder = await SeederAsync();
        using var client = seeder.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!;
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
#pragma warning restore CA1001
