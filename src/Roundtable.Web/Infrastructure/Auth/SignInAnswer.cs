namespace Roundtable.Web.Infrastructure.Auth;

// One answer to every failed sign-in (wrong password, locked account, unknown e-mail), on the
// page and the bearer login alike, so that nobody can find out which addresses have accounts.
public static class SignInAnswer
{
    public const string Failed = "Enter a correct e-mail address and password";

    public static readonly string Hint =
        $"After {AuthSetup.MaxFailedSignIns} failed attempts an account is locked for {AuthSetup.LockoutTime.TotalMinutes:0} minutes. If you have forgotten your password, you can reset it.";
}
