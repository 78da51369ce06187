using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Pages.Tutorials;

public static class TutorialText
{
    public static string StatusTagClass(BookingStatus status) => status switch
    {
        BookingStatus.Booked => "govuk-tag govuk-tag--blue",
        BookingStatus.Held => "govuk-tag govuk-tag--green",
        BookingStatus.NoShow => "govuk-tag govuk-tag--orange",
        BookingStatus.LateCancelled => "govuk-tag govuk-tag--red",
        _ => "govuk-tag govuk-tag--grey",
    };

    public static string Mode(TutorialMode mode) => mode == TutorialMode.Online ? "Online" : "In person";

    public static string Length(int minutes) => minutes % 60 == 0 && minutes >= 60
        ? $"{minutes / 60} hour{(minutes == 60 ? "" : "s")}"
        : $"{minutes} minutes";

    public static string Project(int project) => project == ProjectNumbers.Change
        ? "Tutorial 1 – Project 1: whole-school change"
        : "Tutorial 2 – Project 2: placement";
}
