using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Invoicing;

namespace Roundtable.Tests.Security;

// Issue 12, point 4: another site's page can make a signed-in browser send the sign-in cookie,
// but cannot read the antiforgery token our pages hold.
public class ApiAntiforgeryTests(AppFactory app) : AppTest(app)
{
    private async Task<int> SubmittedInvoiceAsync()
    {
        var partner = await Data.PartnerAsync();
        await App.PartnerProfileAsync(partner);
        await App.FeeRateAsync(150_00, new DateOnly(2026, 9, 1));
        var booking = await Data.TutorialAsync(App, partner, new DateOnly(2026, 10, 5));
        var client = await SignedInAsync("partner@test.example");
        var created = await client.PostAsJsonAsync("/api/v1/invoices", new { bookingIds = new[] { booking } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await Data.ProgrammeTeamAsync();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private Task<InvoiceStatus> StatusAsync(int id) => App.WithDbAsync(db => db.Invoices.Where(i => i.Id == id).Select(i => i.Status).SingleAsync());

    [Fact]
    public async Task Post_WithCookieAndNoToken_Returns403_AndChangesNothing()
    {
        var id = await SubmittedInvoiceAsync();
        var forged = App.ClientWithoutApiToken();
        await forged.SignInAsync("team@test.example", TestData.Password);

        var response = await forged.PostAsJsonAsync($"/api/v1/invoices/{id}/approve", new { });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("RequestVerificationToken", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(InvoiceStatus.Submitted, await StatusAsync(id));
    }

    [Fact]
    public async Task Post_WithCookieAndWrongToken_Returns403()
    {
        var id = await SubmittedInvoiceAsync();
        var forged = App.ClientWithoutApiToken();
        await forged.SignInAsync("team@test.example", TestData.Password);
        // A token from another person's page does not fit this person's cookie.
        var other = await SignedInAsync("partner@test.example");
        var otherToken = ApiTokenHandler.PageToken(await other.GetDocumentAsync("/Account/NoRole"));

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/invoices/{id}/approve") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("RequestVerificationToken", otherToken);
        var response = await forged.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(InvoiceStatus.Submitted, await StatusAsync(id));
    }

    [Fact]
    public async Task Post_WithCookieAndThePagesToken_Works()
    {
        var id = await SubmittedInvoiceAsync();
        var team = App.ClientWithoutApiToken();
        await team.SignInAsync("team@test.example", TestData.Password);
        var token = ApiTokenHandler.PageToken(await team.GetDocumentAsync("/Account/NoRole"));

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/invoices/{id}/approve") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("RequestVerificationToken", token);
        var response = await team.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(InvoiceStatus.Approved, await StatusAsync(id));
    }

    [Fact]
    public async Task Post_WithBearerToken_NeedsNoAntiforgeryToken()
    {
        var id = await SubmittedInvoiceAsync();
        var client = App.ClientWithoutApiToken();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "team@test.example", password = TestData.Password });
        var bearer = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);

        var response = await client.PostAsJsonAsync($"/api/v1/invoices/{id}/approve", new { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_WithCookie_NeedsNoToken()
    {
        await Data.ProgrammeTeamAsync();
        var client = App.ClientWithoutApiToken();
        await client.SignInAsync("team@test.example", TestData.Password);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Layout_GivesSignedInPagesTheToken_AndAnonymousPagesNone()
    {
        await Data.ProgrammeTeamAsync();
        var anonymous = await App.ClientWithoutApiToken().GetDocumentAsync("/Account/SignIn");
        Assert.Null(anonymous.QuerySelector("meta[name=request-verification-token]"));

        var team = await SignedInAsync("team@test.example");
        Assert.False(string.IsNullOrEmpty(ApiTokenHandler.PageToken(await team.GetDocumentAsync("/Account/NoRole"))));
    }
}
