namespace Roundtable.Web.Infrastructure;

public static class TextInput
{
    // Free text from a form or a request: trimmed, null when empty, and checked against its length limit
    // in the Design System's wording ("Enter the reason", "The reason must be 1,000 characters or fewer").
    public static string? Text(this FieldErrors errors, string? value, string field, string what, int maxLength, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentException.ThrowIfNullOrEmpty(what);
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors.Add(field, $"Enter {what}");
            }
            return null;
        }
        if (text.Length > maxLength)
        {
            errors.Add(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be {UkFormat.Number(maxLength)} characters or fewer");
        }
        return text;
    }
}
