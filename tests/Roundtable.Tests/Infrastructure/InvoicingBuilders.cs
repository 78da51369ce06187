using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Invoicing;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Infrastructure;

// Partners, their tutorials (a slot, a booking, feedback) and the programme team's fees and
// billing settings, written straight to the database. Each tutorial is with a new delegate,
// since a delegate has one tutorial per project.
public static class InvoicingBuilders
{
    // A tutorial on the given UK date at 4pm, with feedback unless told otherwise.
    public static async Task<int> TutorialAsync(this TestData data, AppFactory app, AppUser partner, DateOnly date,
        BookingStatus status = BookingStatus.Held, bool feedback = true, Cohort? cohort = null, string? delegateName = null, int project = 1, AppUser? delegateUser = null)
    {
        var partnerId = (await app.PartnerProfileAsync(partner)).Id;
        cohort ??= await app.WithDbAsync(db => db.Cohorts.OrderBy(c => c.Id).FirstOrDefaultAsync()) ?? await data.CohortAsync();
        delegateUser ??= await data.DelegateAsync(cohort, name: delegateName);
        var participantId = await data.ParticipantIdAsync(delegateUser);
        return await app.WithDbAsync(async db =>
        {
            LondonTime.TryToUtc(date.ToDateTime(new TimeOnly(16, 0)), out var startsAt);
            var slot = new TutorialSlot { PartnerId = partnerId, StartsAt = startsAt, Minutes = 60, Mode = TutorialMode.Online, Where = "https://meet.example.org/t", CreatedAt = startsAt.AddDays(-30) };
            db.TutorialSlots.Add(slot);
            await db.SaveChangesAsync();
            var booking = new Booking
            {
                SlotId = slot.Id, ParticipantId = participantId, Project = project, Status = status, BookedAt = startsAt.AddDays(-14),
                Focus = "Focus", ProjectSummary = "Summary",
            };
            if (feedback && status is BookingStatus.Held or BookingStatus.NoShow)
            {
                booking.Feedback = new TutorialFeedback { Held = status == BookingStatus.Held, Notes = "Notes", RecordedAt = startsAt.AddHours(2), RecordedById = partner.Id };
            }
            booking.SyncIndexColumns();
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            return booking.Id;
        });
    }

    public static Task FeeRateAsync(this AppFactory app, long pence, DateOnly from, AppUser? partner = null) =>
        app.WithDbAsync(async db =>
        {
            var partnerId = partner is null ? null : await db.PartnerProfiles.Where(p => p.UserId == partner.Id).Select(p => (int?)p.Id).SingleAsync();
            db.FeeRates.Add(new FeeRate { PartnerId = partnerId, From = from, AmountPence = pence, SetAt = app.Clock.GetUtcNow().UtcDateTime, SetById = "test" });
            await db.SaveChangesAsync();
        });

    public static async Task BillingAsync(this AppFactory app, AppUser partner, bool vatRegistered, string? vatNumber = null)
    {
        var partnerId = (await app.PartnerProfileAsync(partner)).Id;
        await app.WithDbAsync(async db =>
        {
            db.PartnerBillings.Add(new PartnerBilling
            {
                PartnerId = partnerId, Address = "1 Test Road\nTestville", PaymentDetails = "Sort code 00-00-00, account 00000000",
                VatRegistered = vatRegistered, VatNumber = vatNumber, UpdatedAt = app.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        });
    }

    // The test reset empties every table, the seeded settings row included.
    public static Task NoShowPayableAsync(this AppFactory app, bool payable) =>
        app.WithDbAsync(async db =>
        {
            var settings = await db.InvoicingSettings.FirstOrDefaultAsync();
            if (settings is null)
            {
                db.InvoicingSettings.Add(new InvoicingSettings { NoShowPayable = payable });
            }
            else
            {
                settings.NoShowPayable = payable;
            }
            await db.SaveChangesAsync();
        });
}
