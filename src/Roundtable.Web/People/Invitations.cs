using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Email;

namespace Roundtable.Web.People;

// Invitation and password-reset e-mails (queued in the outbox). Both carry Identity's password-reset token; the link
// leads to a page where the person chooses their password.
public sealed class Invitations(UserManager<AppUser> users, AppDbContext db, TimeProvider time)
{
    public async Task<string> InviteAsync(AppUser user, string baseUrl, CancellationToken ct = default)
    {
        var link = await PasswordLinkAsync(user, baseUrl, "/Account/SetPassword");
        // The e-mail and the "invited" stamp are saved together: both or neither.
        db.QueueEmail(PeopleEmails.Invitation(user, link, Infrastructure.Auth.AuthSetup.InvitationLifetime.Days), time);
        user.InvitedAt = time.UtcNow();
        await db.SaveChangesAsync(ct);
        return link;
    }

    public async Task SendPasswordResetAsync(AppUser user, string baseUrl, CancellationToken ct = default)
    {
        var link = await PasswordLinkAsync(user, baseUrl, "/Account/SetPassword") + "&reset=true";
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
        var user = await users.FindByIdAsync(userId);
        var result = user is null
            ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken" })
            : await users.ResetPasswordAsync(user, DecodeCode(code), input.Password!);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == "InvalidToken")
                ? Failure.Refused("This link has expired or has already been used. Ask for a new one from the sign-in page ('I have forgotten my password').")
                : Failure.Invalid(result.Errors.Select(e => new FieldError(nameof(SetPasswordInput.Password), e.Description)).ToList());
        }
        user!.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        return user;
    }

    private async Task<string> PasswordLinkAsync(AppUser user, string baseUrl, string page)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return $"{baseUrl.TrimEnd('/')}{page}?userId={Uri.EscapeDataString(user.Id)}&code={code}";
    }

    // Links in e-mails use the configured public address when there is one, so that a forged Host
    // header cannot send someone a link to another site.
    public static string BaseUrl(HttpRequest request, IConfiguration configuration) =>
        configuration["App:BaseUrl"] is { Length: > 0 } configured ? configured : $"{request.Scheme}://{request.Host}";

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
