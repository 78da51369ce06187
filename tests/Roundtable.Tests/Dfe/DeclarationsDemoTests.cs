using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Data;

namespace Roundtable.Tests.Dfe;

public class DeclarationsDemoTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task Demo_SeveralDeclarationsReady_AndOneSubmitted()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync();
        }
        var team = await SignedInAsync($"programme@{DemoData.Domain}", DemoData.Password);

        var ready = await team.GetFromJsonAsync<JsonElement>("/api/v1/dfe/declarations?state=ready");
        var submitted = await team.GetFromJsonAsync<JsonElement>("/api/v1/dfe/declarations?state=submitted");
        var page = await team.GetDocumentAsync("/Programme/Dfe/Declarations");

        Assert.True(ready.GetArrayLength() >= 3, $"{ready.GetArrayLength()} ready");
        Assert.All(ready.EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("evidence").GetString())));
        var one = Assert.Single(submitted.EnumerateArray());
        Assert.Equal("started", one.GetProperty("declarationType").GetString());
        Assert.NotNull(page.QuerySelector("#sent a[href^='/Programme/Dfe/VoidDeclaration/']"));
    }
}
