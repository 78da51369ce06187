using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Roundtable.Tests.Infrastructure;

namespace Roundtable.Tests.Security;

// Issue 12, point 10: headers.
public class HeaderTests(AppFactory app) : AppTest(app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Account/SignIn")]
    [InlineData("/api/v1/openapi.json")]
    public async Task EveryAnswer_HasTheHardeningHeaders(string url)
    {
        var response = await Anonymous().GetAsync(url);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("camera=()", string.Join(",", response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
        Assert.Equal("same-origin", string.Join(",", response.Headers.GetValues("Cross-Origin-Opener-Policy")));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public void Kestrel_SendsNoServerHeader()
    {
        Assert.False(App.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    [Fact]
    public async Task PersonalApiAnswerAndCsv_AreNotStored()
    {
        await Data.ProgrammeTeamAsync();
        var team = await SignedInAsync("team@test.example");

        foreach (var url in new[] { "/api/v1/me", "/api/v1/cohorts", "/api/v1/invoices/export.csv", "/Programme/Invoices?handler=Export", "/Programme" })
        {
            var response = await team.GetAsync(url);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} ({(int)response.StatusCode}) has Cache-Control: {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task CalendarFile_IsNotStored()
    {
        var partner = await Data.PartnerAsync();
        var profile = await App.PartnerProfileAsync(partner);
        var slot = await App.SlotAsync(profile, TimeSpan.FromDays(3));
        var cohort = await Data.CohortAsync();
        var delegateUser = await Data.DelegateAsync(cohort, "d@test.example");
        var booking = await App.BookingAsync(slot, delegateUser);
        var client = await SignedInAsync("d@test.example");

        var response = await client.GetAsync($"/api/v1/bookings/{booking.Id}/calendar.ics");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore == true);
    }
}
