using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.People;

namespace Roundtable.Web.Tutorials;

// Fictional partner profiles, free slots and a tutorial history for the demo cohort, relative to
// today: partner1 and partner2 each have seven held tutorials with feedback (enough to invoice);
// delegate1 has held tutorial 1 and has tutorial 2 booked with partner3; delegate2 has a free
// Project 2 allowance; delegate3 has no placement yet; delegate17's feedback is overdue;
// delegate18 cancelled late; delegate19's tutorial was outside its window; delegate12 did not attend;
// tutor1 and tutor2 each have a referral waiting.
public static class TutorialsDemoData
{
    private static readonly (SchoolPhase Phase, SettingType Setting, Region Region, int Roll, int Years, string Specialisms, string Biography)[] Profiles =
    [
        (SchoolPhase.Primary, SettingType.Academy, Region.SouthEast, 410, 12, "Early reading; closing disadvantage gaps; leading through academy conversion",
            "Headteacher of a two-form-entry primary academy for twelve years, and a national leader of education. I enjoy helping new leaders turn a good idea into a plan that lasts."),
        (SchoolPhase.Secondary, SettingType.Academy, Region.NorthEast, 1200, 9, "Curriculum design; staff workload; school improvement in multi-academy trusts",
            "Led two secondary academies in the North East through inspections and a trust merger. Former English teacher and curriculum lead."),
        (SchoolPhase.Primary, SettingType.Maintained, Region.SouthWest, 220, 15, "Small and rural schools; federations; governance",
            "Executive headteacher of a federation of three rural primaries. Chair of a local headteachers' association and a trained coach."),
        (SchoolPhase.Secondary, SettingType.Maintained, Region.EastMidlands, 950, 7, "Attendance and behaviour; pastoral systems; budgets under pressure",
            "Headteacher of a community college, previously a deputy responsible for behaviour and finance."),
        (SchoolPhase.AllThrough, SettingType.Special, Region.WestMidlands, 150, 11, "SEND; inclusion; working with families and health services",
            "Headteacher of an all-through special school for pupils with complex needs, and a SEND adviser to the local authority."),
        (SchoolPhase.Primary, SettingType.Maintained, Region.London, 340, 8, "Multilingual pupils; community engagement; mentoring new headteachers",
            "Headteacher of an inner-London primary with forty home languages. Mentor on a new-headteacher programme."),
    ];

    public static async Task SeedAsync(AppDbContext db, int cohortId, TimeProvider time, CancellationToken ct = default)
    {
        var now = time.UtcNow();
        var today = LondonTime.Today(time);
        var courseStart = await db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.CourseStart).SingleAsync(ct);
        var partners = new List<PartnerProfile>();
        for (var i = 0; i < Profiles.Length; i++)
        {
            var normalized = $"PARTNER{i + 1}@DEMO.ROUNDTABLE.TEST";
            var user = await db.Users.SingleAsync(u => u.NormalizedEmail == normalized, ct);
            var p = Profiles[i];
            partners.Add(new PartnerProfile
            {
                UserId = user.Id, Phase = p.Phase, SettingType = p.Setting, Region = p.Region, NumberOnRoll = p.Roll, HeadshipYears = p.Years,
                Specialisms = p.Specialisms, Biography = p.Biography, MonthlyCap = 6, UpdatedAt = now,
            });
        }
        db.PartnerProfiles.AddRange(partners);
        // Whom partners contact with their queries (fictional people and numbers).
        db.ProgrammeContacts.Add(new ProgrammeContacts
        {
            Text = "Tutorials and bookings: Jo Marsh, partner coordinator, partners@demo.roundtable.test, 01632 960 001\n"
                + "Invoices and payments: Sam Okoro, finance officer, finance@demo.roundtable.test, 01632 960 002\n"
                + "Delegates' projects and assessment: Ade Fielding, programme lead, programme@demo.roundtable.test",
            UpdatedAt = now.AddDays(-30),
        });
        await db.SaveChangesAsync(ct);

        var delegates = await db.Participants.Where(p => p.CohortId == cohortId).Include(p => p.User).ToListAsync(ct);
        var byNumber = delegates.ToDictionary(p => int.Parse(p.User.Email!["delegate".Length..p.User.Email!.IndexOf('@', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture));

        DateTime At(DateOnly date, int hour)
        {
            // Weekends move to the Monday after.
            date = date.DayOfWeek switch { DayOfWeek.Saturday => date.AddDays(2), DayOfWeek.Sunday => date.AddDays(1), _ => date };
            LondonTime.TryToUtc(date.ToDateTime(new TimeOnly(hour, 0)), out var utc);
            return utc;
        }

        TutorialSlot Slot(int partner, DateTime startsAt, TutorialMode mode = TutorialMode.Online)
        {
            var slot = new TutorialSlot
            {
                Partner = partners[partner - 1], StartsAt = startsAt, Minutes = 60, Mode = mode, CreatedAt = startsAt.AddDays(-21) < now ? startsAt.AddDays(-21) : now,
                Where = mode == TutorialMode.Online ? $"https://meet.example.org/partner{partner}" : $"{DemoPlaces[partner - 1]}",
            };
            db.TutorialSlots.Add(slot);
            return slot;
        }

        var bookings = new List<(Booking Booking, Participant Delegate)>();
        Booking Book(int delegateNumber, int project, TutorialSlot slot, BookingStatus status, string? notes = null)
        {
            var participant = byNumber[delegateNumber];
            var tutorial1 = bookings.Where(b => b.Delegate == participant && b.Booking.Project == 1).Select(b => (DateOnly?)LondonTime.DateOf(b.Booking.Slot.StartsAt)).FirstOrDefault();
            var booking = new Booking
            {
                Slot = slot, Participant = participant, Project = project, Status = status,
                Focus = project == 1 ? Focus1[delegateNumber % Focus1.Length] : Focus2[delegateNumber % Focus2.Length],
                ProjectSummary = project == 1 ? Summary1[delegateNumber % Summary1.Length] : Summary2[delegateNumber % Summary2.Length],
                BookedAt = slot.StartsAt.AddDays(-14) < now ? slot.StartsAt.AddDays(-14) : now.AddDays(-1),
                OutsideWindow = TutorialWindows.Warning(project, LondonTime.DateOf(slot.StartsAt), courseStart, tutorial1, overridden: false) is not null,
            };
            if (status is BookingStatus.Held or BookingStatus.NoShow)
            {
                booking.Feedback = new TutorialFeedback
                {
                    Held = status == BookingStatus.Held, Notes = notes ?? (status == BookingStatus.Held ? Notes[delegateNumber % Notes.Length] : "The delegate did not join and did not reply to my e-mail."),
                    RecordedAt = slot.EndsAt.AddHours(2), RecordedById = slot.Partner.UserId,
                };
            }
            bookings.Add((booking, participant));
            db.Bookings.Add(booking);
            return booking;
        }

        // Tutorial 1 for most of the cohort, three to nine weeks into the course.
        var weekOne = courseStart.AddDays(21);
        for (var d = 1; d <= 5; d++)
        {
            Book(d, 1, Slot(1, At(weekOne.AddDays(d * 7), 16)), BookingStatus.Held);
            Book(d + 5, 1, Slot(2, At(weekOne.AddDays(d * 7 + 1), 10)), BookingStatus.Held);
        }
        Book(11, 1, Slot(3, At(weekOne.AddDays(10), 15)), BookingStatus.Held);
        Book(12, 1, Slot(3, At(weekOne.AddDays(17), 15)), BookingStatus.NoShow);
        for (var d = 13; d <= 16; d++)
        {
            Book(d, 1, Slot(5, At(weekOne.AddDays((d - 13) * 2), 13), TutorialMode.InPerson), BookingStatus.Held);
        }
        Book(17, 1, Slot(6, At(weekOne.AddDays(5), 11)), BookingStatus.Held);
        Book(18, 1, Slot(6, At(weekOne.AddDays(1), 11)), BookingStatus.Held);

        // Tutorial 2 for the first to have had tutorial 1, in the last few weeks and inside its window.
        Book(13, 2, Slot(1, At(today.AddDays(-24), 16)), BookingStatus.Held);
        Book(14, 2, Slot(1, At(today.AddDays(-17), 16)), BookingStatus.Held);
        Book(15, 2, Slot(2, At(today.AddDays(-23), 10)), BookingStatus.Held);
        Book(16, 2, Slot(2, At(today.AddDays(-16), 10)), BookingStatus.Held);

        // Flags for the programme team.
        Book(17, 2, Slot(4, At(today.AddDays(-7), 16)), BookingStatus.Booked);                          // feedback overdue
        Book(19, 1, Slot(4, At(today.AddDays(-14), 16)), BookingStatus.Held);                           // outside the window
        var late = Book(18, 2, Slot(4, At(today.AddDays(-12), 16)), BookingStatus.LateCancelled);       // cancelled the day before
        late.CancelledAt = late.Slot.StartsAt.AddHours(-20);
        late.CancelledById = byNumber[18].UserId;
        late.CancelReason = "A safeguarding meeting was called at short notice.";

        // Upcoming tutorials.
        Book(1, 2, Slot(3, At(today.AddDays(6), 16)), BookingStatus.Booked);
        Book(20, 1, Slot(6, At(today.AddDays(9), 16)), BookingStatus.Booked);
        Book(21, 1, Slot(6, At(today.AddDays(10), 16)), BookingStatus.Booked);
        db.WindowOverrides.Add(new WindowOverride
        {
            Participant = byNumber[21], Project = 1, Reason = "Joined the cohort late after a change of school; tutorial 1 agreed for this term.",
            ById = (await db.Users.SingleAsync(u => u.NormalizedEmail == "PROGRAMME@DEMO.ROUNDTABLE.TEST", ct)).Id, At = now.AddDays(-5),
        });

        // Free slots over the next six weeks for every partner.
        for (var p = 1; p <= partners.Count; p++)
        {
            for (var w = 0; w < 6; w++)
            {
                Slot(p, At(today.AddDays(3 + w * 7 + p % 3), 9 + p), w % 3 == 2 ? TutorialMode.InPerson : TutorialMode.Online);
            }
        }

        foreach (var (booking, _) in bookings.Where(b => b.Delegate == byNumber[21]))
        {
            booking.OutsideWindow = false;
        }
        // Slot ids exist only once saved; the index columns follow.
        await db.SaveChangesAsync(ct);
        foreach (var (booking, _) in bookings)
        {
            booking.SyncIndexColumns();
            db.AuditEntries.Add(AuditEntry.Of(Booking.AuditSubject, booking.Id, "Booked", booking.Participant.UserId, booking.BookedAt));
        }

        // Referrals waiting for each tutor.
        var referToTutor1 = bookings.Single(b => b.Delegate == byNumber[3] && b.Booking.Project == 1).Booking;
        var referToTutor2 = bookings.Single(b => b.Delegate == byNumber[15] && b.Booking.Project == 2).Booking;
        db.Referrals.AddRange(
            new Referral { BookingId = referToTutor1.Id, TutorId = byNumber[3].TutorId, CreatedAt = referToTutor1.Feedback!.RecordedAt,
                Reason = "Unsure how the two-terms requirement applies to a project that started last year; please go through the Project 1 requirements with them." },
            new Referral { BookingId = referToTutor2.Id, TutorId = byNumber[15].TutorId, CreatedAt = referToTutor2.Feedback!.RecordedAt,
                Reason = "The placement school has withdrawn; they need help finding another placement." });
        await db.SaveChangesAsync(ct);
    }

    private static readonly string[] DemoPlaces =
    [
        "Larkfield Primary School, meeting room 2 (fictional)", "Harrowgate Hill Academy, library (fictional)", "St Aldhelm's CE Primary, head's office (fictional)",
        "Millbrook Community College, conference room (fictional)", "Fernhill Special School, family room (fictional)", "Riverside Infant and Nursery, staff room (fictional)",
    ];

    private static readonly string[] Focus1 =
    [
        "Narrowing my project to one SMART target I can evidence in two terms.",
        "How to present the plan to governors before we start.",
        "Bringing a sceptical middle-leadership team with me.",
        "Choosing baseline evidence that will show impact.",
    ];

    private static readonly string[] Summary1 =
    [
        "A whole-school approach to reading fluency in Key Stage 2, led with the English lead and year-group leaders, measured by termly fluency checks.",
        "Improving feedback in maths across the school so that pupils act on it, starting with a trial in Years 7 and 8.",
        "A consistent behaviour-for-learning routine in every classroom, with staff training and pupil voice at each half term.",
        "Raising attendance of persistently absent pupils through a family-liaison team and weekly tracking.",
    ];

    private static readonly string[] Focus2 =
    [
        "How to behave as a guest leader in a school that is not mine.",
        "Making nine days count: what to do first.",
        "Presenting a budget-led plan to a governing board I do not know.",
    ];

    private static readonly string[] Summary2 =
    [
        "Placement at a smaller rural primary facing falling rolls: a staffing and curriculum plan that fits a reduced budget.",
        "Placement at an academy with high teacher turnover: a plan to grow capability through middle leaders, costed over three years.",
        "Placement at a school with an ageing building: prioritising premises spending against curriculum needs.",
    ];

    private static readonly string[] Notes =
    [
        "We worked on turning the rationale into a SMART target and agreed the baseline data to collect before half term. Talked about securing staff commitment early.",
        "Discussed manageability over two terms and how to keep workload down. The delegate will share the draft plan with governors next month.",
        "Explored likely resistance from two long-serving colleagues and how to involve them in the design. Good grasp of evaluation already.",
        "Talked through etiquette as a guest in the host school and how to agree the scope with its headteacher before day one.",
        "Focused on success criteria and what would count as evidence of impact for pupils, not just activity.",
    ];
}
