namespace Roundtable.Web.Infrastructure.Lists;

// One field of a list's filter form: a select when it has options, a date picker for "date",
// otherwise a text box. Always labelled; the form is a plain GET so it works without JavaScript.
public sealed record ListFilter(string Key, string Label, string? Value, IReadOnlyList<(string Value, string Text)>? Options = null,
    string Empty = "Any", string Type = "text");

public sealed record SortHeaderView(ListPageModel List, string Key, string Label, bool Numeric = false);

public static class ListOptions
{
    // An enum's values as filter options (value = identifier, text = display name).
    public static IReadOnlyList<(string Value, string Text)> Of<T>() where T : struct, Enum =>
        EnumText.Values<T>().Select(v => (v.ToString(), EnumText.Display(v))).ToList();

    // Reads an enum filter; an unknown value is no filter.
    public static T? Parse<T>(string? text) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var v) && Enum.IsDefined(v) ? v : null;

    // Reads a yyyy-MM-dd date filter; anything else is no filter.
    public static DateOnly? Date(string? text) => UkFormat.TryParseIsoDate(text?.Trim(), out var d) ? d : null;
}
