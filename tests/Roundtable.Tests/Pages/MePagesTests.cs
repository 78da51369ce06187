using System.Net;
using AngleSharp.Dom;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.Tests.Pages;

// The account page: every signed-in role, their own details and calendar address only.
public class MePagesTests(AppFactory app) : AppTest(app)
{
    [Theory]
    [InlineData(Roles.ProgrammeTeam)]
    [InlineData(Roles.Tutor)]
    [InlineData(Roles.Delegate)]
    [InlineData(Roles.Partner)]
    [InlineData(Roles.Assessor)]
    public async Task Me_ForEveryRole_ShowsTheirNameEmailAndTheWayToReminders(string role)
    {
        await Data.UserAsync("me@test.example", "Morgan Example", [role]);
        var client = await SignedInAsync("me@test.example");

        var page = await client.GetDocumentAsync("/Me");

        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Morgan Example", text, StringComparison.Ordinal);
        Assert.Contains("me@test.example", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/Me/Reminders']"));
        Assert.NotNull(page.QuerySelector("header a[href='/Me']"));
        Assert.NotNull(page.QuerySelector("form#create-feed"));
    }

    [Fact]
    public async Task Me_SignedOut_GoesToSignIn()
    {
        var response = await Anonymous().GetAsync("/Me");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRenewAndStop_TheCalendarAddress()
    {
        await Data.UserAsync("me@test.example", "Morgan Example", [Roles.Partner]);
        var client = await SignedInAsync("me@test.example");
        var anonymous = Anonymous();

        var created = await client.SubmitAsync(await client.GetDocumentAsync("/Me"), new(), "form#create-feed");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await client.GetDocumentAsync("/Me");
        var first = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input#feed-url")!.Value;
        Assert.StartsWith("http://localhost/calendar/", first, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(first).PathAndQuery)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, new(), "form#renew-feed")).StatusCode);
        var second = (await client.GetDocumentAsync("/Me")).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input#feed-url")!.Value;
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(first).PathAndQuery)).StatusCode);

        var stopped = await client.PostFormAsync("/Me/StopCalendar", new());
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(second).PathAndQuery)).StatusCode);
        Assert.NotNull((await client.GetDocumentAsync("/Me")).QuerySelector("form#create-feed"));
    }

    [Fact]
    public async Task StopCalendar_WithNoAddress_GoesBackToTheAccountPage()
    {
        await Data.UserAsync("me@test.example", "Morgan Example", [Roles.Tutor]);
        var client = await SignedInAsync("me@test.example");

        var response = await client.GetAsync("/Me/StopCalendar");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Me", response.Headers.Location!.OriginalString);
    }
}
