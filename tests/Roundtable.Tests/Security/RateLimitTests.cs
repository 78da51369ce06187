using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Tests.Security;

// Issue 12, point 6: abuse is limited; sign-in reveals no accounts.
public class RateLimitTests(AppFactory app) : AppTest(app)
{
    private static Task<ConfiguredApp> LimitedAppAsync(string limit, int permits) =>
        ConfiguredApp.StartAsync("Testing", new Dictionary<string, string?>
        {
            [$"RateLimits:{limit}:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"RateLimits:{limit}:WindowSeconds"] = "3600",
        });

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
    }

    [Fact]
    public async Task SignIn_MoreAttemptsThanTheLimitFromOneAddress_Is429WithRetryAfter()
    {
        var app = await LimitedAppAsync("SignInPerAddress", 3);
        try
        {
            var client = app.Anonymous();
            for (var i = 0; i < 3; i++)
            {
                var allowed = await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = $"x{i}@test.example", ["Input.Password"] = "wrong-password" });
                Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            }

            await AssertTooManyAsync(await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = "x@test.example", ["Input.Password"] = "wrong-password" }));
            await AssertTooManyAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "x@test.example", password = "wrong-password" }));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/SignIn")).StatusCode);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task ForgotPassword_MoreRequestsThanTheLimit_Is429AndSendsNoMore()
    {
        var app = await LimitedAppAsync("PasswordResetPerAddress", 2);
        try
        {
            await new TestData(app).UserAsync("me@test.example", roles: [Roles.Delegate]);
            var client = app.Anonymous();
            await client.PostFormAsync("/Account/ForgotPassword", new() { ["Input.Email"] = "me@test.example" });
            await client.PostFormAsync("/Account/ForgotPassword", new() { ["Input.Email"] = "me@test.example" });
            await app.Smtp.WaitForMessageToAsync("me@test.example");

            var third = await client.PostFormAsync("/Account/ForgotPassword", new() { ["Input.Email"] = "me@test.example" });

            await AssertTooManyAsync(third);
            await AssertTooManyAsync(await client.PostAsJsonAsync("/api/v1/auth/forgotPassword", new { email = "me@test.example" }));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task Api_OneAccountOverItsLimit_Gets429ProblemDetails_AnotherAccountCarriesOn()
    {
        var app = await LimitedAppAsync("ApiPerAccount", 5);
        try
        {
            var data = new TestData(app);
            await data.ProgrammeTeamAsync();
            await data.ProgrammeTeamAsync("team2@test.example");
            var busy = app.Anonymous();
            await busy.SignInAsync("team@test.example", TestData.Password);
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/cohorts")).StatusCode);
            }

            var refused = await busy.GetAsync("/api/v1/cohorts");

            await AssertTooManyAsync(refused);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(429, problem.GetProperty("status").GetInt32());
            Assert.Contains("Too many requests", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            var other = app.Anonymous();
            await other.SignInAsync("team2@test.example", TestData.Password);
            Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/cohorts")).StatusCode);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task Api_OneAddressOverItsLimit_Is429WhoeverCalls()
    {
        var app = await LimitedAppAsync("ApiPerAddress", 4);
        try
        {
            var data = new TestData(app);
            await data.ProgrammeTeamAsync();
            await data.ProgrammeTeamAsync("team2@test.example");
            var first = app.Anonymous();
            await first.SignInAsync("team@test.example", TestData.Password);
            var second = app.Anonymous();
            await second.SignInAsync("team2@test.example", TestData.Password);
            for (var i = 0; i < 2; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/cohorts")).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/cohorts")).StatusCode);
            }

            await AssertTooManyAsync(await second.GetAsync("/api/v1/cohorts"));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task SignIn_WrongPasswordLockedAccountAndUnknownEmail_AllAnswerTheSame()
    {
        await Data.UserAsync("me@test.example", roles: [Roles.Delegate]);
        await Data.UserAsync("locked@test.example", roles: [Roles.Delegate]);
        var client = Anonymous();
        for (var i = 0; i < AuthSetup.MaxFailedSignIns; i++)
        {
            await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = "locked@test.example", ["Input.Password"] = "wrong-" + i });
        }

        async Task<string> PageAnswer(string email, string password) =>
            string.Join(" | ", Html.Errors(await Html.ParseAsync(await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = password }))));
        async Task<string> ApiAnswer(string email, string password)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
            return $"{(int)response.StatusCode} {(await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()}";
        }

        var wrong = await PageAnswer("me@test.example", "not-my-password");
        Assert.Equal(wrong, await PageAnswer("locked@test.example", TestData.Password));
        Assert.Equal(wrong, await PageAnswer("nobody@test.example", "not-my-password"));
        var apiWrong = await ApiAnswer("me@test.example", "not-my-password");
        Assert.Equal(apiWrong, await ApiAnswer("locked@test.example", TestData.Password));
        Assert.Equal(apiWrong, await ApiAnswer("nobody@test.example", "not-my-password"));
    }

    [Fact]
    public async Task SignIn_ManyFailuresWithUnknownEmails_DoNotLockARealAccount()
    {
        await Data.UserAsync("me@test.example", roles: [Roles.Delegate]);
        var client = Anonymous();
        for (var i = 0; i < AuthSetup.MaxFailedSignIns * 3; i++)
        {
            await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = $"me{i}@test.example", ["Input.Password"] = TestData.Password });
        }

        await client.SignInAsync("me@test.example", TestData.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Delegate")).StatusCode);
    }
}
