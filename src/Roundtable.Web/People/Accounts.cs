using System.ComponentModel.DataAnnotations;

namespace Roundtable.Web.People;

// The account forms: signing in, asking for a reset link, choosing a password.
public sealed class SignInInput
{
    public const int PasswordMaxLength = 200;

    public string? Email { get; set; }
    public string? Password { get; set; }

    public Failure? Check()
    {
        var errors = new FieldErrors();
        AccountRules.Email(errors, nameof(Email), Email, "Enter your e-mail address", checkFormat: false);
        if (string.IsNullOrWhiteSpace(Password))
        {
            errors.Add(nameof(Password), "Enter your password");
        }
        else if (Password.Length > PasswordMaxLength)
        {
            errors.Add(nameof(Password), $"Enter a password of at most {PasswordMaxLength} characters");
        }
        return errors.ToFailure();
    }
}

public sealed class ForgotPasswordInput
{
    public string? Email { get; set; }

    public Failure? Check() => AccountRules.Email(new FieldErrors(), nameof(Email), Email, "Enter your e-mail address").ToFailure();
}

public sealed class SetPasswordInput
{
    public const int PasswordMinLength = 10;

    public string? Password { get; set; }
    public string? Confirm { get; set; }

    public Failure? Check()
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(Password))
        {
            errors.Add(nameof(Password), "Enter a password");
        }
        else if (Password.Length is < PasswordMinLength or > SignInInput.PasswordMaxLength)
        {
            errors.Add(nameof(Password), $"Enter a password of at least {PasswordMinLength} characters");
        }
        if (string.IsNullOrWhiteSpace(Confirm))
        {
            errors.Add(nameof(Confirm), "Enter the password again to confirm it");
        }
        else if (!string.Equals(Password, Confirm, StringComparison.Ordinal))
        {
            errors.Add(nameof(Confirm), "The passwords do not match");
        }
        return errors.ToFailure();
    }
}

public static class AccountRules
{
    private static readonly EmailAddressAttribute EmailFormat = new();

    // Required, at most 254 characters and (unless only looking one up) shaped like an address.
    public static FieldErrors Email(FieldErrors errors, string field, string? email, string whenMissing, bool checkFormat = true)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return errors.Add(field, whenMissing);
        }
        if (checkFormat && !EmailFormat.IsValid(email))
        {
            errors.Add(field, "Enter an e-mail address in the correct format, like name@example.com");
        }
        if (email.Length > AppUser.EmailMaxLength)
        {
            errors.Add(field, $"Enter an e-mail address of at most {AppUser.EmailMaxLength} characters");
        }
        return errors;
    }
}
