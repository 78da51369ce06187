using Roundtable.Web.Infrastructure;
using Roundtable.Web.Invoicing;
using Roundtable.Web.Tutorials;
using Xunit;

namespace Roundtable.Tests.Domain.Invoicing;

// An invoice's life, without a host: submitted, then approved or rejected; approved, then paid.
public class InvoiceTransitionsTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Issued = new(2026, 11, 2);

    private static Invoice Submitted() => new()
    {
        Id = 1, Number = "RT-000001", IssuedOn = Issued, Status = InvoiceStatus.Submitted,
        Lines = [new InvoiceLine { BookingId = 7, ActiveBookingId = 7 }, new InvoiceLine { BookingId = 8, ActiveBookingId = 8 }],
    };

    [Fact]
    public void Approve_ThenPaid_RecordsWhoAndWhen()
    {
        var invoice = Submitted();

        Assert.Null(invoice.Approve("team-1", Now));
        Assert.Equal((InvoiceStatus.Approved, Now, "team-1"), (invoice.Status, invoice.DecidedAt!.Value, invoice.DecidedById));
        Assert.Null(invoice.MarkPaid("team-2", Issued, " BACS-77 ", Now.AddDays(1)));
        Assert.Equal((InvoiceStatus.Paid, Issued, "BACS-77", "team-2"), (invoice.Status, invoice.PaidOn!.Value, invoice.PaymentReference, invoice.PaidRecordedById));
    }

    [Fact]
    public void Reject_FreesEveryTutorial_ForAnotherInvoice()
    {
        var invoice = Submitted();

        Assert.Null(invoice.Reject("team-1", " The date is wrong ", Now));

        Assert.Equal((InvoiceStatus.Rejected, "The date is wrong"), (invoice.Status, invoice.RejectReason));
        Assert.All(invoice.Lines, l => Assert.Null(l.ActiveBookingId));
    }

    [Fact]
    public void OnlyTheExpectedStatusMovesOn_AndARefusalChangesNothing()
    {
        var invoice = Submitted();

        var paidTooSoon = invoice.MarkPaid("team-1", Issued, "R1", Now);
        Assert.Equal(FailureKind.Conflict, paidTooSoon?.Kind);
        Assert.Equal("This invoice is submitted, so it cannot be paid: only an approved invoice can.", paidTooSoon!.Message);
        Assert.Equal((InvoiceStatus.Submitted, (DateOnly?)null), (invoice.Status, invoice.PaidOn));

        Assert.Null(invoice.Approve("team-1", Now));
        Assert.Equal("This invoice is approved, so it cannot be approved: only a submitted invoice can.", invoice.Approve("team-1", Now)?.Message);
        Assert.Equal(FailureKind.Conflict, invoice.Reject("team-1", "Late", Now)?.Kind);
        Assert.Null(invoice.RejectReason);
        Assert.All(invoice.Lines, l => Assert.NotNull(l.ActiveBookingId));
    }

    [Fact]
    public void Payment_IsNotBeforeTheInvoicesDate()
    {
        var invoice = Submitted();
        invoice.Approve("team-1", Now);

        var failure = invoice.MarkPaid("team-1", Issued.AddDays(-1), "R1", Now);

        Assert.Equal((FailureKind.Invalid, nameof(PaymentInput.PaidOn)), (failure!.Kind, failure.Field));
        Assert.Equal("The payment date cannot be before the invoice's date, 2 November 2026.", failure.Message);
        Assert.Equal(InvoiceStatus.Approved, invoice.Status);
    }

    [Fact]
    public void PaymentInput_IsADateNoLaterThanTodayAndAReference()
    {
        var today = new DateOnly(2026, 11, 23);

        Assert.Null(new PaymentInput(today, "R1").Check(today));
        Assert.Equal(nameof(PaymentInput.PaidOn), new PaymentInput(null, "R1").Check(today)?.Field);
        Assert.Equal("The payment date must be today or in the past.", new PaymentInput(today.AddDays(1), "R1").Check(today)?.Message);
        Assert.Equal(nameof(PaymentInput.Reference), new PaymentInput(today, " ").Check(today)?.Field);
        Assert.Equal(nameof(PaymentInput.Reference), new PaymentInput(today, new string('x', Invoice.ReferenceMaxLength + 1)).Check(today)?.Field);
    }

    [Fact]
    public void RejectInput_AndNewInvoiceInput_NameTheirField()
    {
        Assert.Equal("Enter the reason for rejecting the invoice.", new RejectInput("  ").Check()?.Message);
        Assert.Equal(nameof(NewInvoiceInput.BookingIds), new NewInvoiceInput([]).Check()?.Field);
        Assert.Equal(nameof(NewInvoiceInput.BookingIds), new NewInvoiceInput(Enumerable.Range(1, Invoice.MaxLines + 1).ToList()).Check()?.Field);
        Assert.Null(new NewInvoiceInput([1, 2]).Check());
    }

    [Theory]
    [InlineData(BookingStatus.Held, false, true, null, 150_00L, null)]
    [InlineData(BookingStatus.NoShow, true, true, null, 150_00L, null)]
    [InlineData(BookingStatus.NoShow, false, true, null, 150_00L, "was a no-show, which is not payable")]
    [InlineData(BookingStatus.Booked, false, true, null, 150_00L, "has not been held yet")]
    [InlineData(BookingStatus.LateCancelled, false, true, null, 150_00L, "was cancelled")]
    [InlineData(BookingStatus.Held, false, false, null, 150_00L, "has no feedback recorded")]
    [InlineData(BookingStatus.Held, false, true, "RT-000003", 150_00L, "is already on invoice RT-000003")]
    [InlineData(BookingStatus.Held, false, true, null, null, "has no fee set for its date; ask the programme team")]
    public void Refusal_SaysWhyATutorialCannotBeInvoiced(BookingStatus status, bool noShowPayable, bool hasFeedback, string? onInvoice, long? fee, string? reason) =>
        Assert.Equal(reason, InvoiceRules.Refusal(status, noShowPayable, hasFeedback, onInvoice, fee));

    [Fact]
    public void LineInitials_AreCutToTheColumn() =>
        Assert.Equal(InvoiceLine.InitialsMaxLength, InvoiceLine.InitialsOf(string.Join(' ', Enumerable.Repeat("Ann", 12))).Length);
}
