namespace Roundtable.Web.Infrastructure;

// Settings a real deployment cannot run without. Development has working defaults (links to
// localhost, e-mails written to a folder); everywhere else a missing one stops the start with a
// message that names it, rather than mailing links to whatever host a request claims.
public static class RequiredSettings
{
    public static readonly IReadOnlyList<(string Key, string Why)> OutsideDevelopment =
    [
        (AppLinks.Setting, "the site's public address (e.g. https://roundtable.example.org), used for links in e-mails"),
        ("Email:Host", "the SMTP server that sends e-mails (the .eml pickup folder is for Development only)"),
    ];

    public static void Check(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return;
        }
        var missing = OutsideDevelopment.Where(s => string.IsNullOrWhiteSpace(configuration[s.Key])).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Roundtable cannot start in the {environment.EnvironmentName} environment: "
                + string.Join("; ", missing.Select(m => $"the setting {m.Key} is missing ({m.Why})")) + ".");
        }
    }
}
