using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.Tests.Security;

// Issue 12, point 1: links in e-mails never come from the request's Host header.
public class EmailLinkTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task ForgotPassword_ForgedHostHeader_LinkGoesToTheConfiguredAddress()
    {
        await Data.UserAsync("me@test.example", roles: [Roles.Delegate]);
        var client = Anonymous();
        client.DefaultRequestHeaders.Host = "evil.example";

        await client.PostFormAsync("/Account/ForgotPassword", new() { ["Input.Email"] = "me@test.example" });

        var mail = await App.Smtp.WaitForMessageToAsync("me@test.example");
        Assert.DoesNotContain("evil.example", mail.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("http://localhost/Account/SetPassword?", mail.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", "App:BaseUrl")]
    [InlineData("Staging", "App:BaseUrl")]
    [InlineData("Production", "Email:Host")]
    public async Task Start_OutsideDevelopmentWithoutARequiredSetting_RefusesNamingIt(string environment, string setting)
    {
        var app = new ConfiguredApp(environment, new Dictionary<string, string?> { [setting] = "" });
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());
            Assert.Contains($"the setting {setting} is missing", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task ForgotPassword_InDevelopmentWithoutBaseUrl_NeverMailsALinkToAForeignHost()
    {
        var app = await ConfiguredApp.StartAsync("Development", new Dictionary<string, string?> { ["App:BaseUrl"] = "" });
        try
        {
            await new TestData(app).UserAsync("me@test.example", roles: [Roles.Delegate]);
            var client = app.Anonymous();
            var page = await client.GetDocumentAsync("/Account/ForgotPassword");
            client.DefaultRequestHeaders.Host = "evil.example";

            await client.SubmitAsync(page, new() { ["Input.Email"] = "me@test.example" });

            Assert.DoesNotContain(app.Smtp.Messages, m => m.TextBody?.Contains("evil.example", StringComparison.OrdinalIgnoreCase) == true);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Theory]
    [InlineData("localhost", "http://localhost:5080")]
    [InlineData("127.0.0.1", "http://127.0.0.1:5080")]
    [InlineData("[::1]", "http://[::1]:5080")]
    public void BaseUrl_InDevelopmentWithoutSetting_UsesALoopbackHost(string host, string expected)
    {
        Assert.Equal(expected, Links("Development", null).BaseUrl(Request(host)));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public void BaseUrl_WithoutSettingForAnotherHost_IsRefused(string environment)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Links(environment, null).BaseUrl(Request("evil.example")));
        Assert.Contains("App:BaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BaseUrl_WithSetting_IsTheSettingWhateverTheHost()
    {
        Assert.Equal("https://roundtable.example.org", Links("Production", "https://roundtable.example.org/").BaseUrl(Request("evil.example")));
    }

    private static AppLinks Links(string environment, string? baseUrl) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["App:BaseUrl"] = baseUrl }).Build(),
            new Environment { EnvironmentName = environment });

    private static HttpRequest Request(string host)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(host, 5080);
        return context.Request;
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";
        public string ApplicationName { get; set; } = "Roundtable.Web";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
