using System.Net;

namespace Roundtable.Web.Infrastructure;

// The public address that links in e-mails and calendar files point at. It never comes from the
// request's Host header, which anyone can forge: outside Development `App:BaseUrl` is required
// (the app refuses to start without it); in Development, with no setting, a loopback host is used.
public sealed class AppLinks(IConfiguration configuration, IHostEnvironment environment)
{
    public const string Setting = "App:BaseUrl";

    public string BaseUrl(HttpRequest request)
    {
        if (configuration[Setting] is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }
        if (environment.IsDevelopment() && IsLoopback(request.Host.Host))
        {
            return $"{request.Scheme}://{request.Host}";
        }
        throw new InvalidOperationException(
            $"{Setting} is not set, so Roundtable cannot build links for e-mails from the request's host '{request.Host.Host}'. Set {Setting} to the site's public address.");
    }

    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
