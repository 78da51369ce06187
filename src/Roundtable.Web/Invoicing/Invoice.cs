using Roundtable.Web.Tutorials;

namespace Roundtable.Web.Invoicing;

public enum InvoiceStatus { Submitted, Approved, Rejected, Paid }

// A partner's invoice for one or more consultations. Amounts are integer pence. The partner's
// details are copied on at submission so that a later change of bank or VAT status never
// rewrites an invoice already sent.
public class Invoice
{
    public const int NumberMaxLength = 20;
    public const int ReasonMaxLength = 1000;
    public const int ReferenceMaxLength = 100;
    public const int MaxLines = 200;

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
    public List<InvoiceLine> Lines { get; set; } = [];

    public static string FormatNumber(long sequence) => "RT-" + sequence.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}

// One consultation on an invoice. ActiveBookingId is the booking while the invoice is not
// rejected: a unique index on it means a consultation is on at most one live invoice, whatever
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
}

// The next invoice number: one row, bumped inside the transaction that inserts the invoice.
public class InvoiceCounter
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long Last { get; set; }
}

// The fee for one consultation, from a date. PartnerId null is the default rate; a partner's own
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
}

// Settings the programme team keeps for invoicing: one row.
public class InvoicingSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public bool NoShowPayable { get; set; }
}
