using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Api;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Web.Communities;

public static class CommunitiesApi
{
    public const string LocalIso = "yyyy-MM-dd'T'HH:mm:ss";

    public sealed record AgendaStepResponse(string Phase, int? Turn, string Name, int Minutes, string Start, string End, string Speakers, bool OwnerSilent, IReadOnlyList<string> Prompts);
    public sealed record AgendaGroupResponse(int Size, IReadOnlyList<AgendaStepResponse> Steps);
    public sealed record AgendaResponse(int Participants, int TotalMinutes, string PlannedEnd, int OverrunMinutes, IReadOnlyList<AgendaGroupResponse> Groups, IReadOnlyList<string> Notes);

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

    // The agenda is a calculation anyone signed in may ask for; who may see a group's chairs is
    // decided per group (members, their tutors, the programme team), so others get 404.
    public static void MapCommunitiesApi(this IEndpointRouteBuilder v1)
    {
        var communities = v1.MapArea("Communities");
        communities.MapGet("/protocol/agenda", GetAgenda)
            .WithName("GetAgenda").WithSummary("The agenda of a session for a number of people and a UK start time, on the seed's protocol or one from the library")
            .Fails(FailureKind.Invalid, FailureKind.NotFound, FailureKind.Refused);
        communities.MapGet("/protocols", GetProtocols)
            .WithName("GetProtocols").WithSummary("The protocol library: each protocol's group sizes, session minutes and when to use it").Paged();
        communities.MapPost("/problems", PostProblem).RequireAuthorization(Roles.Delegate)
            .WithName("SaveProblemCard").WithSummary("Create or update the delegate's problem card for their next session")
            .Fails(FailureKind.Invalid, FailureKind.Conflict, FailureKind.Refused);
        communities.MapGet("/groups/mine", GetMyGroups).RequireAuthorization(Roles.Delegate)
            .WithName("GetMyGroups").WithSummary("The delegate's published groups with their members and sessions").Paged();
        communities.MapGet("/groups/{id:int}/chairs", GetChairs)
            .WithName("GetChairOrder").WithSummary("A group's chair rotation and who chairs next")
            .Fails(FailureKind.NotFound);
        communities.MapPost("/cohorts/{id:int}/groups/proposal", PostProposal).RequireAuthorization(Roles.ProgrammeTeam)
            .WithName("ProposeGroups").WithSummary("Propose community groups for a cohort (nothing is saved)")
            .Fails(FailureKind.Invalid, FailureKind.NotFound);
    }

    public static string Local(DateTimeOffset instant) => instant.ToString(LocalIso, CultureInfo.InvariantCulture);

    public static string Local(DateTime utc) => UkFormat.IsoLocal(utc);

    public sealed record ProtocolResponse(int Id, string Name, IReadOnlyList<int> Sizes, int Minutes, string Description);

    // The library grows with the team's own copies: paged like every other list (issue 12).
    private static async Task<Results<Ok<List<ProtocolResponse>>, ProblemHttpResult>> GetProtocols(
        [AsParameters] PageRequest page, HttpResponse response, ProtocolLibrary library, CancellationToken ct)
    {
        if (page.Check() is { } outOfRange)
        {
            return outOfRange.ToProblem();
        }
        var protocols = (await library.ListAsync(ct)).Select(p => new ProtocolResponse(p.Id, p.Name, p.Sizes, p.SessionMinutes, p.Description)).ToList();
        return TypedResults.Ok(protocols.ToPage(page, response));
    }

    private static async Task<Results<Ok<AgendaResponse>, ProblemHttpResult>> GetAgenda(
        [FromQuery] int? participants, [FromQuery] string? start, [FromQuery] int? protocol, ProtocolLibrary library, CancellationToken ct)
    {
        if (participants is null)
        {
            return Malformed(nameof(participants), "Give the number of participants, as participants=5.");
        }
        if (!DateTime.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var localStart) || start!.EndsWith('Z') || start.Contains('+', StringComparison.Ordinal))
        {
            return Malformed(nameof(start), "Give the start as a local (UK) time without an offset, as start=2026-11-23T16:00.");
        }
        var plan = protocol is { } id ? await library.PlanAsync(id, ct) : await library.SeedPlanAsync(ct);
        if (plan is null)
        {
            return Failure.NotFound("There is no protocol with that id in the library.").ToProblem();
        }
        var agenda = AgendaBuilder.Build(participants.Value, DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified), LondonTime.Zone, plan);
        return agenda.Succeeded ? TypedResults.Ok(ToResponse(agenda.Value)) : agenda.Failure.ToProblem();
    }

    private static ProblemHttpResult Malformed(string field, string message) =>
        (Failure.Invalid(field, message) with { Title = "Malformed request" }).ToProblem();

    public static AgendaResponse ToResponse(Agenda agenda) => new(
        agenda.Participants, agenda.TotalMinutes, Local(agenda.PlannedEnd), agenda.OverrunMinutes,
        agenda.Groups.Select(g => new AgendaGroupResponse(g.Size, g.Steps.Select(s =>
            new AgendaStepResponse(s.Phase.ToString(), s.Turn, s.Name, s.Minutes, Local(s.Start), Local(s.End), s.Speakers, s.OwnerSilent, s.Prompts)).ToList())).ToList(),
        agenda.Notes);

    private static async Task<Results<Created<ProblemResponse>, Ok<ProblemResponse>, ProblemHttpResult>> PostProblem(
        ProblemCardInput body, ClaimsPrincipal user, ProblemCards cards, CancellationToken ct)
    {
        var saved = await cards.SaveForNextSessionAsync(user.UserId(), body, ct);
        if (!saved.Succeeded)
        {
            return saved.Failure.ToProblem();
        }
        var (card, created) = saved.Value;
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

    private static async Task<Results<Ok<List<GroupResponse>>, ProblemHttpResult>> GetMyGroups(
        [AsParameters] PageRequest page, HttpResponse response, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        if (page.Check() is { } outOfRange)
        {
            return outOfRange.ToProblem();
        }
        var me = user.UserId();
        var groups = await db.CommunityGroups.AsNoTracking()
            .Where(g => g.Published && g.Members.Any(m => m.UserId == me))
            .OrderBy(g => g.Name).ThenBy(g => g.Id)
            .Select(g => new
            {
                g.Id, g.Name,
                Members = g.Members.OrderBy(m => m.User.FullName).Select(m => new MemberView(m.UserId, m.User.FullName, m.User.Email!)).ToList(),
                Sessions = g.Sessions.OrderBy(s => s.StartsAt).Select(s => new { s.Id, s.StartsAt, s.Mode, s.Where }).ToList(),
            })
            .ToPageAsync(page, response, ct);
        return TypedResults.Ok(groups.Select(g => new GroupResponse(g.Id, g.Name, g.Members,
            g.Sessions.Select(s => new SessionSummary(s.Id, Local(s.StartsAt), s.Mode.ToString(), s.Where)).ToList())).ToList());
    }

    private static async Task<Results<Ok<ChairsResponse>, ProblemHttpResult>> GetChairs(int id, ClaimsPrincipal user, CommunityQueries queries, CancellationToken ct)
    {
        if (!await queries.CanViewGroupAsync(id, user, ct))
        {
            return Failure.NotFound("There is no group with that id that you can see.").ToProblem();
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
            return Failure.NotFound("There is no cohort with that id.").ToProblem();
        }
        var defaults = new FormationWeights();
        var weights = new FormationWeights { PhaseWeight = body?.PhaseWeight ?? defaults.PhaseWeight, RegionWeight = body?.RegionWeight ?? defaults.RegionWeight };
        if (weights.Check() is { } outOfRange)
        {
            return (outOfRange with { Title = "Malformed request" }).ToProblem();
        }
        var proposal = GroupFormationService.Propose(await formation.DelegatesAsync(id, outsidePublishedGroups: false, ct), weights.Options(body?.Seed ?? id));
        return TypedResults.Ok(new ProposalResponse(id,
            proposal.Groups.Select(g => new ProposalGroup(g.Number,
                g.Members.Select(m => new ProposalMember(m.Id, m.Name, m.Email, m.School, m.Phase?.ToString(), m.Region?.ToString())).ToList(),
                g.Score, g.Reasons, g.Flagged)).ToList(),
            proposal.Problems));
    }
}
