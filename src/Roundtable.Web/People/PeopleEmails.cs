using Roundtable.Web.Infrastructure.Email;

namespace Roundtable.Web.People;

// Every e-mail the People area sends, in one place.
public static class PeopleEmails
{
    public static EmailMessage Invitation(AppUser user, string link, int linkDays) =>
        new(user.Email!, user.FullName, "You have been invited to Roundtable",
            $"""
            Dear {user.FullName},

            You have been invited to Roundtable, where your NPQ programme runs its communities, tutorials and projects.

            Choose your password to sign in (the link works for {linkDays} days):
            {link}

            If you were not expecting this e-mail, you can ignore it.

            The programme team
            """);

    public static EmailMessage PasswordReset(AppUser user, string link) =>
        new(user.Email!, user.FullName, "Reset your Roundtable password",
            $"""
            Dear {user.FullName},

            Someone asked to reset the password for your Roundtable account. To choose a new password, open:
            {link}

            The link works for {PasswordLinks.ResetLifetime.TotalHours:0} hours and only once.

            If it was not you, ignore this e-mail: your password has not changed.

            The programme team
            """);
}
