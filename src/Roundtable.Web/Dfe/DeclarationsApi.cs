using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Api;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Web.Dfe;

// Declarations to DfE, for the programme team. delegateId is the delegate's place on a cohort (one
// person on two programmes has two); participantId is DfE's participant id. declarationDate is
// the date-time the evidence rests on, in UTC as DfE takes it (2026-10-01T09:00:00Z).
public static class DeclarationsApi
{
    public sealed record ReadyResponse(int DelegateId, string ParticipantId, string DeclarationType, string DeclarationDate, string Evidence);
    public sealed record DeclarationResponse(int Id, int DelegateId, string ParticipantId, string DeclarationType, string DeclarationDate, string Evidence,
        bool? HasPassed, string State, string? DfeId, string? DfeState, string? StatementId, string? Error);
    public sealed record SubmitRequest(IReadOnlyList<int>? DelegateIds);
    public sealed record SubmitResponse(int DelegateId, string DeclarationType, string Status, string? DfeId, string? Error);

    private const string StateError = "state must be one of ready, submitting, submitted, refused, failed, voided.";

    public static RouteGroupBuilder MapDeclarationsApi(this RouteGroupBuilder v1)
    {
        var declarations = v1.MapArea("DfE", "/dfe/declarations", Roles.ProgrammeTeam);
        declarations.MapGet("", GetDeclarations)
            .WithName("ListDfeDeclarations").WithSummary("Declarations ready to send (state=ready, the default, with their evidence), or those in another state with DfE's answer")
            .Produces<List<DeclarationResponse>>()
            .Fails(FailureKind.Invalid).Paged();
        declarations.MapPost("/submit", Submit)
            .WithName("SubmitDfeDeclarations").WithSummary("Send the ready declarations of some delegates (delegateIds), or all ready ones ({}), to DfE; each one's result")
            .Fails(FailureKind.Invalid);
        declarations.MapPost("/{id:int}/void", Void)
            .WithName("VoidDfeDeclaration").WithSummary("Void a declaration DfE accepted in error")
            .Fails(FailureKind.NotFound, FailureKind.Conflict, FailureKind.Refused, FailureKind.Unavailable);
        return v1;
    }

    private static async Task<Results<Ok<List<ReadyResponse>>, Ok<List<DeclarationResponse>>, ProblemHttpResult>> GetDeclarations(
        [FromQuery] string? state, [AsParameters] PageRequest page, HttpResponse response, DeclarationProposals proposals, AppDbContext db, CancellationToken ct)
    {
        if (!TryParseState(state, out var wanted))
        {
            return Failure.Invalid(nameof(state), StateError).ToProblem();
        }
        if (page.Check() is { } outOfRange)
        {
            return outOfRange.ToProblem();
        }
        if (wanted == DeclarationState.Ready)
        {
            var ready = (await proposals.ReadyAsync(null, ct)).ToPage(page, response);
            return TypedResults.Ok(ready.Select(r => new ReadyResponse(r.ParticipantId, r.DfeParticipantId, r.DeclarationProposal.Type.DfeName(), DateText(r.DeclarationProposal.Date), r.DeclarationProposal.Evidence)).ToList());
        }
        var rows = await db.Declarations.AsNoTracking().Include(d => d.Participant).Where(d => d.State == wanted)
            .OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).ToPageAsync(page, response, ct);
        return TypedResults.Ok(rows.Select(ToResponse).ToList());
    }

    private static async Task<Results<Ok<List<SubmitResponse>>, ProblemHttpResult>> Submit(
        SubmitRequest? body, ClaimsPrincipal user, DeclarationSubmissions submissions, CancellationToken ct)
    {
        var ids = body?.DelegateIds;
        if (ids is { Count: 0 })
        {
            return Failure.Invalid(nameof(SubmitRequest.DelegateIds), "Give the delegates whose declarations to send as delegateIds, or send {} for every ready declaration.").ToProblem();
        }
        var results = await submissions.SubmitAsync(ids?.Distinct().ToList(), user.UserId(), ct);
        return TypedResults.Ok(results.Select(r => new SubmitResponse(r.ParticipantId, r.Type.DfeName(), StatusName(r.Status), r.DfeId, r.Error)).ToList());
    }

    private static async Task<Results<Ok<DeclarationResponse>, ProblemHttpResult>> Void(int id, ClaimsPrincipal user, DeclarationSubmissions submissions, CancellationToken ct)
    {
        var voided = await submissions.VoidAsync(id, user.UserId(), ct);
        return voided.Succeeded ? TypedResults.Ok(ToResponse(voided.Value)) : voided.Failure.ToProblem();
    }

    // The contract's three outcomes of a submission: a row left Submitting counts as failed until settled.
    public static string StatusName(DeclarationState state) => state switch
    {
        DeclarationState.Submitted => "submitted",
        DeclarationState.Refused => "refused",
        _ => "failed",
    };

    public static string DateText(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static bool TryParseState(string? text, out DeclarationState state)
    {
        state = DeclarationState.Ready;
        // By name only: Enum.TryParse would also take "1".
        return string.IsNullOrWhiteSpace(text)
            || (!text.Any(char.IsAsciiDigit) && Enum.TryParse(text.Trim(), ignoreCase: true, out state) && Enum.IsDefined(state));
    }

    private static DeclarationResponse ToResponse(Declaration d) =>
        new(d.Id, d.ParticipantId, d.Participant.DfeParticipantId ?? "", d.Type.DfeName(), DateText(d.DeclarationDate), d.Evidence, d.HasPassed,
            d.State.ToString().ToLowerInvariant(), d.DfeId, d.DfeState, d.StatementId, d.Error);
}
