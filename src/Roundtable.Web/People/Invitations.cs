using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Email;

namespace Roundtable.Web.People;

// Invitation and password-reset e-mails, queued in the outbox. Both carry a password link
// (PasswordLinks: an invitation lasts 14 days, a reset 2 hours); the link leads to a page where the
// person chooses their password.
public sealed class Invitations(UserManager<AppUser> users, AppDbContext db, TimeProvider time, PasswordLinks links)
{
    public async Task<string> InviteAsync(AppUser user, string baseUrl, CancellationToken ct = default)
    {
        var link = await PasswordLinkAsync(user, baseUrl, PasswordLinkKind.Invitation);
        // The e-mail and the "invited" stamp are saved together: both or neither.
        db.QueueEmail(PeopleEmails.Invitation(user, link, PasswordLinks.InvitationLifetime.Days), time);
        user.InvitedAt = time.UtcNow();
        await db.SaveChangesAsync(ct);
        return link;
    }

    public async Task SendPasswordResetAsync(AppUser user, string baseUrl, CancellationToken ct = default)
    {
        var link = await PasswordLinkAsync(user, baseUrl, PasswordLinkKind.Reset) + "&reset=true";
        db.QueueEmail(PeopleEmails.PasswordReset(user, link), time);
        await db.SaveChangesAsync(ct);
    }

    // From the link in an invitation or reset e-mail: the password is set, the e-mail confirmed
    // (it received the link) and any lockout lifted.
    public async Task<Result<AppUser>> SetPasswordAsync(string userId, string code, SetPasswordInput input)
    {
        if (input.Check() is { } invalid)
        {
            return invalid;
        }
        var link = await links.CheckAsync(userId, DecodeCode(code));
        if (!link.Succeeded)
        {
            return link.Failure;
        }
        // Identity sets the password (its validators, its hashing) and changes the security stamp,
        // which uses the link up.
        var user = link.Value;
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), input.Password!);
        if (!result.Succeeded)
        {
            return Failure.Invalid(result.Errors.Select(e => new FieldError(nameof(SetPasswordInput.Password), e.Description)).ToList());
        }
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        return user;
    }

    // Whether a link from an e-mail can still be used, for the page to say so before asking for a password.
    public Task<Result<AppUser>> CheckLinkAsync(string userId, string code) => links.CheckAsync(userId, DecodeCode(code));

    private async Task<string> PasswordLinkAsync(AppUser user, string baseUrl, PasswordLinkKind kind)
    {
        var token = await links.CreateAsync(user, kind);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return $"{baseUrl.TrimEnd('/')}/Account/SetPassword?userId={Uri.EscapeDataString(user.Id)}&code={code}";
    }

    public static string DecodeCode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
