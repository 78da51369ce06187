using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Tests.Pages;

public partial class AccountTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task SignIn_WrongPassword_SaysSoAndStaysSignedOut()
    {
        await Data.UserAsync("me@test.example", roles: [Roles.Delegate]);
        var client = Anonymous();

        var response = await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = "me@test.example", ["Input.Password"] = "not-my-password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a correct e-mail address and password", Html.Errors(await Html.ParseAsync(response)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Delegate")).StatusCode);
    }

    [Fact]
    public async Task SignIn_EmptyForm_ShowsFieldErrors()
    {
        var response = await Anonymous().PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = "", ["Input.Password"] = "" });

        var errors = Html.Errors(await Html.ParseAsync(response));
        Assert.Contains("Enter your e-mail address", errors);
        Assert.Contains("Enter your password", errors);
    }

    [Fact]
    public async Task SignIn_AfterRepeatedFailures_IsLockedOutEvenWithTheRightPassword()
    {
        await Data.UserAsync("me@test.example", roles: [Roles.Delegate]);
        var client = Anonymous();
        for (var i = 0; i < AuthSetup.MaxFailedSignIns; i++)
        {
            await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = "me@test.example", ["Input.Password"] = "wrong-" + i });
        }

        var response = await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = "me@test.example", ["Input.Password"] = TestData.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Html.Errors(await Html.ParseAsync(response)), e => e.Contains("locked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await Data.UserAsync("me@test.example", roles: [Roles.Delegate]);
        var client = await SignedInAsync("me@test.example");
        var page = await client.GetDocumentAsync("/Delegate");

        var response = await client.SubmitAsync(page, [], "form[action='/Account/SignOut']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Delegate")).StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_EmailsALinkThatSetsANewPassword()
    {
        await Data.UserAsync("me@test.example", roles: [Roles.Delegate]);
        var client = Anonymous();

        var sent = await client.PostFormAsync("/Account/ForgotPassword", new() { ["Input.Email"] = "me@test.example" });
        Assert.Contains("Check your e-mail", (await Html.ParseAsync(sent)).Text(), StringComparison.Ordinal);

        var mail = await App.Smtp.WaitForMessageToAsync("me@test.example");
        Assert.Equal("Reset your Roundtable password", mail.Subject);
        var link = new Uri(Link().Match(mail.TextBody!).Value);

        var set = await client.PostFormAsync(link.PathAndQuery, new() { ["Input.Password"] = "A-brand-new-pass", ["Input.Confirm"] = "A-brand-new-pass" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        var fresh = Anonymous();
        await fresh.SignInAsync("me@test.example", "A-brand-new-pass");
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/Delegate")).StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_UnknownEmail_AnswersTheSameAndSendsNothing()
    {
        var response = await Anonymous().PostFormAsync("/Account/ForgotPassword", new() { ["Input.Email"] = "nobody@test.example" });

        Assert.Contains("Check your e-mail", (await Html.ParseAsync(response)).Text(), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.OutboxMessages)));
        Assert.Empty(App.Smtp.Messages);
    }

    [Fact]
    public async Task SetPassword_TamperedCode_IsRefused()
    {
        var user = await Data.UserAsync("me@test.example", roles: [Roles.Delegate], password: null);

        var client = Anonymous();
        var url = $"/Account/SetPassword?userId={user.Id}&code=bm90LWEtdG9rZW4";
        var page = await client.GetDocumentAsync(url);
        Assert.Contains("This link is not complete or not right", page.Text(), StringComparison.Ordinal);
        // Posting anyway (with a token from a page that has a form) changes nothing.
        var token = Html.Token(await client.GetDocumentAsync("/Account/ForgotPassword"));
        var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Password"] = "A-brand-new-pass", ["Input.Confirm"] = "A-brand-new-pass",
        }));

        Assert.Contains(Html.Errors(await Html.ParseAsync(response)), e => e.Contains("not complete or not right", StringComparison.Ordinal));
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.False(await users.HasPasswordAsync((await users.FindByIdAsync(user.Id))!));
    }

    [Fact]
    public async Task SetPassword_MismatchedOrShort_ShowsErrors()
    {
        await Data.UserAsync("me@test.example", roles: [Roles.Delegate]);
        await Anonymous().PostFormAsync("/Account/ForgotPassword", new() { ["Input.Email"] = "me@test.example" });
        var link = new Uri(Link().Match((await App.Smtp.WaitForMessageToAsync("me@test.example")).TextBody!).Value);

        var response = await Anonymous().PostFormAsync(link.PathAndQuery,
            new() { ["Input.Password"] = "short", ["Input.Confirm"] = "different" });

        var errors = Html.Errors(await Html.ParseAsync(response));
        Assert.Contains("Enter a password of at least 10 characters", errors);
        Assert.Contains("The passwords do not match", errors);
    }

    [Fact]
    public async Task TamperedAntiforgeryToken_Is400AndChangesNothing()
    {
        await Data.ProgrammeTeamAsync();
        var client = await SignedInAsync("team@test.example");

        var response = await client.PostFormAsync("/Programme/Programmes/Edit",
            new() { ["Input.Code"] = "NPQX", ["Input.Name"] = "Tampered", ["__RequestVerificationToken"] = "forged" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => Task.FromResult(db.Programmes.Any())));
    }

    [GeneratedRegex(@"http://localhost/Account/SetPassword\S+")]
    internal static partial Regex Link();
}
