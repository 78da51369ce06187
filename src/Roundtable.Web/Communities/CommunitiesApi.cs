using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Web.Communities;

public static class CommunitiesApi
{
    public const string LocalIso = "yyyy-MM-dd'T'HH:mm:ss";

    public sealed record AgendaStepResponse(string Phase, int? Turn, string Name, int Minutes, string Start, string End, string Speakers, bool OwnerSilent, IReadOnlyList<string> Prompts);
    public sealed record AgendaGroupResponse(int Size, IReadOnlyList<AgendaStepResponse> Steps);
    public sealed record AgendaResponse(int Participants, int TotalMinutes, string PlannedEnd, int OverrunMinutes, IReadOnlyList<AgendaGroupResponse> Groups, IReadOnlyList<string> Notes);

    public sealed record ProblemRequest(string? Problem, string? Evidence, string? Context, string? Why, string? FrameworkArea, string? Specific, string? Solvable, string? Controllable);
    public sealed record ProblemResponse(int Id, int SessionId, string Problem, string Evidence, string Context, string Why, string FrameworkArea,
        string Specific, string Solvable, string Controllable, bool Suitable, IReadOnlyList<string> FailedTests);

    public sealed record SessionSummary(int Id, string Start, string Mode, string Where);
    public sealed record GroupResponse(int Id, string Name, IReadOnlyList<MemberView> Members, IReadOnlyList<SessionSummary> Sessions);
    public sealed record ChairEntry(string Id, string Name, string Email, int Chaired);
    public sealed record ChairsResponse(IReadOnlyList<ChairEntry> Order, MemberView? Next);

    public sealed record ProposalRequest(double? PhaseWeight, double? RegionWeight, int? Seed);
    public sealed record ProposalMember(string Id, string Name, string Email, string School, string? Phase, string? Region);
    public sealed record ProposalGroup(int Number, IReadOnlyList<ProposalMember> Members, double Score, IReadOnlyList<string> Reasons, bool Flagged);
    public sealed record ProposalResponse(int CohortId, IReadOnlyList<ProposalGroup> Groups, IReadOnlyList<string> Problems);

    public static RouteGroupBuilder MapCommunitiesApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/protocol/agenda", GetAgenda);
        v1.MapPost("/problems", PostProblem).RequireAuthorization(Roles.Delegate);
        v1.MapGet("/groups/mine", GetMyGroups).RequireAuthorization(Roles.Delegate);
        v1.MapGet("/groups/{id:int}/chairs", GetChairs);
        v1.MapPost("/cohorts/{id:int}/groups/proposal", PostProposal).RequireAuthorization(Roles.ProgrammeTeam);
        return v1;
    }

    public static string Local(DateTimeOffset instant) => instant.ToString(LocalIso, CultureInfo.InvariantCulture);

    public static string Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, LondonTime.Zone).ToString(LocalIso, CultureInfo.InvariantCulture);

    private static async Task<Results<Ok<AgendaResponse>, ProblemHttpResult>> GetAgenda(
        [FromQuery] int? participants, [FromQuery] string? start, ProtocolSettings protocol, CancellationToken ct)
    {
        if (participants is null)
        {
            return TypedResults.Problem(statusCode: 400, title: "Malformed request", detail: "Give the number of participants, as participants=5.");
        }
        if (!DateTime.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var localStart) || start!.EndsWith('Z') || start.Contains('+', StringComparison.Ordinal))
        {
            return TypedResults.Problem(statusCode: 400, title: "Malformed request", detail: "Give the start as a local (UK) time without an offset, as start=2026-11-23T16:00.");
        }
        var result = AgendaBuilder.Build(participants.Value, DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified), LondonTime.Zone, await protocol.TemplatesAsync(ct));
        if (!result.Succeeded)
        {
            return TypedResults.Problem(statusCode: 422, title: "No protocol for this number", detail: result.Error);
        }
        return TypedResults.Ok(ToResponse(result.Agenda!));
    }

    public static AgendaResponse ToResponse(Agenda agenda) => new(
        agenda.Participants, agenda.TotalMinutes, Local(agenda.PlannedEnd), agenda.OverrunMinutes,
        agenda.Groups.Select(g => new AgendaGroupResponse(g.Size, g.Steps.Select(s =>
            new AgendaStepResponse(s.Phase.ToString(), s.Turn, s.Name, s.Minutes, Local(s.Start), Local(s.End), s.Speakers, s.OwnerSilent, s.Prompts)).ToList())).ToList(),
        agenda.Notes);

    private static async Task<Results<Created<ProblemResponse>, Ok<ProblemResponse>, ValidationProblem, ProblemHttpResult>> PostProblem(
        ProblemRequest body, ClaimsPrincipal user, AppDbContext db, CommunityQueries queries, TimeProvider time, CancellationToken ct)
    {
        var me = user.UserId();
        var session = await queries.NextSessionForAsync(me, ct);
        var areas = session is null ? ProblemSuitability.NpqhFrameworkAreas : await FrameworkArea.ForSessionAsync(db, session.Id, ct);
        var errors = ProblemCardRules.Validate(body.Problem, body.Evidence, body.Context, body.Why, body.FrameworkArea,
            body.Specific, body.Solvable, body.Controllable, areas, out var answers);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (session is null)
        {
            return TypedResults.Problem(statusCode: 422, title: "No session to prepare for", detail: "You have no upcoming community session, so there is nothing to prepare a problem for yet.");
        }
        var (card, created) = await ProblemCardRules.SaveAsync(db, session.Id, me, body.Problem!, body.Evidence!, body.Context!, body.Why!, body.FrameworkArea!, areas, answers, null, time, ct);
        if (card is null)
        {
            return TypedResults.Problem(statusCode: 409, title: "Saved at the same moment", detail: "Your problem card was saved from another window at the same moment. Reload it and try again.");
        }
        var response = ToResponse(card);
        return created ? TypedResults.Created($"/api/v1/problems/{card.Id}", response) : TypedResults.Ok(response);
    }

    private static ProblemResponse ToResponse(ProblemCard c)
    {
        var s = c.Suitability;
        static string Answer(SuitabilityAnswer a) => a.ToString().ToLowerInvariant();
        return new ProblemResponse(c.Id, c.SessionId, c.Problem, c.Evidence, c.Context, c.Why, c.FrameworkArea,
            Answer(c.Specific), Answer(c.Solvable), Answer(c.Controllable), s.Suitable, s.FailedTests);
    }

    private static async Task<Ok<List<GroupResponse>>> GetMyGroups(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var me = user.UserId();
        var groups = await db.CommunityGroups.AsNoTracking()
            .Where(g => g.Published && g.Members.Any(m => m.UserId == me))
            .OrderBy(g => g.Name)
            .Select(g => new
            {
                g.Id, g.Name,
                Members = g.Members.OrderBy(m => m.User.FullName).Select(m => new MemberView(m.UserId, m.User.FullName, m.User.Email!)).ToList(),
                Sessions = g.Sessions.OrderBy(s => s.StartsAt).Select(s => new { s.Id, s.StartsAt, s.Mode, s.Where }).ToList(),
            })
            .ToListAsync(ct);
        return TypedResults.Ok(groups.Select(g => new GroupResponse(g.Id, g.Name, g.Members,
            g.Sessions.Select(s => new SessionSummary(s.Id, Local(s.StartsAt), s.Mode.ToString(), s.Where)).ToList())).ToList());
    }

    private static async Task<Results<Ok<ChairsResponse>, ProblemHttpResult>> GetChairs(int id, ClaimsPrincipal user, CommunityQueries queries, CancellationToken ct)
    {
        if (!await queries.CanViewGroupAsync(id, user, ct))
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: "There is no group with that id that you can see.");
        }
        var chairs = await queries.ChairOrderAsync(id, ct);
        return TypedResults.Ok(new ChairsResponse(
            chairs.Order.Select(o => new ChairEntry(o.Entry.MemberId, o.Entry.Name, o.Email, o.Entry.TimesChaired)).ToList(), chairs.Next));
    }

    private static async Task<Results<Ok<ProposalResponse>, ProblemHttpResult>> PostProposal(
        int id, [FromBody] ProposalRequest? body, AppDbContext db, GroupFormationService formation, CancellationToken ct)
    {
        if (!await db.Cohorts.AnyAsync(c => c.Id == id, ct))
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: "There is no cohort with that id.");
        }
        var options = new GroupFormationOptions
        {
            PhaseWeight = body?.PhaseWeight ?? 2,
            RegionWeight = body?.RegionWeight ?? 1,
            Seed = body?.Seed ?? id,
        };
        if (options.PhaseWeight is < 0 or > 10 || options.RegionWeight is < 0 or > 10)
        {
            return TypedResults.Problem(statusCode: 400, title: "Malformed request", detail: "Weights run from 0 to 10.");
        }
        var proposal = GroupFormationService.Propose(await formation.DelegatesAsync(id, outsidePublishedGroups: false, ct), options);
        return TypedResults.Ok(new ProposalResponse(id,
            proposal.Groups.Select(g => new ProposalGroup(g.Number,
                g.Members.Select(m => new ProposalMember(m.Id, m.Name, m.Email, m.School, m.Phase?.ToString(), m.Region?.ToString())).ToList(),
                g.Score, g.Reasons, g.Flagged)).ToList(),
            proposal.Problems));
    }
}
