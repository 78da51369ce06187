using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Invoicing;
using Roundtable.Web.People;
using Roundtable.Web.Projects;
using Roundtable.Web.Tutorials;

namespace Roundtable.Seed;

public sealed record SeedOptions
{
    public const string DefaultPassword = "Seed-pass-2026!";
    public const string Domain = "seed.roundtable.test";
    public const string TeamEmail = "programme@" + Domain;

    public int Delegates { get; init; } = 20_000;
    public int Cohorts { get; init; } = 10;
    public int Seed { get; init; } = 42;
    // Every date is placed relative to this day (UK), so a run today and a run next month both
    // have cohorts at every stage; the same day and seed give the same rows.
    public required DateOnly Today { get; init; }
    public string Password { get; init; } = DefaultPassword;
    public int BatchSize { get; init; } = 5_000;
}

public sealed record SeedResult(IReadOnlyList<(string What, int Rows)> Counts, TimeSpan Elapsed, IReadOnlyList<int> CohortIds, string TeamEmail, string Password)
{
    public int Count(string what) => Counts.Single(c => c.What == what).Rows;
}

// A realistic NPQH programme for benchmarks: delegates in cohorts that started from about a month
// to about eighteen months ago (so every stage and every at-risk reason occurs), 600 schools per
// 2,000 delegates, groups of five with six community sessions a year (attendance, problem cards),
// two tutorials per delegate with partners (held with feedback, some no-shows, late
// cancellations, feedback overdue, outside the window), a year of monthly partner invoices in
// every state, and Project 1 and 2 records and submissions. Names are generated ("Delegate 00042").
// Rows are built with explicit ids and the app's own entities, then inserted in batches through
// EF Core with change detection off; the identity sequences are moved past them on PostgreSQL.
public sealed class ProgrammeSeeder(AppDbContext db, SeedOptions o, TextWriter log)
{
    // Days between each cohort's course start and today: the oldest is in its last four weeks.
    private static readonly int[] StartDaysAgo = [532, 480, 420, 365, 300, 240, 180, 120, 75, 30];

    private static readonly string[] Problems =
    [
        "Homework completion has dropped in key stage 3", "Attendance of disadvantaged pupils lags the rest",
        "Reading ages in year 7 are below chronological age", "Middle leaders are not holding their teams to account",
        "Behaviour at lunchtime is eroding afternoon learning", "Staff turnover in the science department",
        "Parents of EAL pupils rarely attend consultations", "Assessment data is not used to plan lessons",
    ];

    private static readonly string[] Areas =
    [
        "Curriculum and assessment", "Culture and behaviour", "Professional development", "Organisational management", "Working in partnership",
    ];

    private readonly SeedRandom _rng = new(o.Seed);
    private readonly List<(string What, int Rows)> _counts = [];
    private readonly DateTime _now = Utc(o.Today, 12, 0);

    public async Task<SeedResult> RunAsync(CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        if (await db.Users.AnyAsync(ct) || await db.Participants.AnyAsync(ct))
        {
            throw new InvalidOperationException("The database already has people in it: the seeder fills an empty database (a new one, or one just migrated).");
        }
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var cohortCount = Math.Max(1, Math.Min(o.Cohorts, o.Delegates / 5));
        var perCohort = o.Delegates / cohortCount;
        var partnerCount = Math.Max(3, o.Delegates * 300 / 20_000);
        var tutorCount = Math.Max(2, o.Delegates / 200);
        var assessorCount = Math.Max(2, o.Delegates / 1_000);
        var schoolCount = Math.Max(10, o.Delegates * 3 / 20);
        var schoolsPerCohort = Math.Max(5, perCohort * 3 / 10);

        // People: one password hash for every account (hashing is slow by design).
        var hash = new PasswordHasher<AppUser>().HashPassword(null!, o.Password);
        var users = new List<AppUser>();
        var userRoles = new List<IdentityUserRole<string>>();
        AppUser Person(string email, string name, string role)
        {
            var user = new AppUser
            {
                Id = _rng.NextGuid().ToString(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, PasswordHash = hash, LockoutEnabled = true,
                SecurityStamp = _rng.NextGuid().ToString("N").ToUpperInvariant(), ConcurrencyStamp = _rng.NextGuid().ToString(),
                FullName = name, CreatedAt = _now.AddDays(-StartDaysAgo[0] - 30), InvitedAt = _now.AddDays(-StartDaysAgo[0] - 30),
            };
            users.Add(user);
            userRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role] });
            return user;
        }
        var team = Person(SeedOptions.TeamEmail, "Programme Lead", Roles.ProgrammeTeam);
        Person($"programme2@{SeedOptions.Domain}", "Programme Officer", Roles.ProgrammeTeam);
        var tutors = Enumerable.Range(1, tutorCount).Select(i => Person($"tutor{i:D3}@{SeedOptions.Domain}", $"Tutor {i:D3}", Roles.Tutor)).ToList();
        var partnerUsers = Enumerable.Range(1, partnerCount).Select(i => Person($"partner{i:D3}@{SeedOptions.Domain}", $"Partner {i:D3}", Roles.Partner)).ToList();
        var assessors = Enumerable.Range(1, assessorCount).Select(i => Person($"assessor{i:D2}@{SeedOptions.Domain}", $"Assessor {i:D2}", Roles.Assessor)).ToList();
        var delegateUsers = Enumerable.Range(1, perCohort * cohortCount)
            .Select(i => Person($"delegate{i:D5}@{SeedOptions.Domain}", $"Delegate {i:D5}", Roles.Delegate)).ToList();
        await InsertAsync("people (accounts)", users, ct);
        await InsertAsync("role memberships", userRoles, ct);

        // Programme, cohorts, schools, delegates' places.
        var programme = new Programme { Id = 1, Code = "NPQH", Name = "National Professional Qualification for Headship", DfeCourseIdentifier = "npq-headship" };
        var cohorts = Enumerable.Range(0, cohortCount).Select(c =>
        {
            var start = o.Today.AddDays(-StartDaysAgo[c * StartDaysAgo.Length / cohortCount]);
            return new Cohort
            {
                Id = c + 1, ProgrammeId = programme.Id, Name = string.Create(CultureInfo.InvariantCulture, $"NPQH cohort {c + 1} ({start:MMMM yyyy})"), CourseStart = start,
                DfeCohortYear = start.Month >= 9 ? start.Year : start.Year - 1,
            };
        }).ToList();
        var phases = new[] { SchoolPhase.Primary, SchoolPhase.Primary, SchoolPhase.Secondary, SchoolPhase.Secondary, SchoolPhase.AllThrough, SchoolPhase.Nursery, SchoolPhase.SixteenPlus, SchoolPhase.Middle };
        var settings = Enum.GetValues<SettingType>();
        var regions = Enum.GetValues<Region>();
        var schools = Enumerable.Range(1, schoolCount).Select(i => new School
        {
            Id = i, Urn = 300_000 + i, Name = $"School {i:D4}", Phase = phases[_rng.Next(phases.Length)], SettingType = settings[_rng.Next(settings.Length)],
            Region = regions[_rng.Next(regions.Length)], NumberOnRoll = _rng.Between(60, 1_800),
        }).ToList();
        db.Programmes.Add(programme);
        await InsertAsync("cohorts", cohorts, ct);
        _counts.Add(("programmes", 1));
        await InsertAsync("schools", schools, ct);

        var participants = new List<Participant>();
        var struggling = new HashSet<int>();
        var tutorsPerCohort = Math.Max(1, tutorCount / cohortCount);
        for (var c = 0; c < cohortCount; c++)
        {
            var firstSchool = c * schoolCount / cohortCount;
            for (var j = 0; j < perCohort; j++)
            {
                var id = participants.Count + 1;
                // A few large schools send many delegates, most send one or two.
                var school = (firstSchool + (int)Math.Floor(Math.Pow(_rng.NextDouble(), 1.5) * schoolsPerCohort)) % schoolCount;
                var p = new Participant
                {
                    Id = id, UserId = delegateUsers[id - 1].Id, CohortId = cohorts[c].Id, SchoolId = schools[school].Id,
                    TutorId = tutors[(c * tutorsPerCohort + j % tutorsPerCohort) % tutorCount].Id,
                };
                if (_rng.Chance(0.85))
                {
                    p.Birthday = new Birthday(_rng.Between(1, 28), _rng.Between(1, 12));
                }
                participants.Add(p);
                if (_rng.Chance(0.04))
                {
                    struggling.Add(id);
                }
            }
        }
        await InsertAsync("delegates (places on cohorts)", participants, ct);

        await CommunitiesAsync(cohorts, participants, struggling, ct);
        var held = await TutorialsAsync(cohorts, participants, partnerUsers, struggling, delegateUsers, team, ct);
        await InvoicesAsync(held, partnerUsers, team, cohorts, ct);
        await ProjectsAsync(cohorts, participants, assessors, team, ct);

        // The migrations seed the counter's row; a database emptied by hand (the tests' reset) may not have it.
        if (await db.InvoiceCounters.Where(c => c.Id == InvoiceCounter.SingletonId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, _lastInvoice), ct) == 0)
        {
            db.InvoiceCounters.Add(new InvoiceCounter { Last = _lastInvoice });
            await db.SaveChangesAsync(ct);
        }
        await MoveSequencesPastAsync(ct);
        return new SeedResult(_counts, clock.Elapsed, cohorts.Select(c => c.Id).ToList(), SeedOptions.TeamEmail, o.Password);
    }

    private async Task CommunitiesAsync(List<Cohort> cohorts, List<Participant> participants, HashSet<int> struggling, CancellationToken ct)
    {
        var groups = new List<CommunityGroup>();
        var members = new List<CommunityMember>();
        var sessions = new List<CommunitySession>();
        var attendance = new List<SessionAttendance>();
        var cards = new List<ProblemCard>();
        foreach (var cohort in cohorts)
        {
            var inCohort = participants.Where(p => p.CohortId == cohort.Id).ToList();
            _rng.Shuffle(inCohort);
            for (var g = 0; g * 5 < inCohort.Count; g++)
            {
                var group = new CommunityGroup { Id = groups.Count + 1, CohortId = cohort.Id, Name = $"Group {g + 1:D3}", Published = true };
                groups.Add(group);
                var people = inCohort.Skip(g * 5).Take(5).ToList();
                members.AddRange(people.Select(p => new CommunityMember { GroupId = group.Id, CohortId = cohort.Id, UserId = p.UserId }));
                for (var i = 0; i < 6; i++)
                {
                    var day = Weekday(cohort.CourseStart.AddDays(30 + 60 * i + g % 7));
                    var startsAt = Utc(day, 16, 30);
                    var session = new CommunitySession
                    {
                        Id = sessions.Count + 1, GroupId = group.Id, StartsAt = startsAt, Mode = i % 2 == 0 ? SessionMode.Online : SessionMode.InPerson,
                        Where = i % 2 == 0 ? $"https://meet.example.org/seed-{group.Id}-{i}" : $"Room {1 + g % 9}, {cohort.Name} hub",
                        ChairId = people[i % people.Count].UserId,
                    };
                    sessions.Add(session);
                    if (startsAt >= _now)
                    {
                        continue;
                    }
                    if (_rng.Chance(0.02))
                    {
                        session.CancelledAt = startsAt.AddDays(-3);
                        session.Sequence = 1;
                        continue;
                    }
                    session.RecordedAt = startsAt.AddHours(2);
                    session.Successes = "Each member named one thing that went well since the last session.";
                    session.NextChairId = people[(i + 1) % people.Count].UserId;
                    if (_rng.Chance(0.03))
                    {
                        session.QuestionsForTeam = "Can the group move its next session to a Thursday?";
                        session.QuestionsResolvedAt = _rng.Chance(0.7) ? startsAt.AddDays(2) : null;
                    }
                    foreach (var p in people)
                    {
                        var weak = struggling.Contains(p.Id);
                        var present = _rng.Chance(weak ? 0.3 : 0.9);
                        attendance.Add(new SessionAttendance { Id = attendance.Count + 1, SessionId = session.Id, UserId = p.UserId, Present = present });
                        if (_rng.Chance(present ? (weak ? 0.3 : 0.85) : (weak ? 0.05 : 0.4)))
                        {
                            var k = _rng.Next(Problems.Length);
                            cards.Add(new ProblemCard
                            {
                                Id = cards.Count + 1, SessionId = session.Id, OwnerId = p.UserId, Problem = Problems[k],
                                Evidence = "Our tracking shows a fall of ten points since September.", Context = "A new approach was introduced this year.",
                                Why = "Pupils who fall behind now rarely catch up.", FrameworkArea = Areas[k % Areas.Length],
                                Specific = SuitabilityAnswer.Yes, Solvable = SuitabilityAnswer.Yes, Controllable = _rng.Chance(0.9) ? SuitabilityAnswer.Yes : SuitabilityAnswer.Unsure,
                                UpdatedAt = startsAt.AddDays(-_rng.Between(1, 6)),
                            });
                        }
                    }
                }
            }
        }
        for (var i = 0; i < members.Count; i++)
        {
            members[i].Id = i + 1;
        }
        await InsertAsync("community groups", groups, ct);
        await InsertAsync("group members", members, ct);
        await InsertAsync("community sessions", sessions, ct);
        _counts.Add(("  of which recorded", sessions.Count(s => s.RecordedAt is not null)));
        await InsertAsync("attendance rows", attendance, ct);
        await InsertAsync("problem cards", cards, ct);
    }

    public sealed record HeldTutorial(int BookingId, int PartnerIndex, DateOnly Date, int Project, string Initials);

    private async Task<List<HeldTutorial>> TutorialsAsync(List<Cohort> cohorts, List<Participant> participants, List<AppUser> partnerUsers,
        HashSet<int> struggling, List<AppUser> delegateUsers, AppUser team, CancellationToken ct)
    {
        var profiles = partnerUsers.Select((u, i) => new PartnerProfile
        {
            Id = i + 1, UserId = u.Id, HeadshipYears = _rng.Between(3, 25), Phase = (SchoolPhase)_rng.Next(6), SettingType = (SettingType)_rng.Next(6),
            Region = (Region)_rng.Next(9), NumberOnRoll = _rng.Between(100, 1_600), Specialisms = "Curriculum design; school improvement",
            Biography = $"Former head teacher of two schools. ({u.FullName}, fictional.)", MonthlyCap = 12, UpdatedAt = _now.AddDays(-400),
        }).ToList();
        await InsertAsync("partner profiles", profiles, ct);

        var slots = new List<TutorialSlot>();
        var bookings = new List<Booking>();
        var feedback = new List<TutorialFeedback>();
        var held = new List<HeldTutorial>();
        var taken = new HashSet<(int Partner, DateOnly Day, int Hour)>();
        var courseStart = cohorts.ToDictionary(c => c.Id, c => c.CourseStart);

        TutorialSlot Slot(int partner, DateOnly day)
        {
            while (true)
            {
                day = Weekday(day);
                var first = _rng.Next(8);
                for (var k = 0; k < 8; k++)
                {
                    var hour = 9 + (first + k) % 8;
                    if (taken.Add((partner, day, hour)))
                    {
                        var startsAt = Utc(day, hour, 0);
                        var slot = new TutorialSlot
                        {
                            Id = slots.Count + 1, PartnerId = profiles[partner].Id, StartsAt = startsAt, Minutes = 60, Mode = hour % 2 == 0 ? TutorialMode.Online : TutorialMode.InPerson,
                            Where = hour % 2 == 0 ? $"https://meet.example.org/partner-{partner + 1}" : "The delegate's school", CreatedAt = startsAt.AddDays(-45),
                        };
                        slots.Add(slot);
                        return slot;
                    }
                }
                day = day.AddDays(1);
            }
        }

        // One tutorial: its slot, the booking and (once it has happened) what became of it.
        // Returns the booking when it counts as this project's tutorial (booked, held or no-show).
        Booking? Tutorial(Participant p, int project, int partner, DateOnly day, DateOnly? tutorial1, bool allowRetry = true)
        {
            var slot = Slot(partner, day);
            var when = LondonTime.DateOf(slot.StartsAt);
            var window = TutorialWindows.For(project, courseStart[p.CohortId], tutorial1);
            var booking = new Booking
            {
                Id = bookings.Count + 1, SlotId = slot.Id, ParticipantId = p.Id, Project = project, Focus = "Planning the next stage of my project",
                ProjectSummary = project == ProjectNumbers.Change ? "Raising attainment in reading across key stage 2" : "A placement at a contrasting school",
                Status = BookingStatus.Booked, BookedAt = Min(slot.StartsAt.AddDays(-_rng.Between(7, 40)), _now.AddHours(-1)),
                OutsideWindow = window is null || !window.Contains(when),
            };
            bookings.Add(booking);
            if (slot.StartsAt > _now)
            {
                booking.SyncIndexColumns();
                return booking;
            }
            var r = _rng.NextDouble();
            var recent = slot.StartsAt > _now.AddDays(-30);
            var partnerUserId = partnerUsers[partner].Id;
            if (r < 0.89 || (r >= 0.92 && r < 0.93 && !recent))
            {
                booking.Status = BookingStatus.Held;
                feedback.Add(new TutorialFeedback
                {
                    Id = feedback.Count + 1, BookingId = booking.Id, Held = true, Notes = "Good progress; next steps agreed.",
                    RecordedAt = Min(slot.StartsAt.AddDays(_rng.Between(0, 2)).AddHours(2), _now.AddHours(-1)), RecordedById = partnerUserId,
                });
                held.Add(new HeldTutorial(booking.Id, partner, when, project, InvoiceLine.InitialsOf(delegateUsers[p.Id - 1].FullName)));
            }
            else if (r < 0.92)
            {
                booking.Status = BookingStatus.NoShow;
                feedback.Add(new TutorialFeedback
                {
                    Id = feedback.Count + 1, BookingId = booking.Id, Held = false, Notes = "The delegate did not attend.",
                    RecordedAt = slot.StartsAt.AddHours(2), RecordedById = partnerUserId,
                });
            }
            else if (r < 0.93)
            {
                // Still "booked" after it happened: the partner's feedback is outstanding.
            }
            else if (r < 0.96)
            {
                booking.Status = BookingStatus.LateCancelled;
                booking.CancelledAt = slot.StartsAt.AddHours(-20);
                booking.CancelledById = p.UserId;
                booking.CancelReason = "Unwell on the day.";
                booking.Sequence = 1;
                if (allowRetry && _rng.Chance(0.5))
                {
                    booking.AllowanceRestoredAt = slot.StartsAt.AddDays(2);
                    booking.AllowanceRestoredById = team.Id;
                    booking.SyncIndexColumns();
                    return Tutorial(p, project, partner, when.AddDays(14), tutorial1, allowRetry: false);
                }
                booking.SyncIndexColumns();
                return null;
            }
            else
            {
                booking.Status = BookingStatus.Cancelled;
                booking.CancelledAt = slot.StartsAt.AddDays(-6);
                booking.CancelledById = p.UserId;
                booking.CancelReason = "A clash with a governors' meeting.";
                booking.Sequence = 1;
                booking.SyncIndexColumns();
                return allowRetry ? Tutorial(p, project, partner, when.AddDays(10), tutorial1, allowRetry: false) : null;
            }
            booking.SyncIndexColumns();
            return booking;
        }

        var horizon = o.Today.AddDays(45);
        foreach (var p in participants)
        {
            var start = courseStart[p.CohortId];
            var weak = struggling.Contains(p.Id);
            var partner = _rng.Next(profiles.Count);
            if (_rng.Chance(weak ? 0.4 : 0.04))
            {
                continue; // tutorial 1 never booked
            }
            var day1 = _rng.Chance(0.08) ? start.AddDays(_rng.Between(95, 130)) : start.AddDays(_rng.Between(5, 88));
            if (day1 > horizon)
            {
                continue;
            }
            var first = Tutorial(p, ProjectNumbers.Change, partner, day1, null);
            if (first is null || first.Status != BookingStatus.Held || _rng.Chance(0.05))
            {
                continue;
            }
            var date1 = LondonTime.DateOf(slots[first.SlotId - 1].StartsAt);
            var day2 = _rng.Chance(0.07) ? date1.AddDays(_rng.Between(95, 120)) : date1.AddDays(_rng.Between(62, 90));
            if (day2 > horizon)
            {
                continue;
            }
            Tutorial(p, ProjectNumbers.Placement, _rng.Chance(0.8) ? partner : _rng.Next(profiles.Count), day2, date1);
        }
        // Open slots ahead for every partner, as the directory shows them.
        for (var partner = 0; partner < profiles.Count; partner++)
        {
            for (var k = 0; k < 8; k++)
            {
                Slot(partner, o.Today.AddDays(3 + k * 7));
            }
        }
        await InsertAsync("tutorial slots", slots, ct);
        await InsertAsync("bookings", bookings, ct);
        foreach (var status in Enum.GetValues<BookingStatus>())
        {
            _counts.Add(($"  {Booking.StatusText(status).ToLowerInvariant()}", bookings.Count(b => b.Status == status)));
        }
        await InsertAsync("tutorial feedback", feedback, ct);
        return held;
    }

    private long _lastInvoice;

    private async Task InvoicesAsync(List<HeldTutorial> held, List<AppUser> partnerUsers, AppUser team, List<Cohort> cohorts, CancellationToken ct)
    {
        const long fee = 150_00;
        db.FeeRates.Add(new FeeRate { Id = 1, From = cohorts.Min(c => c.CourseStart).AddDays(-30), AmountPence = fee, SetAt = _now.AddDays(-600), SetById = team.Id });
        var billing = partnerUsers.Select((u, i) => new PartnerBilling
        {
            Id = i + 1, PartnerId = i + 1, Address = $"{u.FullName} Leadership Ltd (fictional)\n{i + 1} Example Road\nExampletown\nZZ1 1ZZ",
            PaymentDetails = $"{u.FullName} Leadership Ltd, sort code 00-00-00, account {i + 1:D8} (fictional)",
            VatRegistered = i % 5 == 0, VatNumber = i % 5 == 0 ? $"GB{100_000_000 + i}" : null, UpdatedAt = _now.AddDays(-500),
        }).ToList();
        await InsertAsync("partner billing details", billing, ct);

        // Each partner invoices a month's held tutorials early in the next month, for the last twelve months.
        var thisMonth = new DateOnly(o.Today.Year, o.Today.Month, 1);
        var invoices = new List<Invoice>();
        foreach (var batch in held.Where(h => h.Date >= thisMonth.AddMonths(-12) && h.Date < thisMonth)
                     .GroupBy(h => (h.PartnerIndex, Month: new DateOnly(h.Date.Year, h.Date.Month, 1)))
                     .OrderBy(g => g.Key.Month).ThenBy(g => g.Key.PartnerIndex))
        {
            var (partner, month) = batch.Key;
            var issued = month.AddMonths(1).AddDays(_rng.Between(1, 6));
            if (issued >= o.Today)
            {
                continue;
            }
            var age = (thisMonth.Year - month.Year) * 12 + thisMonth.Month - month.Month;
            var r = _rng.NextDouble();
            var status = age switch
            {
                >= 3 => r < 0.05 ? InvoiceStatus.Rejected : r < 0.08 ? InvoiceStatus.Withdrawn : InvoiceStatus.Paid,
                2 => r < 0.05 ? InvoiceStatus.Rejected : r < 0.1 ? InvoiceStatus.Submitted : r < 0.4 ? InvoiceStatus.Approved : InvoiceStatus.Paid,
                _ => r < 0.05 ? InvoiceStatus.Rejected : r < 0.75 ? InvoiceStatus.Submitted : InvoiceStatus.Approved,
            };
            var lines = batch.Take(Invoice.MaxLines).ToList();
            var b = billing[partner];
            var totals = InvoiceRules.Totals(lines.Select(_ => fee), b.VatRegistered);
            var submittedAt = Utc(issued, 10, 0);
            var invoice = new Invoice
            {
                PartnerId = partner + 1, IssuedOn = issued, SubmittedAt = submittedAt, SubmittedById = partnerUsers[partner].Id, Status = status,
                PartnerName = partnerUsers[partner].FullName, PartnerEmail = partnerUsers[partner].Email!, PartnerAddress = b.Address, PaymentDetails = b.PaymentDetails,
                VatNumber = b.VatNumber, SubtotalPence = totals.SubtotalPence, VatPence = totals.VatPence, TotalPence = totals.TotalPence,
                Lines = lines.Select(h => new InvoiceLine
                {
                    BookingId = h.BookingId, ActiveBookingId = status is InvoiceStatus.Rejected or InvoiceStatus.Withdrawn ? null : h.BookingId,
                    TutorialDate = h.Date, Project = h.Project, DelegateInitials = h.Initials, FeePence = fee,
                }).ToList(),
            };
            if (status is InvoiceStatus.Approved or InvoiceStatus.Paid or InvoiceStatus.Rejected)
            {
                invoice.DecidedAt = Min(submittedAt.AddDays(_rng.Between(2, 9)), _now.AddHours(-2));
                invoice.DecidedById = team.Id;
            }
            if (status == InvoiceStatus.Withdrawn)
            {
                invoice.DecidedAt = submittedAt.AddDays(1);
            }
            if (status == InvoiceStatus.Rejected)
            {
                invoice.RejectReason = "Two tutorial dates do not match our records; please submit again.";
            }
            if (status == InvoiceStatus.Paid)
            {
                var paid = Min(invoice.DecidedAt!.Value.AddDays(_rng.Between(5, 20)), _now.AddHours(-1));
                invoice.PaidOn = LondonTime.DateOf(paid) < issued ? issued : LondonTime.DateOf(paid);
                invoice.PaymentReference = $"BACS-SEED-{invoices.Count + 1:D5}";
                invoice.PaidRecordedAt = paid;
                invoice.PaidRecordedById = team.Id;
            }
            invoices.Add(invoice);
        }
        var lineId = 0;
        for (var i = 0; i < invoices.Count; i++)
        {
            var invoice = invoices[i];
            invoice.Id = i + 1;
            invoice.Sequence = i + 1;
            invoice.Number = Invoice.FormatNumber(invoice.Sequence);
            foreach (var line in invoice.Lines)
            {
                line.Id = ++lineId;
                line.InvoiceId = invoice.Id;
            }
        }
        _lastInvoice = invoices.Count;
        var allLines = invoices.SelectMany(i => i.Lines).ToList();
        foreach (var invoice in invoices)
        {
            invoice.Lines = [];
        }
        _counts.Add(("fee rates", 1));
        await InsertAsync("invoices", invoices, ct);
        foreach (var status in Enum.GetValues<InvoiceStatus>())
        {
            _counts.Add(($"  {status.ToString().ToLowerInvariant()}", invoices.Count(i => i.Status == status)));
        }
        await InsertAsync("invoice lines", allLines, ct);
    }

    private async Task ProjectsAsync(List<Cohort> cohorts, List<Participant> participants, List<AppUser> assessors, AppUser team, CancellationToken ct)
    {
        var project1s = new List<Project1>();
        var project2s = new List<Project2>();
        var days = new List<PlacementDay>();
        var submissions = new List<Submission>();
        var cohortStart = cohorts.ToDictionary(c => c.Id, c => c.CourseStart);
        var endingCohort = cohorts[0].Id;
        foreach (var p in participants)
        {
            var start = cohortStart[p.CohortId];
            var since = o.Today.DayNumber - start.DayNumber;
            if (since < 60)
            {
                continue;
            }
            var p1 = new Project1
            {
                Id = project1s.Count + 1, ParticipantId = p.Id, Rationale = "Reading attainment of disadvantaged pupils in key stage 2 trails their peers.",
                BaselineEvidence = "Key stage 2 reading: 58% of disadvantaged pupils at the expected standard against 79% of others.",
                SuccessCriteria = "The gap halves within two terms.", Team = "English lead, two year 5 and 6 teachers, the SENCo.",
                Start = start.AddDays(60), PlannedEnd = start.AddDays(330), UpdatedAt = Utc(start.AddDays(Math.Min(since - 1, 120)), 18, 0),
                SmartTarget = "By July, 70% of disadvantaged pupils in year 6 reach the expected standard in reading.",
            };
            project1s.Add(p1);
            if (since >= 110)
            {
                p1.ImplementationStart = start.AddDays(110);
                if (_rng.Chance(0.92))
                {
                    p1.BoardPresentedOn = start.AddDays(_rng.Between(80, 105));
                    p1.BoardFeedback = "The board supported the plan and asked for termly updates.";
                    p1.BoardFeedbackOn = p1.BoardPresentedOn.Value.AddDays(7);
                }
            }
            if (since >= 360)
            {
                p1.Evaluation = "The gap narrowed from 21 to 9 percentage points.";
            }
            if (since >= 270)
            {
                var p2 = new Project2
                {
                    Id = project2s.Count + 1, ParticipantId = p.Id, PlacementSchoolName = $"Placement School {p.Id:D5}", PlacementSchoolUrn = 700_000 + p.Id % 200_000,
                    PlacementSchoolPhase = _rng.Chance(0.5) ? SchoolPhase.Primary : SchoolPhase.Secondary, ContrastPerformance = "Requires improvement; ours is good.",
                    ContrastPupilProfile = "Twice our proportion of pupils eligible for free school meals.", ContrastGeography = "Rural; we are urban.",
                    Challenges = "Falling rolls and a budget deficit from next year.", ActionPlan = "A curriculum-led staffing plan over three years.",
                    UpdatedAt = Utc(start.AddDays(280), 18, 0),
                };
                project2s.Add(p2);
                // One placement day a week from day 300; the ending cohort mostly has its nine or more.
                var logged = p.CohortId == endingCohort
                    ? (_rng.Chance(0.12) ? _rng.Between(0, 8) : _rng.Between(9, 12))
                    : Math.Clamp((since - 300) / 10 + _rng.Between(-1, 1), 0, 12);
                var day = Weekday(start.AddDays(300));
                for (var k = 0; k < logged && day < o.Today; k++, day = Weekday(day.AddDays(7)))
                {
                    days.Add(new PlacementDay { Id = days.Count + 1, Project2Id = p2.Id, Date = day, Activity = "Shadowed the business manager; reviewed the budget." });
                }
            }
            if (since >= 330)
            {
                AddSubmission(p, ProjectNumbers.Change, start, since);
            }
            if (since >= 500)
            {
                AddSubmission(p, ProjectNumbers.Placement, start, since);
            }
        }

        void AddSubmission(Participant p, int project, DateOnly start, int since)
        {
            if (!_rng.Chance(project == ProjectNumbers.Change ? 0.9 : 0.65))
            {
                return;
            }
            var createdAt = Utc(start.AddDays(project == ProjectNumbers.Change ? 320 : 490), 19, 0);
            var s = new Submission
            {
                Id = submissions.Count + 1, ParticipantId = p.Id, Project = project, Version = 1, Status = SubmissionStatus.Draft,
                Section1 = "Design: the rationale, the SMART target and the baseline.", Section2 = "Implementation over two terms.", Section3 = "Evaluation of impact.",
                Annexes = "", Words = _rng.Between(3_800, 5_000), AccountExcluded = "", CreatedAt = createdAt, UpdatedAt = createdAt.AddDays(5),
                ConcurrencyStamp = _rng.NextGuid(),
            };
            submissions.Add(s);
            // Days since the account was due, less each delegate's own delay.
            var age = since - (project == ProjectNumbers.Change ? 330 : 500) - _rng.Between(0, 45);
            if (_rng.Chance(0.1) && age < 60)
            {
                return; // still a draft
            }
            s.Status = SubmissionStatus.Submitted;
            s.SubmittedAt = createdAt.AddDays(10);
            if (age < 15)
            {
                return;
            }
            s.Status = SubmissionStatus.Assigned;
            s.AssessorId = assessors[_rng.Next(assessors.Count)].Id;
            s.AssignedAt = s.SubmittedAt.Value.AddDays(3);
            if (age < 45)
            {
                return;
            }
            s.Status = SubmissionStatus.Assessed;
            s.Outcome = _rng.Chance(0.85) ? AssessmentOutcome.Passed : AssessmentOutcome.NotPassed;
            s.OutcomeComment = s.Outcome == AssessmentOutcome.Passed ? "Meets every criterion." : "Evaluation does not yet show impact on pupils.";
            s.AssessedAt = s.AssignedAt.Value.AddDays(20);
            if (age < 75)
            {
                return;
            }
            s.Status = SubmissionStatus.Released;
            s.ReleasedAt = s.AssessedAt.Value.AddDays(10);
            s.ReleasedById = team.Id;
        }

        await InsertAsync("Project 1 records", project1s, ct);
        await InsertAsync("Project 2 records", project2s, ct);
        await InsertAsync("placement days", days, ct);
        await InsertAsync("submissions", submissions, ct);
        foreach (var status in Enum.GetValues<SubmissionStatus>())
        {
            _counts.Add(($"  {status.ToString().ToLowerInvariant()}", submissions.Count(s => s.Status == status)));
        }
    }

    private async Task InsertAsync<T>(string what, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rows.Count; i += o.BatchSize)
        {
            db.Set<T>().AddRange(rows.Skip(i).Take(o.BatchSize));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        _counts.Add((what, rows.Count));
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {what,-32} {rows.Count,9:N0} rows  {clock.Elapsed.TotalSeconds,6:F1} s"));
    }

    // Rows went in with explicit ids: PostgreSQL's identity sequences must start after them.
    private async Task MoveSequencesPastAsync(CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var key = entity.FindPrimaryKey();
            var table = entity.GetTableName();
            if (key is not { Properties.Count: 1 } || table is null || !done.Add(table)
                || key.Properties[0].ValueGenerated != ValueGenerated.OnAdd || key.Properties[0].ClrType != typeof(int) && key.Properties[0].ClrType != typeof(long))
            {
                continue;
            }
            var column = key.Properties[0].GetColumnName();
            // Table and column names come from our own model, never from input.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false);", ct);
#pragma warning restore EF1002
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateTime Utc(DateOnly day, int hour, int minute)
    {
        LondonTime.TryToUtc(day.ToDateTime(new TimeOnly(hour, minute)), out var utc);
        return utc;
    }
}
