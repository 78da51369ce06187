using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Invoicing;

// A partner's written agreement that the programme team issues their invoices for them (HMRC's
// self-billing rules, VAT Notice 700/62): who, from when, until when (at most 12 months, then a new
// agreement), the terms as the partner read them, and their typed name as acceptance. While one is
// in force the partner does not invoice the consultations it covers themselves.
public class SelfBillingAgreement
{
    public const string AuditSubject = "SelfBillingAgreement";
    public const int NameMaxLength = 200;
    public const int TermsMaxLength = 4000;
    public const int ReasonMaxLength = 1000;
    public const int MaxMonths = 12;

    public int Id { get; set; }
    public int PartnerId { get; set; }
    public PartnerProfile Partner { get; set; } = null!;
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public string TermsText { get; set; } = "";
    public string AcceptedName { get; set; } = "";
    public DateTime AcceptedAt { get; set; }
    public string AcceptedById { get; set; } = "";
    public DateTime? EndedAt { get; set; }
    public string? EndedById { get; set; }
    public string? EndReason { get; set; }

    public bool InForceOn(DateOnly day) => EndedAt is null && StartsOn <= day && day <= EndsOn;

    public string StatusOn(DateOnly day) => EndedAt is not null ? "Ended" : day < StartsOn ? "Not started" : day > EndsOn ? "Expired" : "In force";

    // The last day an agreement starting on the given day may run to: twelve months less a day.
    public static DateOnly LatestEnd(DateOnly startsOn) => startsOn.AddMonths(MaxMonths).AddDays(-1);

    public Failure? End(string userId, string reason, DateTime now)
    {
        if (EndedAt is not null)
        {
            return Failure.Conflict("This self-billing agreement has already ended.");
        }
        EndedAt = now;
        EndedById = userId;
        EndReason = reason.Trim();
        return null;
    }

    // The terms, in full, as shown to the partner and kept with their acceptance.
    public static IReadOnlyList<string> Terms(string provider, string partner, DateOnly startsOn, DateOnly endsOn) =>
    [
        $"This is a self-billing agreement between {provider} (the customer) and {partner} (the supplier), for the tutorials they hold as a professional partner with NPQH delegates.",
        $"It runs from {UkFormat.Date(startsOn)} to {UkFormat.Date(endsOn)}. It lasts no more than 12 months; a new agreement is needed to continue after it ends.",
        "The customer agrees to issue self-billed invoices for all tutorials the supplier holds while this agreement is in force, to mark each one \"Self-billed invoice\", and to show the supplier's name, address and VAT registration number (if registered).",
        "The supplier agrees to accept invoices raised by the customer on their behalf until this agreement ends or is ended.",
        "The supplier agrees not to issue their own sales invoices for the tutorials covered by this agreement.",
        "The supplier agrees to tell the customer at once if they register for VAT, cancel their VAT registration, change their VAT registration number or transfer their business.",
        "If the supplier is registered for VAT, the VAT shown on a self-billed invoice is the supplier's output tax, due to HM Revenue & Customs.",
        "The supplier may dispute a self-billed invoice through Roundtable, giving their reason; the customer will withdraw and re-issue it if it is wrong.",
    ];
}

// What the partner gives to accept an agreement: the dates, the box ticked and their name typed.
public sealed record AcceptAgreementInput(DateOnly? StartsOn, DateOnly? EndsOn, bool AcceptTerms, string? Name)
{
    public Failure? Check(DateOnly today)
    {
        var errors = new FieldErrors();
        if (StartsOn is null)
        {
            errors.Add(nameof(StartsOn), "Enter the date the agreement starts.");
        }
        else if (StartsOn < today)
        {
            errors.Add(nameof(StartsOn), "The agreement cannot start in the past: choose today or a later date.");
        }
        else if (StartsOn > today.AddMonths(3))
        {
            errors.Add(nameof(StartsOn), "The agreement must start within 3 months.");
        }
        if (EndsOn is null)
        {
            errors.Add(nameof(EndsOn), "Enter the date the agreement ends.");
        }
        else if (StartsOn is { } s && EndsOn <= s)
        {
            errors.Add(nameof(EndsOn), "The end date must be after the start date.");
        }
        else if (StartsOn is { } s2 && EndsOn > SelfBillingAgreement.LatestEnd(s2))
        {
            errors.Add(nameof(EndsOn), $"A self-billing agreement lasts at most 12 months: the latest end date is {UkFormat.Date(SelfBillingAgreement.LatestEnd(s2))}.");
        }
        if (!AcceptTerms)
        {
            errors.Add(nameof(AcceptTerms), "Confirm that you accept the terms of the self-billing agreement.");
        }
        var name = Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(nameof(Name), "Type your full name to sign the agreement.");
        }
        else if (name.Length > SelfBillingAgreement.NameMaxLength)
        {
            errors.Add(nameof(Name), $"Your name must be {SelfBillingAgreement.NameMaxLength} characters or fewer.");
        }
        return errors.ToFailure();
    }
}

public sealed record ReasonInput(string? Reason)
{
    public Failure? Check(string what)
    {
        var reason = Reason?.Trim() ?? "";
        return reason.Length == 0 ? Failure.Invalid(nameof(Reason), $"Enter the reason {what}.")
            : reason.Length > Invoice.ReasonMaxLength ? Failure.Invalid(nameof(Reason), $"The reason must be {Invoice.ReasonMaxLength} characters or fewer.")
            : null;
    }
}
