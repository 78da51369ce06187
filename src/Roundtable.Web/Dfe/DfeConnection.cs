using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Roundtable.Web.Data;

namespace Roundtable.Web.Dfe;

public sealed record DfeTarget(Uri BaseUrl, string Token);

// Where the DfE calls go and with which token: what the team saved on the settings page, else the
// configuration (Dfe:BaseUrl, Dfe:Token). Null when either is missing. The saved token is kept
// protected with Data Protection and is only ever unprotected here, to be sent to DfE.
public sealed class DfeConnection(AppDbContext db, IDataProtectionProvider protection, IOptions<DfeOptions> options)
{
    private readonly IDataProtector protector = protection.CreateProtector("Roundtable.Dfe.Token.v1");

    public async Task<DfeTarget?> GetAsync(CancellationToken ct)
    {
        var saved = await db.DfeSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == DfeSettings.SingletonId, ct);
        var baseUrl = string.IsNullOrWhiteSpace(saved?.BaseUrl) ? options.Value.BaseUrl : saved.BaseUrl;
        var token = saved?.ProtectedToken is { Length: > 0 } p ? Unprotect(p) : options.Value.Token;
        return Target(baseUrl, token);
    }

    // Whether a token is set, and its last characters to tell which one, never more.
    public async Task<(bool Set, string? Ending, bool FromConfiguration)> TokenShownAsync(CancellationToken ct)
    {
        var saved = await db.DfeSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == DfeSettings.SingletonId, ct);
        if (saved?.ProtectedToken is { Length: > 0 })
        {
            return (true, saved.TokenEnding, false);
        }
        return string.IsNullOrWhiteSpace(options.Value.Token) ? (false, null, false) : (true, null, true);
    }

    public void SetToken(DfeSettings settings, string token)
    {
        token = token.Trim();
        settings.ProtectedToken = protector.Protect(token);
        settings.TokenEnding = token.Length >= 12 ? token[^4..] : null;
    }

    public static bool IsValidBaseUrl(string? baseUrl) => Target(baseUrl, "x") is not null;

    private string? Unprotect(string protectedToken)
    {
        try
        {
            return protector.Unprotect(protectedToken);
        }
        catch (CryptographicException)
        {
            // The keys were lost: treat as not set; the team enters the token again.
            return null;
        }
    }

    internal static DfeTarget? Target(string? baseUrl, string? token)
    {
        if (string.IsNullOrWhiteSpace(baseUrl) || string.IsNullOrWhiteSpace(token)
            || !Uri.TryCreate(baseUrl.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }
        return new DfeTarget(uri, token.Trim());
    }
}
