namespace Roundtable.Web.Calendars;

// Every absolute address the calendar feature hands out is built here, from App:BaseUrl; only in
// Development may it fall back to a loopback address the request came in on (AppLinks).
public sealed class CalendarLinks(AppLinks links, IConfiguration configuration, IHttpContextAccessor http)
{
    public string BaseUrl =>
        http.HttpContext?.Request is { } request ? links.BaseUrl(request)
        : configuration[AppLinks.Setting] is { Length: > 0 } configured ? configured.TrimEnd('/')
        : throw new InvalidOperationException($"Set {AppLinks.Setting} to the site's public address: calendar feeds need an absolute address.");

    // The host part of event UIDs: the same for every server, so UIDs stay stable.
    public string Host => new Uri(BaseUrl).Host;

    public string Feed(string token) => $"{BaseUrl}/calendar/{token}.ics";

    public string Session(int id) => $"{BaseUrl}/Communities/Session/{id}";
}
