namespace Roundtable.Web.Pages.Shared;

// A GOV.UK text input or textarea (with a character count when MaxLength is given) for _Field.
public sealed record FieldView(string Key, string Label, string? Value, string? Hint = null, bool Textarea = false, int? MaxLength = null,
    string Width = "", int Rows = 5, string LabelClass = "govuk-label--s");

public sealed record SelectView(string Key, string Label, string? Selected, IEnumerable<(string Value, string Text)> Options, string Empty = "Not given", string? Hint = null);
