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

// The DfE link for the programme team only (403 for every other role, 401 signed out).
public static class DfeApi
{
    public sealed record SyncResponse(int Applications, int Participants);
    public sealed record ApplicationResponse(int Id, string ParticipantId, string Name, string CourseIdentifier, string? SchoolUrn);
    public sealed record AcceptRequest(int? CohortId);
    public sealed record AcceptResponse(int Id, int DelegateId, string Status);
    public sealed record RejectRequest(string? Reason);
    public sealed record RejectResponse(int Id, string Status);

    public static RouteGroupBuilder MapDfeApi(this RouteGroupBuilder v1)
    {
        var dfe = v1.MapArea("DfE", "/dfe", Roles.ProgrammeTeam);
        dfe.MapPost("/sync", Sync)
            .WithName("SyncWithDfe").WithSummary("Bring applications and participants in from DfE now; answers when the sync has run")
            .Fails(FailureKind.Unavailable);
        dfe.MapGet("/applications", ListApplications)
            .WithName("ListDfeApplications").WithSummary("Applications from DfE for our courses; ?status=pending|accepted|rejected")
            .Fails(FailureKind.Invalid).Paged();
        dfe.MapPost("/applications/{id:int}/accept", Accept)
            .WithName("AcceptDfeApplication").WithSummary("Accept an application at DfE and make the applicant a delegate of the cohort")
            .Fails(FailureKind.Invalid, FailureKind.NotFound, FailureKind.Conflict, FailureKind.Refused, FailureKind.Unavailable);
        dfe.MapPost("/applications/{id:int}/reject", Reject)
            .WithName("RejectDfeApplication").WithSummary("Reject an application at DfE, with the reason")
            .Fails(FailureKind.Invalid, FailureKind.NotFound, FailureKind.Conflict, FailureKind.Refused, FailureKind.Unavailable);
        return v1;
    }

    private static async Task<Results<Ok<SyncResponse>, ProblemHttpResult>> Sync(DfeSync sync, CancellationToken ct)
    {
        var run = await sync.RunAsync(ct);
        return run.Failed
            ? new Failure(FailureKind.Unavailable, run.Outcome).ToProblem()
            : TypedResults.Ok(new SyncResponse(run.Applications, run.Participants));
    }

    private static async Task<Results<Ok<List<ApplicationResponse>>, ProblemHttpResult>> ListApplications(
        [FromQuery] string? status, [AsParameters] PageRequest page, HttpResponse response, AppDbContext db, CancellationToken ct)
    {
        DfeApplicationStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<DfeApplicationStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s) || int.TryParse(status, out _))
            {
                return Failure.Invalid(nameof(status), "status must be pending, accepted or rejected.").ToProblem();
            }
            filter = s;
        }
        if (page.Check() is { } outOfRange)
        {
            return outOfRange.ToProblem();
        }
        var query = db.DfeApplications.AsNoTracking();
        if (filter is { } f)
        {
            query = query.Where(a => a.Status == f);
        }
        var rows = await query.OrderBy(a => a.FullName).ThenBy(a => a.Id)
            .Select(a => new ApplicationResponse(a.Id, a.DfeParticipantId, a.FullName, a.CourseIdentifier, a.SchoolUrn))
            .ToPageAsync(page, response, ct);
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<AcceptResponse>, ProblemHttpResult>> Accept(int id, AcceptRequest? body, ClaimsPrincipal user,
        DfeApplications applications, CancellationToken ct)
    {
        var accepted = await applications.AcceptAsync(id, body?.CohortId, user.UserId(), ct);
        return accepted.Succeeded
            ? TypedResults.Ok(new AcceptResponse(id, accepted.Value.ParticipantRowId, "accepted"))
            : accepted.Failure.ToProblem();
    }

    private static async Task<Results<Ok<RejectResponse>, ProblemHttpResult>> Reject(int id, RejectRequest? body, ClaimsPrincipal user,
        DfeApplications applications, CancellationToken ct)
    {
        var rejected = await applications.RejectAsync(id, body?.Reason, user.UserId(), ct);
        return rejected.Succeeded ? TypedResults.Ok(new RejectResponse(id, "rejected")) : rejected.Failure.ToProblem();
    }
}
