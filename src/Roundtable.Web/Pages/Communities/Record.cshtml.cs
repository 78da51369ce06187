using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Communities;

// The chair of the session (or the programme team) keeps its record.
public class RecordModel(AppDbContext db, CommunityQueries queries, TimeProvider time) : PageModel
{
    public sealed class TurnInput
    {
        public string OwnerId { get; set; } = "";
        public string OwnerName { get; set; } = "";
        public bool HasCard { get; set; }
        public string? Position { get; set; }
        public string? ActionSteps { get; set; }
        public string? ChosenAction { get; set; }
    }

    [FromRoute] public int Id { get; set; }
    public string GroupName { get; private set; } = "";
    public DateTime StartsAt { get; private set; }
    public DateTime? NextSessionAt { get; private set; }
    public List<MemberView> Members { get; private set; } = [];
    public MemberView? ProposedNext { get; private set; }

    [BindProperty] public List<string> Present { get; set; } = [];
    [BindProperty] public string? Successes { get; set; }
    [BindProperty] public List<TurnInput> Turns { get; set; } = [];
    [BindProperty] public string? Reflections { get; set; }
    [BindProperty] public string? QuestionsForTeam { get; set; }
    [BindProperty] public string? NextChairId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var session = await LoadAsync(ct);
        if (session is null)
        {
            return NotFound();
        }
        Present = session.Attendance.Where(a => a.Present).Select(a => a.UserId).ToList();
        Successes = session.Successes;
        Reflections = session.Reflections;
        QuestionsForTeam = session.QuestionsForTeam;
        NextChairId = session.NextChairId ?? ProposedNext?.Id;
        var cards = await db.ProblemCards.Where(c => c.SessionId == Id).Select(c => c.OwnerId).ToListAsync(ct);
        Turns = Members.Select((m, i) =>
        {
            var turn = session.Turns.FirstOrDefault(t => t.OwnerId == m.Id);
            return new TurnInput
            {
                OwnerId = m.Id, OwnerName = m.Name, HasCard = cards.Contains(m.Id),
                Position = (turn?.Position ?? i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ActionSteps = turn?.ActionSteps, ChosenAction = turn?.ChosenAction,
            };
        }).OrderBy(t => int.Parse(t.Position!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var session = await LoadAsync(ct);
        if (session is null)
        {
            return NotFound();
        }
        var memberIds = Members.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        Turns = Turns.Where(t => memberIds.Contains(t.OwnerId)).ToList();
        foreach (var t in Turns)
        {
            t.OwnerName = Members.First(m => m.Id == t.OwnerId).Name;
        }
        Validate(memberIds);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var attendance = await db.SessionAttendance.Where(a => a.SessionId == Id).ToListAsync(ct);
        foreach (var memberId in memberIds)
        {
            var row = attendance.FirstOrDefault(a => a.UserId == memberId);
            if (row is null)
            {
                row = new SessionAttendance { SessionId = Id, UserId = memberId };
                db.SessionAttendance.Add(row);
            }
            row.Present = Present.Contains(memberId);
        }
        var turns = await db.SessionTurns.Where(t => t.SessionId == Id).ToListAsync(ct);
        foreach (var input in Turns)
        {
            var turn = turns.FirstOrDefault(t => t.OwnerId == input.OwnerId);
            var hasContent = !string.IsNullOrWhiteSpace(input.ActionSteps) || !string.IsNullOrWhiteSpace(input.ChosenAction) || Present.Contains(input.OwnerId);
            if (turn is null && !hasContent)
            {
                continue;
            }
            if (turn is null)
            {
                turn = new SessionTurn { SessionId = Id, OwnerId = input.OwnerId };
                db.SessionTurns.Add(turn);
            }
            turn.Position = int.Parse(input.Position!, System.Globalization.CultureInfo.InvariantCulture);
            turn.ActionSteps = Clean(input.ActionSteps);
            turn.ChosenAction = Clean(input.ChosenAction);
        }
        var tracked = await db.CommunitySessions.FirstAsync(s => s.Id == Id, ct);
        tracked.Successes = Clean(Successes);
        tracked.Reflections = Clean(Reflections);
        tracked.QuestionsForTeam = Clean(QuestionsForTeam);
        tracked.NextChairId = NextChairId;
        tracked.ChairId ??= (await queries.ChairForAsync(session, ct))?.Id ?? User.UserId();
        tracked.RecordedAt = time.UtcNow();
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "The session record is saved.";
        return RedirectToPage("Session", new { id = Id });
    }

    private void Validate(HashSet<string> memberIds)
    {
        if (Present.Any(p => !memberIds.Contains(p)))
        {
            ModelState.AddModelError("", "Choose who is here from the group's members");
        }
        if (string.IsNullOrEmpty(NextChairId) || !memberIds.Contains(NextChairId))
        {
            ModelState.AddModelError(nameof(NextChairId), "Choose the chair for the next meeting from the group");
        }
        foreach (var (text, key) in new[] { (Successes, nameof(Successes)), (Reflections, nameof(Reflections)), (QuestionsForTeam, nameof(QuestionsForTeam)) })
        {
            if (text?.Length > CommunitySession.TextMaxLength)
            {
                ModelState.AddModelError(key, "Write at most 4,000 characters");
            }
        }
        var positions = new HashSet<int>();
        for (var i = 0; i < Turns.Count; i++)
        {
            if (!int.TryParse(Turns[i].Position, System.Globalization.CultureInfo.InvariantCulture, out var p) || p < 1 || p > Turns.Count)
            {
                ModelState.AddModelError($"Turns[{i}].Position", $"Give {Turns[i].OwnerName}'s turn a number from 1 to {Turns.Count}");
            }
            else if (!positions.Add(p))
            {
                ModelState.AddModelError($"Turns[{i}].Position", $"Turn {p} is given to two people: give each a different number");
            }
            if (Turns[i].ActionSteps?.Length > CommunitySession.TextMaxLength || Turns[i].ChosenAction?.Length > CommunitySession.TextMaxLength)
            {
                ModelState.AddModelError($"Turns[{i}].Position", $"Write at most 4,000 characters for {Turns[i].OwnerName}'s turn");
            }
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<CommunitySession?> LoadAsync(CancellationToken ct)
    {
        var session = await db.CommunitySessions.AsNoTracking().Include(s => s.Group).Include(s => s.Attendance).Include(s => s.Turns)
            .FirstOrDefaultAsync(s => s.Id == Id, ct);
        if (session is null)
        {
            return null;
        }
        var me = User.UserId();
        var chair = await queries.ChairForAsync(session, ct);
        var allowed = User.IsInRole(Roles.ProgrammeTeam) || (chair?.Id == me && await queries.IsMemberAsync(session.GroupId, me, ct));
        if (!allowed)
        {
            return null;
        }
        GroupName = session.Group.Name;
        StartsAt = session.StartsAt;
        Members = await db.CommunityMembers.AsNoTracking().Where(m => m.GroupId == session.GroupId).OrderBy(m => m.User.FullName)
            .Select(m => new MemberView(m.UserId, m.User.FullName, m.User.Email!)).ToListAsync(ct);
        NextSessionAt = await db.CommunitySessions.Where(s => s.GroupId == session.GroupId && s.StartsAt > session.StartsAt)
            .OrderBy(s => s.StartsAt).Select(s => (DateTime?)s.StartsAt).FirstOrDefaultAsync(ct);
        // The rotation as if this session's chair has chaired: who comes after them.
        var order = await queries.ChairOrderAsync(session.GroupId, ct);
        ProposedNext = session.RecordedAt is null && chair is not null
            ? NextAfter(order, chair.Id)
            : order.Next;
        return session;
    }

    private MemberView? NextAfter(ChairOrderView order, string chairId)
    {
        var candidates = order.Order.Select(o => new ChairCandidate(o.Entry.MemberId, o.Entry.Name, o.Entry.Birthday)).ToList();
        var history = order.Order.SelectMany(o => Enumerable.Repeat(o.Entry.MemberId, o.Entry.TimesChaired)).ToList();
        // History order matters only for where the rotation resumes, and it resumes after this chair.
        history.Add(chairId);
        var next = ChairRotation.ProposeNext(candidates, history).ProposedNextChairId;
        return Members.FirstOrDefault(m => m.Id == next);
    }
}
