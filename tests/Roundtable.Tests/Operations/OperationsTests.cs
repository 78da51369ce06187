using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Tests.Scheduling;
using Roundtable.Web.Data;

namespace Roundtable.Tests.Operations;

// What an operator and a load balancer rely on: liveness, readiness, metrics (and who may read
// them), compressed answers and cacheable versioned files.
public class OperationsTests(AppFactory app) : AppTest(app)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Health_IsLiveness_AndReady_ReportsTheDatabaseSchedulerAndSmtp()
    {
        var live = await Anonymous().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        var ready = await Anonymous().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var json = await JsonAsync(ready);
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        var checks = json.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("smtp").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("scheduler").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_DatabaseUnreachable_Answers503_WhileLivenessStays200()
    {
        // The real check, on a database file in a folder that does not exist (and may not be created).
        var missing = Path.Combine(Path.GetTempPath(), "roundtable-missing-" + Guid.NewGuid().ToString("N"), "db.sqlite");
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={missing};Mode=ReadWrite").Options;
        using var broken = App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped(_ => new DatabaseHealthCheck(new SqliteAppDbContext(options)))));
        var client = broken.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var json = await JsonAsync(ready);
        Assert.Equal("Unhealthy", json.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.DoesNotContain(missing, json.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Ready_SmtpUnreachable_IsDegradedButStillReady()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var app = await ConfiguredApp.StartAsync("Testing", new Dictionary<string, string?> { ["Email:Port"] = closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        try
        {
            var ready = await app.Anonymous().GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var json = await JsonAsync(ready);
            Assert.Equal("Degraded", json.GetProperty("status").GetString());
            Assert.Equal("Degraded", json.GetProperty("checks").GetProperty("smtp").GetProperty("status").GetString());
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task Metrics_ForTheProgrammeTeam_InPrometheusFormat_WithOurOwnMeters()
    {
        await Data.ProgrammeTeamAsync();
        var team = await SignedInAsync("team@test.example");
        await App.QueueEmailsAsync(1);
        Assert.Equal(1, (await App.SendOutboxAsync()).Sent);

        var response = await team.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("roundtable_emails_sent_total", text, StringComparison.Ordinal);
        Assert.Contains("roundtable_emails_queued_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_RefusedToAnonymousAndToEveryOtherRole()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().GetAsync("/metrics")).StatusCode);
        var cohort = await Data.CohortAsync();
        await Data.DelegateAsync(cohort, "d@test.example");
        var delegateClient = await SignedInAsync("d@test.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await delegateClient.GetAsync("/metrics")).StatusCode);
        await Data.TutorAsync("tutor@test.example");
        var tutor = await SignedInAsync("tutor@test.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await tutor.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Metrics_ScraperToken_IsAccepted_AndAWrongOneRefused()
    {
        const string token = "scrape-token-for-tests-0123456789";
        var app = await ConfiguredApp.StartAsync("Testing", new Dictionary<string, string?> { ["Metrics:ScrapeToken"] = token });
        try
        {
            var client = app.Anonymous();
            var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var accepted = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

            var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token + "x");
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task PagesAndFiles_AreCompressed_WhenTheBrowserAccepts(string encoding)
    {
        foreach (var path in new[] { "/Account/SignIn", "/lib/app.css", "/js/site.js" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            var response = await Anonymous().SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(encoding, response.Content.Headers.ContentEncoding);
        }
    }

    [Fact]
    public async Task VersionedFiles_AreCachedForAYear_OthersRevalidated_AndTheSourceMapExists()
    {
        var page = await (await Anonymous().GetAsync("/Account/SignIn")).Content.ReadAsStringAsync();
        var css = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/lib/app\\.css\\?v=[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(css);
        Assert.Matches("src=\"/js/site\\.js\\?v=", page);

        var versioned = await Anonymous().GetAsync(css);
        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl?.ToString());
        var plain = await Anonymous().GetAsync("/lib/govuk-frontend.min.js");
        Assert.True(plain.Headers.CacheControl?.NoCache, "A file without a version must be revalidated.");

        Assert.Equal(HttpStatusCode.OK, (await Anonymous().GetAsync("/lib/govuk-frontend.min.js.map")).StatusCode);
        // GOV.UK's fonts are not shipped (an unknown address sends an anonymous visitor to sign in).
        Assert.NotEqual(HttpStatusCode.OK, (await Anonymous().GetAsync("/lib/assets/fonts/bold-b542beb274-v2.woff2")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await Anonymous().GetAsync("/lib/assets/images/govuk-icon-512.png")).StatusCode);
    }
}
