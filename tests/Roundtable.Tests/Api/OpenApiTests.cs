using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;

namespace Roundtable.Tests.Api;

// The OpenAPI document is how the provider's other systems learn the API: it must list every
// endpoint, how to authenticate, and every answer an operation can give, and pass Redocly's
// recommended rules.
public partial class OpenApiTests(AppFactory app) : AppTest(app)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    // ASP.NET Core Identity answers these with an empty 200, which is rightly described without content.
    private static readonly string[] EmptySuccesses =
        ["POST /api/v1/auth/resendConfirmationEmail", "POST /api/v1/auth/forgotPassword", "POST /api/v1/auth/resetPassword"];

    [Fact]
    public async Task Document_ListsEveryApiEndpoint()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        var missing = ApiEndpoints()
            .Where(e => !paths.TryGetProperty(e.Path, out var item) || !item.TryGetProperty(e.Method, out _))
            .Select(e => $"{e.Method.ToUpperInvariant()} {e.Path}")
            .ToList();

        Assert.NotEmpty(ApiEndpoints());
        Assert.True(missing.Count == 0, "Not in the OpenAPI document: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task EveryOperation_HasAUniqueIdASummaryAndItsAnswers()
    {
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, operation) in Operations(await DocumentAsync()))
        {
            if (!operation.TryGetProperty("operationId", out var id) || string.IsNullOrWhiteSpace(id.GetString()))
            {
                problems.Add($"{name}: no operationId");
            }
            else if (!ids.Add(id.GetString()!))
            {
                problems.Add($"{name}: operationId {id.GetString()} is used twice");
            }
            if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
            {
                problems.Add($"{name}: no summary");
            }
            var responses = operation.GetProperty("responses").EnumerateObject().ToDictionary(r => r.Name, r => r.Value);
            if (!responses.Keys.Any(code => code.StartsWith('2')))
            {
                problems.Add($"{name}: no success response");
            }
            foreach (var (code, response) in responses)
            {
                var hasContent = response.TryGetProperty("content", out var content) && content.EnumerateObject().Any();
                if (code.StartsWith('2') && code is not ("202" or "204") && !hasContent && !EmptySuccesses.Contains(name))
                {
                    problems.Add($"{name}: {code} has no content type");
                }
                if (code.StartsWith('4') && !(hasContent && content.TryGetProperty("application/problem+json", out var problem) && problem.TryGetProperty("schema", out _)))
                {
                    problems.Add($"{name}: {code} is not described as problem details");
                }
            }
            var secured = operation.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
            if (secured && !(responses.ContainsKey("401") && responses.ContainsKey("403")))
            {
                problems.Add($"{name}: needs a sign-in but does not document 401 and 403");
            }
            if (!responses.Keys.Any(code => code.StartsWith('4')))
            {
                problems.Add($"{name}: documents no failure at all");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Document_DescribesBearerAndCookieSignIn_OnEveryProtectedOperation()
    {
        var document = await DocumentAsync();
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("http", schemes.GetProperty("bearer").GetProperty("type").GetString());
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("apiKey", schemes.GetProperty("cookie").GetProperty("type").GetString());
        Assert.Equal("cookie", schemes.GetProperty("cookie").GetProperty("in").GetString());

        var login = document.GetProperty("paths").GetProperty("/api/v1/auth/login").GetProperty("post");
        Assert.Equal(0, login.TryGetProperty("security", out var open) ? open.GetArrayLength() : 0);
        var cohorts = document.GetProperty("paths").GetProperty("/api/v1/cohorts").GetProperty("get");
        var required = cohorts.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList();
        Assert.Equal(["bearer", "cookie"], required.Order());
    }

    [Fact]
    public async Task Document_PassesRedoclysRecommendedRules()
    {
        var file = Path.Combine(Path.GetTempPath(), $"roundtable-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, (await DocumentAsync()).GetRawText());
        try
        {
            var start = new ProcessStartInfo("node")
            {
                ArgumentList = { RepoPaths.Combine("node_modules/@redocly/cli/bin/cli.js"), "lint", "--extends", "recommended", "--format", "codeframe", file },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepoPaths.Root,
            };
            using var node = Process.Start(start)!;
            var output = await node.StandardOutput.ReadToEndAsync() + await node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();

            Assert.True(node.ExitCode == 0, "Redocly found errors:\n" + output);
            Assert.Matches(LintPassed(), output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await Anonymous().GetAsync("/api/v1/openapi.json");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(m => Methods.Contains(m.Name))
            .Select(m => ($"{m.Name.ToUpperInvariant()} {path.Name}", m.Value)));

    private List<(string Method, string Path)> ApiEndpoints() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription != true)
            .Where(e => !e.RoutePattern.RawText!.Contains("openapi", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => (m.ToLowerInvariant(), OpenApiPath(e.RoutePattern.RawText!))))
            .Distinct()
            .ToList();

    // "/api/v1/bookings/{id:int}/cancel" -> "/api/v1/bookings/{id}/cancel"; "api/v1/invoices/" -> "/api/v1/invoices"
    private static string OpenApiPath(string pattern) => "/" + RouteConstraint().Replace(pattern.Trim('/'), "{$1}");

    [GeneratedRegex(@"\{\*?([A-Za-z0-9_]+)(:[^}]*)?\??\}")]
    private static partial Regex RouteConstraint();

    [GeneratedRegex(@"Woohoo! Your API description is valid|validated in")]
    private static partial Regex LintPassed();
}
