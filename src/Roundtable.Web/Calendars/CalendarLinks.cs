namespace Roundtable.Web.Calendars;

// Every absolute address the calendar feature hands out is built here, from App:BaseUrl; only in
// Development may it fall back to the address the request came in on.
public sealed class CalendarLinks(IConfiguration configuration, IHostEnvironment environment, IHttpContextAccessor http)
{
    public string BaseUrl
    {
        get
        {
            if (configuration["App:BaseUrl"] is { Length: > 0 } configured)
            {
                return configured.TrimEnd('/');
            }
            if (environment.IsDevelopment() && http.HttpContext?.Request is { } request)
            {
                return $"{request.Scheme}://{request.Host}";
            }
            throw new InvalidOperationException("Set App:BaseUrl to the site's public address: calendar feeds need an absolute address.");
        }
    }

    // The host part of event UIDs: the same for every server, so UIDs stay stable.
    public string Host => new Uri(BaseUrl).Host;

    public string Feed(string token) => $"{BaseUrl}/calendar/{token}.ics";

    public string Session(int id) => $"{BaseUrl}/Communities/Session/{id}";
}
