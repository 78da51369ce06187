using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Roundtable.Web.Infrastructure;

namespace Roundtable.Web.Pages.Shared;

public static class Forms
{
    public static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static string IdFor(string key) => key.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    public static string? ErrorFor(this ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public static string GroupClass(this ModelStateDictionary state, string key) =>
        state.ErrorFor(key) is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error";

    public static string UkDate(DateOnly date) => date.ToString("d MMMM yyyy", UkCulture);

    public static string UkDateTime(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), LondonTime.Zone);
        return local.ToString("d MMMM yyyy, h:mmtt", UkCulture).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);
    }
}
