using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Calendars;
using Roundtable.Web.Communities;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Email;
using Roundtable.Web.Infrastructure.Files;
using Roundtable.Web.Invoicing;
using Roundtable.Web.People;
using Roundtable.Web.Projects;
using Roundtable.Web.Reminders;
using Roundtable.Web.Tutorials;

namespace Roundtable.Tests.Infrastructure;

// A demo-like world around one delegate ("Dana Rich"): a community group of three with a recorded
// session she chaired, problem cards (hers with an artefact), a buddy pair with notes, a held and
// invoiced tutorial with a partner, projects, an assessed submission with a document, a draft,
// reminder choices, a calendar address, e-mail and audit entries.
public sealed record RichWorld(AppUser Dana, AppUser Other, AppUser Third, AppUser Partner, AppUser Team, Cohort Cohort,
    CommunitySession Session, Booking Booking, Booking OtherBooking, int InvoiceId, Guid ArtefactId, Guid DocumentId);

public static class PrivacyBuilders
{
    public const string DanaName = "Dana Rich";
    public const string DanaEmail = "dana.rich@test.example";

    public static async Task<RichWorld> RichWorldAsync(this TestData data, AppFactory app)
    {
        var team = await data.ProgrammeTeamAsync();
        var cohort = await data.CohortAsync();
        var tutor = await data.TutorAsync();
        var school = await data.SchoolAsync(300001, "Rich Primary");
        var dana = await data.DelegateAsync(cohort, DanaEmail, school, tutor, new Birthday(14, 3), DanaName);
        var other = await data.DelegateAsync(cohort, "olly.other@test.example", await data.SchoolAsync(300002, "Other Primary"), name: "Olly Other");
        var third = await data.DelegateAsync(cohort, "tess.third@test.example", await data.SchoolAsync(300003, "Third Primary"), name: "Tess Third");
        var group = await app.GroupAsync(cohort, [dana, other, third]);
        var session = await app.SessionAsync(group, TimeSpan.FromDays(-7));
        var partner = await data.PartnerAsync();
        var profile = await app.PartnerProfileAsync(partner);
        var booking = await app.BookingAsync(await app.SlotAsync(profile, TimeSpan.FromDays(-20)), dana);
        await app.FeedbackAsync(booking, notes: "Dana's baseline is strong.");
        var otherBooking = await app.BookingAsync(await app.SlotAsync(profile, TimeSpan.FromDays(-19)), other, focus: "Olly's focus");
        await app.FeedbackAsync(otherBooking, notes: "Olly's notes");
        await app.BillingAsync(partner, vatRegistered: false);
        await app.FeeRateAsync(15000, new DateOnly(2026, 1, 1), partner);
        await data.Project1Async(dana);
        await data.Project2Async(dana);
        var assessed = await data.SubmissionAsync(dana, 1, SubmissionStatus.Released, await data.AssessorAsync());
        await data.SubmissionAsync(dana, 2, SubmissionStatus.Draft);
        var danaParticipant = await data.ParticipantIdAsync(dana);
        var now = app.Clock.GetUtcNow().UtcDateTime;

        return await app.WithDbAsync(async db =>
        {
            db.CommunitySessions.Attach(session);
            session.ChairId = dana.Id;
            session.NextChairId = other.Id;
            session.Successes = "Three problems worked through";
            session.RecordedAt = now.AddDays(-7);
            db.SessionAttendance.AddRange(
                new SessionAttendance { SessionId = session.Id, UserId = dana.Id, Present = true },
                new SessionAttendance { SessionId = session.Id, UserId = other.Id, Present = true },
                new SessionAttendance { SessionId = session.Id, UserId = third.Id, Present = false });
            db.SessionTurns.AddRange(
                new SessionTurn { SessionId = session.Id, OwnerId = dana.Id, Position = 1, ActionSteps = "Dana's steps", ChosenAction = "Dana's action" },
                new SessionTurn { SessionId = session.Id, OwnerId = other.Id, Position = 2, ActionSteps = "Olly's steps", ChosenAction = "Olly's action" });
            var artefact = new StoredFile { Id = Guid.NewGuid(), FileName = "dana-evidence.txt", ContentType = "text/plain", Content = "Dana's evidence"u8.ToArray(), Size = 15, UploadedById = dana.Id, UploadedAt = now };
            db.StoredFiles.Add(artefact);
            db.ProblemCards.AddRange(
                new ProblemCard { SessionId = session.Id, OwnerId = dana.Id, Problem = "Dana's problem", Evidence = "E", Context = "C", Why = "W", FrameworkArea = "Curriculum", ArtefactId = artefact.Id, UpdatedAt = now },
                new ProblemCard { SessionId = session.Id, OwnerId = other.Id, Problem = "Olly's problem", Evidence = "E", Context = "C", Why = "W", FrameworkArea = "Curriculum", UpdatedAt = now });
            var pair = new BuddyPair
            {
                CohortId = cohort.Id, Round = "Round 1", CreatedAt = now,
                Members = [new BuddyPairMember { UserId = dana.Id }, new BuddyPairMember { UserId = other.Id }],
            };
            db.BuddyPairs.Add(pair);
            await db.SaveChangesAsync();
            db.BuddyCheckIns.AddRange(
                new BuddyCheckIn { PairId = pair.Id, AuthorId = dana.Id, Date = new DateOnly(2026, 11, 2), Note = "Dana's buddy note", CreatedAt = now },
                new BuddyCheckIn { PairId = pair.Id, AuthorId = other.Id, Date = new DateOnly(2026, 11, 3), Note = "Olly's buddy note", CreatedAt = now });
            db.Referrals.Add(new Referral { BookingId = booking.Id, TutorId = tutor.Id, Reason = "Dana needs help with data", CreatedAt = now });
            db.WindowOverrides.Add(new WindowOverride { ParticipantId = danaParticipant, Project = 1, Reason = "Dana was ill", ById = team.Id, At = now });
            db.RequirementOverrides.Add(new RequirementOverride { ParticipantId = danaParticipant, Project = 1, Key = "board", Reason = "Board met late", CreatedById = team.Id, CreatedByName = "Pat Team", CreatedAt = now });
            var document = new StoredFile { Id = Guid.NewGuid(), FileName = "dana-project.pdf", ContentType = "application/pdf", Content = "%PDF-1.4 Dana"u8.ToArray(), Size = 13, UploadedById = dana.Id, UploadedAt = now };
            db.StoredFiles.Add(document);
            db.SubmissionDocuments.Add(new SubmissionDocument { SubmissionId = assessed.Id, FileId = document.Id, AddedAt = now });
            db.ReminderOptOuts.Add(new ReminderOptOut { UserId = dana.Id, Kind = "session-tomorrow", At = now });
            db.SentReminders.Add(new SentReminder { UserId = dana.Id, Kind = "tutorial-window-closing", Subject = "window:1", SentAt = now });
            db.CalendarFeeds.Add(new CalendarFeed { UserId = dana.Id, TokenHash = "hash-dana", ProtectedToken = "protected-dana", CreatedAt = now });
            db.OutboxMessages.Add(new OutboxMessage { To = DanaEmail, ToName = DanaName, Subject = "Your tutorial", TextBody = "Hello Dana", Status = OutboxStatus.Sent, CreatedAt = now, NextAttemptAt = now, SentAt = now });
            db.OutboxMessages.Add(new OutboxMessage { To = "olly.other@test.example", ToName = "Olly Other", Subject = "Your tutorial", TextBody = "Hello Olly", Status = OutboxStatus.Sent, CreatedAt = now, NextAttemptAt = now, SentAt = now });
            db.AuditEntries.Add(AuditEntry.Of(Booking.AuditSubject, booking.Id, "Booked", dana.Id, now, "Project 1"));
            var invoice = new Invoice
            {
                Number = "RT-0001", Sequence = 1, PartnerId = profile.Id, IssuedOn = new DateOnly(2026, 11, 1), SubmittedAt = now, SubmittedById = partner.Id,
                Status = InvoiceStatus.Paid, PartnerName = "Pip Partner", PartnerEmail = "partner@test.example", PartnerAddress = "1 Test Road", PaymentDetails = "Sort code 00-00-00",
                SubtotalPence = 30000, VatPence = 0, TotalPence = 30000, DecidedAt = now, DecidedById = team.Id, PaidOn = new DateOnly(2026, 11, 20), PaymentReference = "BACS1",
                Lines =
                [
                    new InvoiceLine { BookingId = booking.Id, TutorialDate = new DateOnly(2026, 11, 3), Project = 1, DelegateInitials = "DR", FeePence = 15000 },
                    new InvoiceLine { BookingId = otherBooking.Id, TutorialDate = new DateOnly(2026, 11, 4), Project = 1, DelegateInitials = "OO", FeePence = 15000 },
                ],
            };
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync();
            return new RichWorld(dana, other, third, partner, team, cohort, session, booking, otherBooking, invoice.Id, artefact.Id, document.Id);
        });
    }
}
