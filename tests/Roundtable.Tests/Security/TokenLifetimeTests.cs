using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Tests.Pages;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.Tests.Security;

// Issue 12, point 9: reset links last 2 hours, invitations 14 days, and a link that cannot be used
// says why; create-admin does not quietly promote an account that already exists.
public class TokenLifetimeTests(AppFactory app) : AppTest(app)
{
    private static readonly Dictionary<string, string> NewPassword = new() { ["Input.Password"] = "A-brand-new-pass", ["Input.Confirm"] = "A-brand-new-pass" };

    private async Task<string> ResetLinkAsync(string email)
    {
        App.Smtp.Clear();
        await Anonymous().PostFormAsync("/Account/ForgotPassword", new() { ["Input.Email"] = email });
        var mail = await App.Smtp.WaitForMessageToAsync(email);
        return new Uri(AccountTests.Link().Match(mail.TextBody!).Value).PathAndQuery;
    }

    private async Task<string> InvitationLinkAsync(AppUser user)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var link = await scope.ServiceProvider.GetRequiredService<Invitations>().InviteAsync((await users.FindByIdAsync(user.Id))!, "http://localhost");
        return new Uri(link).PathAndQuery;
    }

    private async Task<string> LinkPageAsync(string link)
    {
        var page = await Anonymous().GetDocumentAsync(link);
        return page.Text();
    }

    [Fact]
    public async Task ResetLink_WorksForTwoHours_ThenSaysItExpired()
    {
        await Data.UserAsync("me@test.example", roles: [Roles.Delegate]);
        var link = await ResetLinkAsync("me@test.example");
        Assert.Contains("works for 2 hours", App.Smtp.Messages[0].TextBody, StringComparison.Ordinal);

        App.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1));
        Assert.Contains("Choose a new password", await LinkPageAsync(link), StringComparison.Ordinal);

        App.Clock.Advance(TimeSpan.FromMinutes(2));
        var text = await LinkPageAsync(link);
        Assert.Contains("This link cannot be used", text, StringComparison.Ordinal);
        Assert.Contains("password-reset links last 2 hours", text, StringComparison.Ordinal);
        var posted = await Anonymous().PostAsync(link, new FormUrlEncodedContent(NewPassword));
        Assert.NotEqual(HttpStatusCode.Redirect, posted.StatusCode);
    }

    [Fact]
    public async Task Invitation_WorksForFourteenDays_ThenSaysItExpired()
    {
        var user = await Data.UserAsync("new@test.example", roles: [Roles.Partner], password: null);
        var link = await InvitationLinkAsync(user);

        App.Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        Assert.Contains("Choose your password", await LinkPageAsync(link), StringComparison.Ordinal);

        App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains("invitations last 14 days", await LinkPageAsync(link), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsedLink_SaysItWasUsed()
    {
        await Data.UserAsync("me@test.example", roles: [Roles.Delegate]);
        var link = await ResetLinkAsync("me@test.example");
        Assert.Equal(HttpStatusCode.Redirect, (await Anonymous().PostFormAsync(link, NewPassword)).StatusCode);

        Assert.Contains("This link has already been used", await LinkPageAsync(link), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupersededLink_SaysANewerOneWasSent_AndTheNewerOneWorks()
    {
        await Data.UserAsync("me@test.example", roles: [Roles.Delegate]);
        var first = await ResetLinkAsync("me@test.example");
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await ResetLinkAsync("me@test.example");

        Assert.Contains("A newer link has been sent to you", await LinkPageAsync(first), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Anonymous().PostFormAsync(second, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task LinkForAnotherAccount_IsRefused()
    {
        await Data.UserAsync("me@test.example", roles: [Roles.Delegate]);
        var other = await Data.UserAsync("other@test.example", roles: [Roles.Delegate]);
        var link = await ResetLinkAsync("me@test.example");
        var swapped = System.Text.RegularExpressions.Regex.Replace(link, "userId=[^&]+", "userId=" + Uri.EscapeDataString(other.Id));

        Assert.Contains("not complete or not right", await LinkPageAsync(swapped), StringComparison.Ordinal);
    }

    private async Task<int> CreateAdminAsync(params string[] args) =>
        await AdminCommands.RunAsync(App.Services, App.Services.GetRequiredService<IConfiguration>(), ["create-admin", .. args]);

    private async Task<bool> IsTeamAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.IsInRoleAsync((await users.FindByEmailAsync(email))!, Roles.ProgrammeTeam);
    }

    [Fact]
    public async Task CreateAdmin_ExistingAccount_IsPromotedOnlyWithTheFlag()
    {
        await Data.UserAsync("delegate@test.example", roles: [Roles.Delegate]);

        Assert.Equal(1, await CreateAdminAsync("delegate@test.example"));
        Assert.False(await IsTeamAsync("delegate@test.example"));

        Assert.Equal(0, await CreateAdminAsync("delegate@test.example", AdminCommands.PromoteExisting));
        Assert.True(await IsTeamAsync("delegate@test.example"));
    }

    [Fact]
    public async Task CreateAdmin_NewAccount_NeedsNoFlag()
    {
        Assert.Equal(0, await CreateAdminAsync("first@test.example", "First Admin"));
        Assert.True(await IsTeamAsync("first@test.example"));
    }
}
