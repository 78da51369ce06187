namespace Roundtable.Web.Dfe;

// The DfE Lead Provider API connection (section "Dfe"). BaseUrl is the host's root, e.g.
// https://sandbox.npq.education.gov.uk/ : the client calls {BaseUrl}api/v3/... . A base address and
// token saved on the settings page take the place of these (the token there is stored protected).
public sealed class DfeOptions
{
    public const string Section = "Dfe";

    public string? BaseUrl { get; set; }

    public string? Token { get; set; }

    // Development only: the app answers the DfE calls itself (Dfe/DevelopmentFakeDfe.cs).
    public bool UseFake { get; set; }

    // Retries after the first attempt, for 429, 5xx, 408 and time-outs (never for a declaration's
    // time-out: that one is resolved by reading the declarations back).
    public int MaxRetries { get; set; } = 3;

    // The first back-off; it doubles with jitter. A Retry-After header from DfE takes its place.
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    // page[per_page] for the lists (DfE allows up to 3000).
    public int PageSize { get; set; } = 100;
}
