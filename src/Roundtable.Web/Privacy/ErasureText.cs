namespace Roundtable.Web.Privacy;

// Plain words for the erasure summary's counts, for the confirmation page and the privacy page.
public static class ErasureText
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["account"] = "sign-in account, name and e-mail address",
        ["roles"] = "roles",
        ["problemCards"] = "problem cards",
        ["buddyNotes"] = "buddy notes",
        ["drafts"] = "draft submissions",
        ["projectPlans"] = "project plans",
        ["files"] = "uploaded files (artefacts and documents)",
        ["windowOverrides"] = "tutorial window overrides",
        ["calendarFeeds"] = "calendar addresses",
        ["reminderPreferences"] = "reminder choices and reminder records",
        ["emails"] = "e-mails to them",
        ["paymentDetails"] = "bank and billing details",
        ["programmePlaces"] = "programme places (birthday and school removed)",
        ["bookings"] = "tutorial bookings (their words removed; the partner's record kept)",
        ["submissionsWithOutcomes"] = "submitted work with an assessment outcome (outcome kept, text and documents removed)",
        ["sessionTurns"] = "turns in community sessions (their action notes removed)",
        ["requirementOverrides"] = "project requirement overrides (reason removed)",
        ["invoices"] = "invoices (kept for six years under \"Former member\" and initials; totals unchanged)",
        ["partnerProfiles"] = "partner profiles (biography and specialisms removed)",
        ["selfBillingAgreements"] = "self-billing agreements (kept with their invoices under \"Former member\" and initials; the signed name and the reason removed)",
        ["caseStudyAdjustments"] = "case-study eligibility decisions and extensions (reasons removed)",
    };

    public static string Of(string key) => Words.TryGetValue(key, out var words) ? words : key;
}
