using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Web.Pages.Communities;

// Members of the group, their tutors and the programme team.
public class SessionModel(AppDbContext db, CommunityQueries queries, TimeProvider time) : PageModel
{
    public sealed record CardView(int Id, string Owner, string Problem, string Evidence, string Context, string Why, string Area, bool Suitable, string? ArtefactName);
    public sealed record TurnView(int Position, string Owner, string? ActionSteps, string? ChosenAction, string? FollowUp);
    public sealed record FollowUpView(int TurnId, string? ChosenAction, string? FollowUp);

    public CommunitySession Session { get; private set; } = null!;
    public string GroupName { get; private set; } = "";
    public MemberView? Chair { get; private set; }
    public Agenda? Agenda { get; private set; }
    public string? AgendaError { get; private set; }
    public List<CardView> Cards { get; private set; } = [];
    public List<TurnView> Turns { get; private set; } = [];
    public List<string> Present { get; private set; } = [];
    public List<FollowUpView> FollowUps { get; private set; } = [];
    public string? NextChairName { get; private set; }
    public bool IsMember { get; private set; }
    public bool Upcoming { get; private set; }
    public bool MyCardExists { get; private set; }
    public bool CanRecord { get; private set; }
    public bool OnlyOwnDelegates { get; private set; }
    public string BackLink => User.IsInRole(Roles.ProgrammeTeam) ? $"/Programme/Communities/Group/{Session.GroupId}" : User.IsInRole(Roles.Delegate) ? "/Communities" : "/Tutor";

    // The follow-up form's fields are TurnId and FollowUpText, without a prefix.
    [BindProperty(Name = "")] public FollowUpInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFollowUpAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var me = User.UserId();
        var turn = await db.SessionTurns.FirstOrDefaultAsync(t => t.Id == Input.TurnId && t.OwnerId == me && t.Session.GroupId == Session.GroupId, ct);
        if (turn is null)
        {
            return NotFound();
        }
        var followUp = Input.Check();
        if (!followUp.Succeeded)
        {
            ModelState.AddFailure(followUp.Failure, prefix: "");
            return Page();
        }
        turn.FollowUp = followUp.Value;
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Saved what happened.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var session = await db.CommunitySessions.AsNoTracking().Include(s => s.Attendance).Include(s => s.Group).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return false;
        }
        // A member may see the group: the wider check only for everyone else.
        IsMember = await queries.IsMemberAsync(session.GroupId, User, ct);
        if (!IsMember && !await queries.CanViewGroupAsync(session.GroupId, User, ct))
        {
            return false;
        }
        Session = session;
        GroupName = session.Group.Name;
        var me = User.UserId();
        Upcoming = session.StartsAt > time.UtcNow();
        Chair = await queries.ChairForAsync(session, ct);
        CanRecord = SessionRecord.MayKeep(User.IsInRole(Roles.ProgrammeTeam), IsMember, Chair?.Id, me);
        var agenda = await queries.AgendaForAsync(session, ct);
        (Agenda, AgendaError) = (agenda.Value, agenda.Failure?.Message);

        // A tutor without sight of whole groups sees only their own delegates' cards and turns.
        var owners = await queries.CardOwnersVisibleAsync(session.GroupId, User, IsMember, ct);
        OnlyOwnDelegates = owners is not null;
        var cards = await db.ProblemCards.AsNoTracking().Where(c => c.SessionId == id && (owners == null || owners.Contains(c.OwnerId))).OrderBy(c => c.Owner.FullName)
            .Select(c => new { c.Id, c.OwnerId, Owner = c.Owner.FullName, c.Problem, c.Evidence, c.Context, c.Why, c.FrameworkArea, c.Specific, c.Solvable, c.Controllable, Artefact = c.Artefact!.FileName })
            .ToListAsync(ct);
        Cards = cards.Select(c => new CardView(c.Id, c.Owner, c.Problem, c.Evidence, c.Context, c.Why, c.FrameworkArea,
            ProblemSuitability.Check(new SuitabilityAnswers(c.Specific, c.Solvable, c.Controllable)).Suitable, c.Artefact)).ToList();
        MyCardExists = cards.Any(c => c.OwnerId == me);

        Turns = await db.SessionTurns.AsNoTracking().Where(t => t.SessionId == id && (owners == null || owners.Contains(t.OwnerId))).OrderBy(t => t.Position)
            .Select(t => new TurnView(t.Position, t.Owner.FullName, t.ActionSteps, t.ChosenAction, t.FollowUp)).ToListAsync(ct);
        var presentIds = session.Attendance.Where(a => a.Present).Select(a => a.UserId).ToList();
        Present = presentIds.Count == 0 ? [] : await db.Users.Where(u => presentIds.Contains(u.Id)).OrderBy(u => u.FullName).Select(u => u.FullName).ToListAsync(ct);
        NextChairName = session.NextChairId is null ? null : await db.Users.Where(u => u.Id == session.NextChairId).Select(u => u.FullName).FirstOrDefaultAsync(ct);

        // At reconnect each owner sees the action they chose at the group's previous session.
        if (IsMember)
        {
            var previous = db.CommunitySessions
                .Where(s => s.GroupId == session.GroupId && s.StartsAt < session.StartsAt && s.RecordedAt != null)
                .OrderByDescending(s => s.StartsAt).Select(s => (int?)s.Id);
            FollowUps = await db.SessionTurns.AsNoTracking()
                .Where(t => t.SessionId == previous.FirstOrDefault() && t.OwnerId == me && t.ChosenAction != null)
                .Select(t => new FollowUpView(t.Id, t.ChosenAction, t.FollowUp)).ToListAsync(ct);
        }
        return true;
    }
}
