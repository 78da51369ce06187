using Microsoft.Playwright;
using Roundtable.Web.People;

namespace Roundtable.BrowserTests;

// Every role signs in through the real form and lands on its own home page, which passes axe.
public class SignInJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData(Roles.ProgrammeTeam, "Programme home")]
    [InlineData(Roles.Tutor, "My delegates")]
    [InlineData(Roles.Delegate, "My programme")]
    [InlineData(Roles.Partner, "Welcome")]
    [InlineData(Roles.Assessor, "Assessments")]
    public async Task EachRole_SignsIn_AndSeesItsHome(string role, string heading)
    {
        await Data.UserAsync("me@test.example", "Morgan Example", [role]);

        var page = await SignInAsync("me@test.example");

        Assert.StartsWith(heading, await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Signed in as Morgan Example", await page.Locator(".rt-header").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task SignInPage_WithErrors_IsAccessible_AndFocusesTheSummary()
    {
        var page = await App.NewPageAsync();
        await page.GotoAsync("/");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your e-mail address");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task ForgottenPassword_ByEmailLink_ThenSignIn()
    {
        await Data.UserAsync("me@test.example", "Morgan Example", [Roles.Delegate]);
        var page = await App.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByRole(AriaRole.Link, new() { Name = "I have forgotten my password" }).ClickAsync();
        await AssertAccessibleAsync(page);
        await page.GetByLabel("E-mail address").FillAsync("me@test.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your e-mail");

        var mail = await App.Smtp.WaitForMessageToAsync("me@test.example");
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody!, @"http://localhost(/Account/SetPassword\S+)").Groups[1].Value;
        await page.GotoAsync(link);
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Correct-horse-battery");
        await page.GetByLabel("Confirm password").FillAsync("Correct-horse-battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save password and sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My programme");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your password is saved");
    }
}
