using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Email;

namespace Roundtable.Web.People;

// Invitation and password-reset e-mails. Both carry Identity's password-reset token; the link
// leads to a page where the person chooses their password.
public sealed class Invitations(UserManager<AppUser> users, AppDbContext db, IEmailSender email, TimeProvider time)
{
    public async Task<string> InviteAsync(AppUser user, string baseUrl, CancellationToken ct = default)
    {
        var link = await PasswordLinkAsync(user, baseUrl, "/Account/SetPassword");
        await email.SendAsync(new EmailMessage(user.Email!, user.FullName, "You have been invited to Roundtable",
            $"""
            Dear {user.FullName},

            You have been invited to Roundtable, where your NPQ programme runs its communities, tutorials and projects.

            Choose your password to sign in (the link works for {Infrastructure.Auth.AuthSetup.InvitationLifetime.Days} days):
            {link}

            If you were not expecting this e-mail, you can ignore it.

            The programme team
            """), ct);
        user.InvitedAt = time.UtcNow();
        await db.SaveChangesAsync(ct);
        return link;
    }

    public async Task SendPasswordResetAsync(AppUser user, string baseUrl, CancellationToken ct = default)
    {
        var link = await PasswordLinkAsync(user, baseUrl, "/Account/SetPassword") + "&reset=true";
        await email.SendAsync(new EmailMessage(user.Email!, user.FullName, "Reset your Roundtable password",
            $"""
            Dear {user.FullName},

            Someone asked to reset the password for your Roundtable account. To choose a new password, open:
            {link}

            If it was not you, ignore this e-mail: your password has not changed.

            The programme team
            """), ct);
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
