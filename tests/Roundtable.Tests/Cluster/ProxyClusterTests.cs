using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Roundtable.Tests.Infrastructure;

namespace Roundtable.Tests.Cluster;

// Two app servers behind nginx, as the README's reference deployment: whatever server a request
// lands on, the person is who they were on the other.
public sealed partial class ProxyClusterTests(ProxyCluster cluster) : IClassFixture<ProxyCluster>
{
    private const string Password = "Cluster-pass-2026!";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private static async Task<string> FormTokenAsync(HttpResponseMessage page)
    {
        var html = await page.Content.ReadAsStringAsync();
        var match = TokenField().Match(html);
        Assert.True(match.Success, "No antiforgery token on the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    // The first programme-team account, made by the admin command and its e-mailed link.
    private async Task<string> TeamMemberAsync(HttpClient client)
    {
        var email = $"lead-{Guid.NewGuid():N}@cluster.example";
        var printed = await cluster.AdminAsync("create-admin", email, "Cluster Lead");
        var link = new Uri(printed.Split('\n').Select(l => l.Trim()).Last(l => l.StartsWith("http", StringComparison.Ordinal)));
        var page = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var set = await client.PostAsync(link.AbsolutePath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await FormTokenAsync(page),
            ["UserId"] = query["userId"] ?? query["UserId"] ?? "",
            ["Code"] = query["code"] ?? query["Code"] ?? "",
            ["Input.Password"] = Password,
            ["Input.Confirm"] = Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        return email;
    }

    [PostgresFact]
    public async Task SignedInOnOneServer_ContinuesOnTheOther_FormsIncluded()
    {
        using var setup = cluster.Client();
        var email = await TeamMemberAsync(setup);

        // The sign-in form from one server, posted to the other: the antiforgery token holds across them.
        HttpClient client;
        HttpResponseMessage form, signedIn;
        var attempts = 0;
        do
        {
            client = cluster.Client();
            form = await client.GetAsync("/Account/SignIn");
            signedIn = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = await FormTokenAsync(form),
                ["Input.Email"] = email,
                ["Input.Password"] = Password,
            }));
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.DoesNotContain("/Account/SignIn", signedIn.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        }
        while (ProxyCluster.Upstream(form) == ProxyCluster.Upstream(signedIn) && ++attempts < 5);
        Assert.NotEqual(ProxyCluster.Upstream(form), ProxyCluster.Upstream(signedIn));

        // The cookie is honoured by both servers.
        var servedBy = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            var home = await client.GetAsync("/Programme");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            servedBy.Add(ProxyCluster.Upstream(home));
        }
        Assert.Equal(2, servedBy.Count);
        client.Dispose();
    }

    [PostgresFact]
    public async Task BearerToken_FromOneServer_IsAcceptedByEvery()
    {
        using var setup = cluster.Client();
        var email = await TeamMemberAsync(setup);
        // A client without the site's cookie, as another system calling the API.
        using var client = cluster.Client();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();

        var servedBy = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            using var api = cluster.Client();
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var me = await api.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Contains(email, await me.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
            servedBy.Add(ProxyCluster.Upstream(me));
        }
        Assert.Equal(2, servedBy.Count);
    }
}

// Its own cluster: this test stops a server for good.
public sealed class ProxyFailoverTests(ProxyCluster cluster) : IClassFixture<ProxyCluster>
{
    [PostgresFact]
    public async Task OneServerKilled_RequestsFailOverToTheOther_NoneLost()
    {
        using var client = cluster.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        cluster.Kill(2);

        var survivor = $"127.0.0.1:{cluster.Ports[0]}";
        for (var i = 0; i < 10; i++)
        {
            var response = await client.GetAsync("/Account/SignIn");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.EndsWith(survivor, ProxyCluster.Upstream(response), StringComparison.Ordinal);
        }
    }
}
