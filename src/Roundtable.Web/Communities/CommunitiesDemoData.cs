using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;

namespace Roundtable.Web.Communities;

// Published groups for the demo cohort, with one recorded session each, the next session with
// problem cards being prepared, buddy pairs with check-ins, and an open question for the team.
public static class CommunitiesDemoData
{
    private static readonly (string Problem, string Evidence, string Context, string Why, string Area)[] Problems =
    [
        ("Year 5 pupils forget key maths facts between units", "End-of-unit quizzes show 60% recall falling to 35% six weeks later.", "Two new teachers in upper key stage 2 this year.", "Gaps compound: the next units build on these facts.", "Curriculum and assessment"),
        ("Middle leaders are not following up on behaviour incidents consistently", "Logged incidents with no follow-up rose from 8% to 22% this term.", "We changed the behaviour system in September.", "Pupils notice inconsistency and low-level disruption grows.", "Behaviour"),
        ("Teaching assistants are deployed unevenly across classes", "Timetable audit: three classes have no TA support in the mornings.", "Budget pressure meant two TA posts were not replaced.", "Pupils with SEND in those classes get less support.", "Additional and special educational needs and disabilities"),
        ("New staff do not get enough time with their mentors", "Mentor logs show half the planned meetings happened last half-term.", "Mentors also lead subjects and cover absence.", "Early-career teachers who are not supported leave.", "Professional development"),
    ];

    public static async Task SeedAsync(AppDbContext db, int cohortId, TimeProvider time, CancellationToken ct = default)
    {
        var now = time.UtcNow();
        var formation = new GroupFormationService(db);
        var proposal = GroupFormationService.Propose(await formation.DelegatesAsync(cohortId, outsidePublishedGroups: true, ct), new GroupFormationOptions { Seed = 7 });
        await formation.SaveDraftAsync(cohortId, proposal, ct);
        var groups = await db.CommunityGroups.Include(g => g.Members).Where(g => g.CohortId == cohortId).OrderBy(g => g.Name).ToListAsync(ct);

        // The library: a team-edited copy as another programme's default, and one group on the
        // action learning set (or Troika, if it has three), so the choices show at once.
        var library = new ProtocolLibrary(db, time);
        await library.EnsurePresetsAsync(ct);
        var seedVersion = (await library.SeedPlanAsync(ct)).VersionId;
        var consultancy = await db.Protocols.Where(p => p.Key == ProtocolPresets.ConsultancyKey).Select(p => p.Id).FirstAsync(ct);
        var npqsl = await db.Programmes.Where(p => p.Code == "NPQSL").Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var copy = (await library.CopyAsync(consultancy, npqsl, null, ct)).Value!;
        var copied = (await library.PlanAsync(copy.Id, ct))!;
        var longerDiscussion = copied.Design with
        {
            Templates = copied.Design.Templates.Select(t => t.GroupSize != 4 ? t : new ProtocolTemplate(4,
                t.TurnSteps.Select(s => s.Name == "Discussion" ? new ProtocolStepDefinition(s.Name, 5, s.Speakers, s.OwnerSilent, s.Prompts, s.Note, s.Listeners) : s).Where(s => s.Name != "Probing questions"),
                t.Reconnect, t.Review)).ToList(),
        };
        await library.SaveVersionAsync(copy.Id, 1, "Consultancy protocol (senior leaders' timings)", "Our consultancy protocol with a longer discussion and no separate probing round for groups of four.", copied.SessionMinutes, longerDiscussion, null, ct);
        if (npqsl is { } programmeId)
        {
            await library.SetProgrammeDefaultAsync(programmeId, copy.Id, null, ct);
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, LondonTime.Zone));
        DateTime At(int daysFromToday) => TimeZoneInfo.ConvertTimeToUtc(today.AddDays(daysFromToday).ToDateTime(new TimeOnly(16, 0)), LondonTime.Zone);

        static DateTime SoonAfter(DateTime now) => new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc).AddMinutes(30);

        foreach (var (group, index) in groups.Select((g, i) => (g, i)))
        {
            group.Published = true;
            var members = group.Members.Select(m => m.UserId).ToList();
            var past = new CommunitySession { GroupId = group.Id, StartsAt = At(-21 + index), Mode = SessionMode.Online, Where = $"https://meet.example.org/roundtable-{group.Id}" };
            // The last group meets within the hour, so a newcomer can run its session live straight away.
            var startsSoon = index == groups.Count - 1;
            var next = new CommunitySession { GroupId = group.Id, StartsAt = startsSoon ? SoonAfter(now) : At(4 + index), Mode = index % 2 == 0 ? SessionMode.Online : SessionMode.InPerson,
                Where = index % 2 == 0 ? $"https://meet.example.org/roundtable-{group.Id}" : "Room 2, Larkfield Primary School" };
            var later = new CommunitySession { GroupId = group.Id, StartsAt = At(32 + index), Mode = SessionMode.Online, Where = $"https://meet.example.org/roundtable-{group.Id}" };
            past.ProtocolVersionId = seedVersion;
            (next.ProtocolVersionId, later.ProtocolVersionId) = (seedVersion, seedVersion);
            if (index == 1)
            {
                var own = await db.Protocols.Where(p => p.Key == (members.Count == 3 ? ProtocolPresets.TroikaKey : ProtocolPresets.ActionLearningKey))
                    .Select(p => new { p.Id, Version = p.Versions.First(v => v.Number == p.CurrentVersion).Id }).FirstAsync(ct);
                group.ProtocolId = own.Id;
                (next.ProtocolVersionId, later.ProtocolVersionId) = (own.Version, own.Version);
            }
            db.CommunitySessions.AddRange(past, next, later);
            if (index == 0)
            {
                // Calendar feeds show changes: this group's later session moved by a day, and an
                // extra one was cancelled.
                later.Change(At(33), later.Mode, later.Where, now);
                var cancelled = new CommunitySession { GroupId = group.Id, StartsAt = At(18), Mode = SessionMode.Online, Where = later.Where };
                cancelled.Cancel(now);
                db.CommunitySessions.Add(cancelled);
            }
            await db.SaveChangesAsync(ct);

            // The first session is recorded: chaired by the first in birthday order, as the rotation proposes.
            var order = await new CommunityQueries(db, new ProtocolSettings(db, time), time).ChairOrderAsync(group.Id, ct);
            var chair = order.Order[0].Entry.MemberId;
            past.ChairId = chair;
            past.Successes = "Each of us shared a success: a well-received parents' evening, a smoother lunchtime routine, a new reading scheme launched.";
            past.Reflections = "A common strand: we all underestimated how long it takes for a change to reach every classroom.";
            past.QuestionsForTeam = index == 0 ? "Could the programme team share the reading list for the school culture module again? The link in the handbook is broken." : null;
            past.NextChairId = order.Order.Count > 1 ? order.Order[1].Entry.MemberId : chair;
            past.RecordedAt = past.StartsAt.AddHours(1);
            for (var i = 0; i < members.Count; i++)
            {
                db.SessionAttendance.Add(new SessionAttendance { SessionId = past.Id, UserId = members[i], Present = i != members.Count - 1 || members.Count < 5 });
                db.SessionTurns.Add(new SessionTurn
                {
                    SessionId = past.Id, OwnerId = members[i], Position = i + 1,
                    ActionSteps = "Peers suggested: ask pupils what they find hardest; look at how other schools time their retrieval practice.",
                    ChosenAction = "Trial a five-minute retrieval starter in two classes for three weeks and compare quiz scores.",
                    FollowUp = i == 0 ? "Scores rose in both classes; the other teachers want to try it." : null,
                });
            }
            // Most members have prepared for the next session; the rest are reminded on their page.
            for (var i = 0; i < members.Count - 2; i++)
            {
                var p = Problems[(i + index) % Problems.Length];
                db.ProblemCards.Add(new ProblemCard
                {
                    SessionId = next.Id, OwnerId = members[i], Problem = p.Problem, Evidence = p.Evidence, Context = p.Context, Why = p.Why, FrameworkArea = p.Area,
                    Specific = SuitabilityAnswer.Yes, Solvable = SuitabilityAnswer.Yes,
                    Controllable = i == 1 ? SuitabilityAnswer.Unsure : SuitabilityAnswer.Yes,
                    UpdatedAt = now.AddDays(-1),
                });
            }
        }

        var ids = await db.Participants.Where(p => p.CohortId == cohortId).OrderBy(p => p.UserId).Select(p => p.UserId).ToListAsync(ct);
        var pairs = BuddyPairing.Pair(ids, [], seed: 11);
        foreach (var (pair, i) in pairs.Groups.Select((p, i) => (p, i)))
        {
            var entity = new BuddyPair
            {
                CohortId = cohortId, Round = "Autumn term", CreatedAt = now.AddDays(-60),
                Members = pair.MemberIds.Select(id => new BuddyPairMember { UserId = id }).ToList(),
            };
            if (i % 3 != 2)
            {
                entity.CheckIns.Add(new BuddyCheckIn { AuthorId = pair.MemberIds[0], Date = today.AddDays(-10 - i), Note = "Talked through the governors' meeting; agreed to share our SEF drafts next week.", CreatedAt = now.AddDays(-10 - i) });
            }
            db.BuddyPairs.Add(entity);
        }
        await db.SaveChangesAsync(ct);
    }
}
