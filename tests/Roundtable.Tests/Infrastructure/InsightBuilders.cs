using Roundtable.Web.Communities;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Invoicing;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Infrastructure;

// Recorded sessions, problem cards and invoices for report figures, written straight to the database.
public static class InsightBuilders
{
    public static Task<CommunitySession> RecordedSessionAsync(this AppFactory app, CommunityGroup group, TimeSpan fromNow,
        IEnumerable<AppUser> present, IEnumerable<AppUser> absent, bool recorded = true, bool cancelled = false) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var session = new CommunitySession
            {
                GroupId = group.Id, StartsAt = now + fromNow, Mode = SessionMode.Online, Where = "https://meet.example.org/x",
                RecordedAt = recorded ? now + fromNow + TimeSpan.FromHours(2) : null, CancelledAt = cancelled ? now + fromNow - TimeSpan.FromDays(1) : null,
            };
            if (recorded)
            {
                session.Attendance.AddRange(present.Select(u => new SessionAttendance { UserId = u.Id, Present = true }));
                session.Attendance.AddRange(absent.Select(u => new SessionAttendance { UserId = u.Id, Present = false }));
            }
            db.CommunitySessions.Add(session);
            await db.SaveChangesAsync();
            return session;
        });

    public static Task ProblemCardAsync(this AppFactory app, CommunitySession session, AppUser owner) =>
        app.WithDbAsync(async db =>
        {
            db.ProblemCards.Add(new ProblemCard
            {
                SessionId = session.Id, OwnerId = owner.Id, Problem = "Attendance in year 9", Evidence = "Registers", Context = "A large secondary",
                Why = "It matters", FrameworkArea = "Curriculum", UpdatedAt = app.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        });

    private static int _invoiceNumber;

    // An invoice with the given lines (booking id, fee in pence); VAT at 20% when asked.
    public static Task<Invoice> InvoiceAsync(this AppFactory app, PartnerProfile partner, InvoiceStatus status, bool vat, params (int BookingId, long FeePence)[] lines) =>
        app.WithDbAsync(async db =>
        {
            var n = Interlocked.Increment(ref _invoiceNumber) + 9000;
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var subtotal = lines.Sum(l => l.FeePence);
            var vatPence = vat ? subtotal / 5 : 0;
            var invoice = new Invoice
            {
                Sequence = n, Number = Invoice.FormatNumber(n), PartnerId = partner.Id, IssuedOn = LondonTime.DateOf(now), SubmittedAt = now,
                SubmittedById = partner.UserId, Status = status, PartnerName = "Pip Partner", PartnerEmail = "partner@test.example",
                PartnerAddress = "1 High Street", PaymentDetails = "Sort code 00-00-00", SubtotalPence = subtotal, VatPence = vatPence, TotalPence = subtotal + vatPence,
                PaidOn = status == InvoiceStatus.Paid ? LondonTime.DateOf(now) : null, PaymentReference = status == InvoiceStatus.Paid ? "BACS 1" : null,
                RejectReason = status == InvoiceStatus.Rejected ? "Wrong fee" : null,
                Lines = lines.Select(l => new InvoiceLine { BookingId = l.BookingId, ActiveBookingId = status is InvoiceStatus.Rejected or InvoiceStatus.Withdrawn ? null : l.BookingId, TutorialDate = LondonTime.DateOf(now), Project = 1, DelegateInitials = "AB", FeePence = l.FeePence }).ToList(),
            };
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync();
            return invoice;
        });
}
