using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;

namespace Roundtable.Web.Pages.Communities;

// The chair of the session (or the programme team) keeps its record.
public class RecordModel(AppDbContext db, CommunityQueries queries, SessionRecords records) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public string GroupName { get; private set; } = "";
    public DateTime StartsAt { get; private set; }
    public DateTime? NextSessionAt { get; private set; }
    public List<MemberView> Members { get; private set; } = [];
    public HashSet<string> WithCards { get; private set; } = [];
    public MemberView? ProposedNext { get; private set; }
    // A session run in breakouts: each breakout's own section (who was in it, who chaired, how far it got).
    public List<LiveSessions.LiveBreakout> Breakouts { get; private set; } = [];

    // The form's fields are named as they always were (Present, Turns[0].Position...), without a prefix.
    [BindProperty(Name = "")] public SessionRecordInput Input { get; set; } = new();

    public string NameOf(string memberId) => Members.FirstOrDefault(m => m.Id == memberId)?.Name ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var session = await LoadAsync(ct);
        if (session is null)
        {
            return NotFound();
        }
        Input = new SessionRecordInput
        {
            Present = session.Attendance.Where(a => a.Present).Select(a => a.UserId).ToList(),
            Successes = session.Successes,
            Reflections = session.Reflections,
            QuestionsForTeam = session.QuestionsForTeam,
            NextChairId = session.NextChairId ?? ProposedNext?.Id,
            Turns = Members.Select((m, i) =>
            {
                var turn = session.Turns.FirstOrDefault(t => t.OwnerId == m.Id);
                return new TurnRecordInput
                {
                    OwnerId = m.Id, Position = (turn?.Position ?? i + 1).ToString(CultureInfo.InvariantCulture),
                    ActionSteps = turn?.ActionSteps, ChosenAction = turn?.ChosenAction,
                };
            }).OrderBy(t => int.Parse(t.Position!, CultureInfo.InvariantCulture)).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null)
        {
            return NotFound();
        }
        Input = Input.ForMembers(Members.Select(m => m.Id).ToList());
        if (await records.RecordAsync(Id, Input, User, ct) is { } failure)
        {
            ModelState.AddFailure(failure, prefix: "");
            return Page();
        }
        TempData["Flash"] = "The session record is saved.";
        return RedirectToPage("Session", new { id = Id });
    }

    private async Task<CommunitySession?> LoadAsync(CancellationToken ct)
    {
        var session = await records.KeptByAsync(Id, User, ct);
        if (session is null)
        {
            return null;
        }
        GroupName = session.Group.Name;
        StartsAt = session.StartsAt;
        Members = await records.MembersAsync(session.GroupId, ct);
        WithCards = (await db.ProblemCards.Where(c => c.SessionId == Id).Select(c => c.OwnerId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        NextSessionAt = await db.CommunitySessions.Where(s => s.GroupId == session.GroupId && s.StartsAt > session.StartsAt)
            .OrderBy(s => s.StartsAt).Select(s => (DateTime?)s.StartsAt).FirstOrDefaultAsync(ct);
        // The rotation as if this session's chair has chaired: who comes after them.
        var chair = await queries.ChairForAsync(session, ct);
        var order = await queries.ChairOrderAsync(session.GroupId, ct);
        var next = session.RecordedAt is null && chair is not null ? ChairRotation.NextAfter(order.Order.Select(o => o.Entry).ToList(), chair.Id) : order.Next?.Id;
        ProposedNext = Members.FirstOrDefault(m => m.Id == next);
        Breakouts = await db.LiveBreakouts.AsNoTracking().Where(b => b.SessionId == Id && b.Status != LiveSessions.LiveStatus.NotStarted)
            .OrderBy(b => b.Number).Include(b => b.Members).ToListAsync(ct);
        return session;
    }
}
