using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Roundtable.Web.Reminders;

public sealed record UnsubscribeRequest(string UserId, ReminderKind Kind);

// The token in a reminder's unsubscribe link names the person and the kind, protected by the app's
// data-protection keys (kept in the database, so every server reads every other's links).
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Roundtable.Reminders.Unsubscribe.v1");

    public string Create(string userId, ReminderKind kind) => _protector.Protect($"{kind.Code}\n{userId}");

    public UnsubscribeRequest? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }
        try
        {
            var parts = _protector.Unprotect(token).Split('\n', 2);
            return parts.Length == 2 && ReminderKind.Find(parts[0]) is { } kind ? new UnsubscribeRequest(parts[1], kind) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
