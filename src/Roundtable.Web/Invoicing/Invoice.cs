using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Invoicing;

// A self-billed invoice is issued by the programme team already approved; the partner may dispute it
// (Disputed), and the team then withdraws it and raises it again.
public enum InvoiceStatus { Submitted, Approved, Rejected, Paid, Withdrawn, Disputed }

// A partner's invoice for one or more tutorials. Amounts are integer pence. The partner's
// details are copied on at submission so that a later change of bank or VAT status never
// rewrites an invoice already sent.
public class Invoice
{
    public const int NumberMaxLength = 20;
    public const int ReasonMaxLength = 1000;
    public const int ReferenceMaxLength = 100;
    public const int MaxLines = 200;
    public const string AuditSubject = "Invoice";

    public int Id { get; set; }
    // From InvoiceCounter: 1, 2, 3 ... with no gaps or repeats; Number is its printed form.
    public long Sequence { get; set; }
    public string Number { get; set; } = "";
    public int PartnerId { get; set; }
    public PartnerProfile Partner { get; set; } = null!;
    public DateOnly IssuedOn { get; set; }
    public DateTime SubmittedAt { get; set; }
    public string SubmittedById { get; set; } = "";
    public InvoiceStatus Status { get; set; }
    public string PartnerName { get; set; } = "";
    public string PartnerEmail { get; set; } = "";
    public string PartnerAddress { get; set; } = "";
    public string PaymentDetails { get; set; } = "";
    public string? VatNumber { get; set; }
    public long SubtotalPence { get; set; }
    public long VatPence { get; set; }
    public long TotalPence { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedById { get; set; }
    public string? RejectReason { get; set; }
    public DateOnly? PaidOn { get; set; }
    public string? PaymentReference { get; set; }
    public DateTime? PaidRecordedAt { get; set; }
    public string? PaidRecordedById { get; set; }
    // Raised by the programme team for the partner under a self-billing agreement (HMRC: marked
    // "Self-billed invoice"); SubmittedById is then the team member who raised it.
    public int? SelfBillingAgreementId { get; set; }
    public SelfBillingAgreement? SelfBillingAgreement { get; set; }
    public string? DisputeReason { get; set; }
    public DateTime? DisputedAt { get; set; }
    public List<InvoiceLine> Lines { get; set; } = [];

    public bool SelfBilled => SelfBillingAgreementId is not null;

    public static string FormatNumber(long sequence) => "RT-" + sequence.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    // Submitted, then approved or rejected; approved, then paid. A rejected invoice frees its
    // tutorials to be invoiced again.
    public Failure? Approve(string userId, DateTime now)
    {
        if (Move(InvoiceStatus.Submitted, InvoiceStatus.Approved, "approved") is { } refused)
        {
            return refused;
        }
        DecidedAt = now;
        DecidedById = userId;
        return null;
    }

    // Lines must be loaded: each frees its tutorial.
    public Failure? Reject(string userId, string reason, DateTime now)
    {
        if (Move(InvoiceStatus.Submitted, InvoiceStatus.Rejected, "rejected") is { } refused)
        {
            return refused;
        }
        DecidedAt = now;
        DecidedById = userId;
        RejectReason = reason.Trim();
        foreach (var line in Lines)
        {
            line.ActiveBookingId = null;
        }
        return null;
    }

    // The partner takes back an invoice the team has not acted on yet; like a rejection it frees its
    // tutorials (lines must be loaded) to be invoiced again.
    public Failure? Withdraw(DateTime now)
    {
        if (Status != InvoiceStatus.Submitted)
        {
            return Failure.Conflict($"This invoice is {Status.ToString().ToLowerInvariant()}: you can only withdraw an invoice the programme team has not acted on yet.");
        }
        Status = InvoiceStatus.Withdrawn;
        DecidedAt = now;
        foreach (var line in Lines)
        {
            line.ActiveBookingId = null;
        }
        return null;
    }

    // The partner disputes a self-billed invoice that is not yet paid; the team then withdraws it.
    public Failure? Dispute(string reason, DateTime now)
    {
        if (!SelfBilled)
        {
            return Failure.Conflict("Only a self-billed invoice can be disputed: withdraw your own invoice instead, or ask the programme team.");
        }
        if (Move(InvoiceStatus.Approved, InvoiceStatus.Disputed, "disputed") is { } refused)
        {
            return refused;
        }
        DisputeReason = reason.Trim();
        DisputedAt = now;
        return null;
    }

    // The programme team takes back a self-billed invoice it issued (disputed or not yet paid),
    // freeing its consultations (lines must be loaded) to be raised again.
    public Failure? WithdrawSelfBilled(string userId, DateTime now)
    {
        if (!SelfBilled)
        {
            return Failure.Conflict("Only a self-billed invoice can be withdrawn by the programme team: reject a partner's own invoice instead.");
        }
        if (Status is not (InvoiceStatus.Approved or InvoiceStatus.Disputed))
        {
            return Failure.Conflict($"This invoice is {Status.ToString().ToLowerInvariant()}: only an unpaid or disputed self-billed invoice can be withdrawn.");
        }
        Status = InvoiceStatus.Withdrawn;
        DecidedAt = now;
        DecidedById = userId;
        foreach (var line in Lines)
        {
            line.ActiveBookingId = null;
        }
        return null;
    }

    // The payment cannot be dated before the invoice (the date itself is checked by PaymentInput).
    public Failure? MarkPaid(string userId, DateOnly paidOn, string reference, DateTime now)
    {
        if (paidOn < IssuedOn)
        {
            return Failure.Invalid(nameof(PaymentInput.PaidOn), $"The payment date cannot be before the invoice's date, {UkFormat.Date(IssuedOn)}.");
        }
        if (Move(InvoiceStatus.Approved, InvoiceStatus.Paid, "paid") is { } refused)
        {
            return refused;
        }
        PaidOn = paidOn;
        PaymentReference = reference.Trim();
        PaidRecordedAt = now;
        PaidRecordedById = userId;
        return null;
    }

    private Failure? Move(InvoiceStatus from, InvoiceStatus to, string done)
    {
        if (Status != from)
        {
            var expected = from.ToString().ToLowerInvariant();
            return Failure.Conflict(
                $"This invoice is {Status.ToString().ToLowerInvariant()}, so it cannot be {done}: only {(expected[0] == 'a' ? "an" : "a")} {expected} invoice can.");
        }
        Status = to;
        return null;
    }

    // Submitted, approved, rejected or paid, as the API and the filters write it; empty is no filter.
    public static bool TryParseStatus(string? text, out InvoiceStatus? status)
    {
        status = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (Enum.TryParse<InvoiceStatus>(text, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            status = s;
            return true;
        }
        return false;
    }
}

public sealed record NewInvoiceInput(IReadOnlyCollection<int> BookingIds)
{
    public Failure? Check() => BookingIds.Count switch
    {
        0 => Failure.Invalid(nameof(BookingIds), "Choose at least one tutorial to invoice."),
        > Invoice.MaxLines => Failure.Invalid(nameof(BookingIds), $"An invoice may have at most {Invoice.MaxLines} tutorials."),
        _ => null,
    };
}

public sealed record RejectInput(string? Reason)
{
    public Failure? Check()
    {
        var reason = Reason?.Trim() ?? "";
        return reason.Length == 0 ? Failure.Invalid(nameof(Reason), "Enter the reason for rejecting the invoice.")
            : reason.Length > Invoice.ReasonMaxLength ? Failure.Invalid(nameof(Reason), $"The reason must be {Invoice.ReasonMaxLength} characters or fewer.")
            : null;
    }
}

public sealed record PaymentInput(DateOnly? PaidOn, string? Reference)
{
    public Failure? Check(DateOnly today)
    {
        var reference = Reference?.Trim() ?? "";
        return PaidOn is null ? Failure.Invalid(nameof(PaidOn), "Enter the date the invoice was paid.")
            : PaidOn > today ? Failure.Invalid(nameof(PaidOn), "The payment date must be today or in the past.")
            : reference.Length == 0 ? Failure.Invalid(nameof(Reference), "Enter the payment reference.")
            : reference.Length > Invoice.ReferenceMaxLength ? Failure.Invalid(nameof(Reference), $"The payment reference must be {Invoice.ReferenceMaxLength} characters or fewer.")
            : null;
    }
}

// One tutorial on an invoice. ActiveBookingId is the booking while the invoice is not
// rejected: a unique index on it means a tutorial is on at most one live invoice, whatever
// arrives at the same moment (the same pattern as Booking.ActiveSlotId).
public class InvoiceLine
{
    public const int InitialsMaxLength = 10;

    public int Id { get; set; }
    public int InvoiceId { get; set; }
    public Invoice Invoice { get; set; } = null!;
    public int BookingId { get; set; }
    public int? ActiveBookingId { get; set; }
    public DateOnly TutorialDate { get; set; }
    public int Project { get; set; }
    public string DelegateInitials { get; set; } = "";
    public long FeePence { get; set; }

    public static string InitialsOf(string fullName)
    {
        var initials = InvoiceRules.Initials(fullName);
        return initials.Length <= InitialsMaxLength ? initials : initials[..InitialsMaxLength];
    }
}

// The next invoice number: one row, bumped inside the transaction that inserts the invoice.
public class InvoiceCounter
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long Last { get; set; }
}

// The fee for one tutorial, from a date. PartnerId null is the default rate; a partner's own
// agreed rate applies from its date instead.
public class FeeRate
{
    public const long MaxPence = 100_000_00;

    public int Id { get; set; }
    public int? PartnerId { get; set; }
    public PartnerProfile? Partner { get; set; }
    public DateOnly From { get; set; }
    public long AmountPence { get; set; }
    public DateTime SetAt { get; set; }
    public string SetById { get; set; } = "";
}

// What the programme team keeps about paying one partner.
public class PartnerBilling
{
    public const int AddressMaxLength = 500;
    public const int PaymentMaxLength = 300;
    public const int VatNumberMaxLength = 20;

    public int Id { get; set; }
    public int PartnerId { get; set; }
    public PartnerProfile Partner { get; set; } = null!;
    public string Address { get; set; } = "";
    // Account name, sort code and account number, as finance needs them.
    public string PaymentDetails { get; set; } = "";
    public bool VatRegistered { get; set; }
    public string? VatNumber { get; set; }
    public DateTime UpdatedAt { get; set; }
    // Set when the bank details or VAT status change; nothing is approved or paid to the new details
    // until the programme team confirms them (a guard against payment-diversion fraud).
    public bool AwaitingConfirmation { get; set; }
}

// Settings the programme team keeps for invoicing: one row.
public class InvoicingSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public bool NoShowPayable { get; set; }
}
