namespace Roundtable.Web.Infrastructure.Api;

// Optional query values as the API takes them: absent is null, malformed is a field error.
public static class QueryValues
{
    // YYYY-MM-DD
    public static DateOnly? OptionalDate(this FieldErrors errors, string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (UkFormat.TryParseIsoDate(text, out var date))
        {
            return date;
        }
        errors.Add(field, $"Give {field} as a date, YYYY-MM-DD.");
        return null;
    }
}
