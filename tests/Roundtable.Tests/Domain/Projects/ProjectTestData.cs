using Roundtable.Web.Projects;

namespace Roundtable.Tests.Domain.Projects;

internal static class ProjectTestData
{
    private static readonly Lazy<BankHolidayCalendar> ShippedCalendar = new(BankHolidays.LoadShipped);

    public static BankHolidayCalendar Holidays => ShippedCalendar.Value;

    public static DateOnly D(int year, int month, int day) => new(year, month, day);
}
