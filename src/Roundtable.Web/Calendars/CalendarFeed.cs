using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Roundtable.Web.People;

namespace Roundtable.Web.Calendars;

// A person's private calendar subscription. The secret token is in the address a calendar app
// polls without signing in. Requests are looked up by the token's SHA-256 hash, so the table alone
// gives away no working address; the owner's own copy is kept encrypted with ASP.NET Data
// Protection (keys shared by every server) so their account page can show the address again.
public class CalendarFeed
{
    public const int HashLength = 64;
    public const int ProtectedMaxLength = 500;
    private const int TokenBytes = 32;

    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public AppUser User { get; set; } = null!;
    public string TokenHash { get; set; } = "";
    public string ProtectedToken { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public static CalendarFeed Issue(string userId, Func<string, string> protect, DateTime now)
    {
        var feed = new CalendarFeed { UserId = userId };
        return feed.Renew(protect, now).Feed;
    }

    // A new token: the old address stops working at once. Returns the new token in clear.
    public (CalendarFeed Feed, string Token) Renew(Func<string, string> protect, DateTime now)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(TokenBytes));
        TokenHash = Hash(token);
        ProtectedToken = protect(token);
        CreatedAt = now;
        return (this, token);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    // Tokens are base64url of 32 bytes; anything else is not worth a database look-up.
    public static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
