using Microsoft.AspNetCore.Mvc.ModelBinding;
using Roundtable.Web.Infrastructure;

namespace Roundtable.Web.Pages.Shared;

public static class Forms
{
    public static string IdFor(string key) => key.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    public static string? ErrorFor(this ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public static string GroupClass(this ModelStateDictionary state, string key) =>
        state.ErrorFor(key) is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error";

    // An optional GOV.UK date input: empty is null; partly filled or impossible is a field error.
    public static DateOnly? OptionalDate(this ModelStateDictionary state, DateParts parts, string key, string what)
    {
        if (parts.IsEmpty)
        {
            return null;
        }
        var error = parts.TryGet(what, out var date);
        if (error is not null)
        {
            state.AddModelError(key, error);
            return null;
        }
        return date;
    }

    public static DateOnly? RequiredDate(this ModelStateDictionary state, DateParts parts, string key, string what)
    {
        var error = parts.TryGet(what, out var date);
        if (error is not null)
        {
            state.AddModelError(key, error);
            return null;
        }
        return date;
    }

    public static string? Text(this ModelStateDictionary state, string? value, string key, string what, int maxLength, bool required = false)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                state.AddModelError(key, $"Enter {what}");
            }
            return null;
        }
        if (text.Length > maxLength)
        {
            state.AddModelError(key, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be {UkFormat.Number(maxLength)} characters or fewer");
        }
        return text;
    }

    public static DateParts Parts(DateOnly? date) => date is { } d ? DateParts.From(d) : new DateParts();
}
