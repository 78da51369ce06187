using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Roundtable.Web.People;

public enum PasswordLinkKind { Invitation, Reset }

// The links in invitation and password-reset e-mails. Each link is signed and names its kind, the
// moment it was made and the account's security stamp; the account keeps the moment of the latest
// link (Identity's user-token table). So a link can say why it no longer works: it has been used
// (setting a password changes the stamp), a newer one was sent, or it is too old.
public sealed class PasswordLinks(UserManager<AppUser> users, IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(14);
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(2);

    private const string TokenStore = "Roundtable";
    private const string LatestLink = "PasswordLinkCreated";
    private readonly IDataProtector protector = protection.CreateProtector("Roundtable.PasswordLinks.v1");

    public static TimeSpan Lifetime(PasswordLinkKind kind) => kind == PasswordLinkKind.Invitation ? InvitationLifetime : ResetLifetime;

    public async Task<string> CreateAsync(AppUser user, PasswordLinkKind kind)
    {
        var created = time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture);
        await users.SetAuthenticationTokenAsync(user, TokenStore, LatestLink, created);
        return protector.Protect(string.Join('|', kind, user.Id, created, await users.GetSecurityStampAsync(user)));
    }

    // The account the link is for, or why it cannot be used.
    public async Task<Result<AppUser>> CheckAsync(string userId, string token)
    {
        var parts = Read(token);
        if (parts is not [var kindText, var id, var createdText, var stamp] || id != userId
            || !Enum.TryParse<PasswordLinkKind>(kindText, out var kind) || !long.TryParse(createdText, CultureInfo.InvariantCulture, out var createdTicks)
            || await users.FindByIdAsync(userId) is not { } user)
        {
            return Failure.Refused("This link is not complete or not right. Copy the whole link from the e-mail, or ask for a new one from the sign-in page ('I have forgotten my password').");
        }
        if (stamp != await users.GetSecurityStampAsync(user))
        {
            return Failure.Refused("This link has already been used. If you have forgotten the password you chose, ask for a new link from the sign-in page ('I have forgotten my password').");
        }
        if (await users.GetAuthenticationTokenAsync(user, TokenStore, LatestLink) != createdText)
        {
            return Failure.Refused("A newer link has been sent to you since this one, so this one no longer works. Use the link in the latest e-mail.");
        }
        if (time.GetUtcNow().UtcTicks - createdTicks > Lifetime(kind).Ticks)
        {
            return Failure.Refused(kind == PasswordLinkKind.Invitation
                ? $"This invitation has expired: invitations last {InvitationLifetime.Days} days. Ask for a new link from the sign-in page ('I have forgotten my password')."
                : $"This link has expired: password-reset links last {ResetLifetime.TotalHours:0} hours. Ask for a new one from the sign-in page ('I have forgotten my password').");
        }
        return user;
    }

    private string[]? Read(string token)
    {
        try
        {
            return protector.Unprotect(token).Split('|');
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
