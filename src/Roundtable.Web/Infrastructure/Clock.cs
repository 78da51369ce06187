namespace Roundtable.Web.Infrastructure;

public static class Clock
{
    // "Now" as the database stores it: a UTC DateTime from the injected TimeProvider.
    public static DateTime UtcNow(this TimeProvider time) => time.GetUtcNow().UtcDateTime;
}
