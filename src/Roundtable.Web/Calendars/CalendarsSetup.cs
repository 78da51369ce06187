namespace Roundtable.Web.Calendars;

public static class CalendarsSetup
{
    public static IServiceCollection AddCalendars(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CalendarLinks>();
        services.AddScoped<CalendarFeeds>();
        return services;
    }
}
