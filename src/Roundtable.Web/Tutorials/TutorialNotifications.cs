using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Email;
using Roundtable.Web.People;

namespace Roundtable.Web.Tutorials;

// Who hears of a change to a tutorial. The services call these inside the change's transaction,
// before it commits: every tutorial e-mail is an outbox row (QueueAsync below) that commits with it.
public sealed class TutorialNotifications(AppDbContext db, TimeProvider time)
{
    public async Task BookedAsync(int bookingId, CancellationToken ct)
    {
        var t = await FactsAsync(bookingId, ct);
        await QueueAsync(Partner(t) is { } partner ? TutorialEmails.Booked(partner, t) : null, ct);
    }

    public async Task MovedAsync(int bookingId, DateTime from, CancellationToken ct)
    {
        var t = await FactsAsync(bookingId, ct);
        await QueueAsync(Partner(t) is { } partner ? TutorialEmails.Moved(partner, t, from) : null, ct);
    }

    // The other side hears of it: the partner when the delegate cancels, the delegate when the partner does.
    public async Task CancelledAsync(Booking booking, CancellationToken ct)
    {
        var t = await FactsAsync(booking.Id, ct);
        var message = booking.CancelledByPartner
            ? t.DelegateEmail is { } to ? TutorialEmails.CancelledByPartner(new Recipient(to, t.DelegateName), t) : null
            : Partner(t) is { } partner ? TutorialEmails.CancelledByDelegate(partner, t) : null;
        await QueueAsync(message, ct);
    }

    // To the delegate's tutor, or, when they have none to receive it, to the programme team.
    public async Task ReferredAsync(Referral referral, string baseUrl, CancellationToken ct)
    {
        var t = await FactsAsync(referral.BookingId, ct);
        var tutor = t.TutorId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == t.TutorId && u.Email != null).Select(u => new Recipient(u.Email!, u.FullName)).FirstOrDefaultAsync(ct);
        if (tutor is not null)
        {
            await QueueAsync(TutorialEmails.Referral(tutor, t, referral.Reason, baseUrl), ct);
            return;
        }
        var teamRole = RoleSeed.IdOf(Roles.ProgrammeTeam);
        var team = await db.Users.AsNoTracking().Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == teamRole) && u.Email != null)
            .Select(u => new Recipient(u.Email!, u.FullName)).ToListAsync(ct);
        foreach (var member in team)
        {
            await QueueAsync(TutorialEmails.ReferralWithoutTutor(member, t, referral.Reason, baseUrl), ct);
        }
    }

    private Task<TutorialMailFacts> FactsAsync(int bookingId, CancellationToken ct) =>
        db.Bookings.AsNoTracking().Where(b => b.Id == bookingId)
            .Select(b => new TutorialMailFacts(b.Id, b.Project, b.Slot.StartsAt, b.Slot.Minutes, b.Focus, b.CancelReason ?? "",
                b.Slot.Partner.User.FullName, b.Slot.Partner.User.Email, b.Participant.User.FullName, b.Participant.User.Email, b.Participant.TutorId))
            .SingleAsync(ct);

    private static Recipient? Partner(TutorialMailFacts t) => t.PartnerEmail is { } to ? new Recipient(to, t.PartnerName) : null;

    private async Task QueueAsync(EmailMessage? message, CancellationToken ct)
    {
        if (message is null)
        {
            return;
        }
        db.QueueEmail(message, time);
        await db.SaveChangesAsync(ct);
    }
}
