using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Roundtable.Web.Infrastructure.Audit;

// Before → after per field, written as { "Field": { "before": …, "after": … } }.
public sealed class AuditChanges
{
    private readonly JsonObject fields = [];

    public bool IsEmpty => fields.Count == 0;

    public AuditChanges Add(string field, object? before, object? after)
    {
        fields[field] = new JsonObject { ["before"] = ToNode(before), ["after"] = ToNode(after) };
        return this;
    }

    public string ToJson() => fields.ToJsonString();

    private static JsonValue? ToNode(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        DateOnly d => JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateTime t => JsonValue.Create(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
        Enum e => JsonValue.Create(e.ToString()),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    public static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}

// Personal data in the trail is kept to what shows that something changed.
public static class AuditMask
{
    // Bank details: only the last two digits, enough to tell two accounts apart.
    public static string? BankDetails(string? details)
    {
        if (string.IsNullOrEmpty(details))
        {
            return details;
        }
        var digits = details.Where(char.IsAsciiDigit).ToArray();
        return digits.Length >= 2 ? $"account ending {digits[^2]}{digits[^1]}" : "(no account number)";
    }

    // E-mail: the first and last letters of the name part, one star per hidden letter, and the
    // domain: enough to tell an old address from its replacement, not enough to write to either.
    public static string? Email(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return email;
        }
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at switch
        {
            <= 0 => "***",
            1 => $"*{email[at..]}",
            2 => $"{email[0]}*{email[at..]}",
            _ => $"{email[0]}{new string('*', at - 2)}{email[at - 1]}{email[at..]}",
        };
    }
}
