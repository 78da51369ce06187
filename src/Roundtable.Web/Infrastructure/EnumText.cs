using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Roundtable.Web.Infrastructure;

// Enum values as people write and read them: "All-through" for SchoolPhase.AllThrough.
public static class EnumText
{
    public static string Display<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return typeof(T).GetField(name)?.GetCustomAttribute<DisplayAttribute>()?.Name ?? name;
    }

    public static IEnumerable<T> Values<T>() where T : struct, Enum => Enum.GetValues<T>();

    public static string AllDisplayed<T>() where T : struct, Enum => string.Join(", ", Values<T>().Select(v => Display(v)));

    // Accepts the display name or the identifier, ignoring case, spaces, hyphens and underscores.
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        var wanted = Squash(text);
        foreach (var candidate in Values<T>())
        {
            if (wanted.Length > 0 && (Squash(candidate.ToString()) == wanted || Squash(Display(candidate)) == wanted))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    private static string Squash(string? text) =>
        new((text ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
