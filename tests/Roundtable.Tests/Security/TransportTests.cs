using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Infrastructure.Email;

namespace Roundtable.Tests.Security;

// Issue 12, point 7: transport in Production.
public class TransportTests
{
    [Fact]
    public async Task Production_RedirectsToHttpsSendsHstsAndMarksCookiesSecure()
    {
        var app = await ConfiguredApp.StartAsync("Production", new Dictionary<string, string?>());
        try
        {
            var plain = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://roundtable.example.org") });
            var redirect = await plain.GetAsync("/Account/SignIn");
            Assert.True(redirect.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect, $"{redirect.StatusCode}");
            Assert.Equal("https", redirect.Headers.Location?.Scheme);

            var secure = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://roundtable.example.org") });
            var page = await secure.GetAsync("/Account/SignIn");
            Assert.Contains("max-age=", string.Join(",", page.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
            var cookies = page.Headers.GetValues("Set-Cookie").ToList();
            Assert.NotEmpty(cookies);
            Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task Production_ForwardedHeadersFromAnUnknownAddress_AreIgnored()
    {
        var app = await ConfiguredApp.StartAsync("Production", new Dictionary<string, string?>());
        try
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://roundtable.example.org") });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/SignIn");
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");

            var response = await client.SendAsync(request);

            // Not believed: the request is still plain HTTP, so it is sent to HTTPS.
            Assert.Equal("https", response.Headers.Location?.Scheme);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Theory]
    [InlineData(true, 587, MailKit.Security.SecureSocketOptions.StartTls)]
    [InlineData(true, 465, MailKit.Security.SecureSocketOptions.SslOnConnect)]
    [InlineData(false, 25, MailKit.Security.SecureSocketOptions.None)]
    public void Smtp_UsesTlsUnlessTurnedOff(bool useTls, int port, MailKit.Security.SecureSocketOptions expected)
    {
        Assert.Equal(expected, new EmailOptions { UseTls = useTls, Port = port }.SocketOptions);
    }

    [Fact]
    public void Smtp_TlsIsOnByDefault()
    {
        Assert.True(new EmailOptions().UseTls);
    }
}
