using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Roundtable.Web.Infrastructure.Api;
using Roundtable.Web.People;

namespace Roundtable.Web.Infrastructure.Audit;

public static class AuditApi
{
    public sealed record AuditEntryResponse(DateTime At, string By, string Action, string RecordType, int RecordId, JsonObject? Changes);

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder v1)
    {
        var audit = v1.MapArea("Privacy", "/audit", Roles.ProgrammeTeam);
        audit.MapGet("", GetAudit)
            .WithName("ListAuditEntries")
            .WithSummary("The audit trail, newest first, filtered by record and person; paged (page, pageSize up to 200)")
            .Fails(FailureKind.Invalid);
        return v1;
    }

    private static async Task<Results<Ok<List<AuditEntryResponse>>, ProblemHttpResult>> GetAudit(
        [FromQuery] string? recordType, [FromQuery] int? recordId, [FromQuery] string? personId,
        [FromQuery] int? page, [FromQuery] int? pageSize, AuditTrail trail, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (page is < 1)
        {
            errors.Add(nameof(page), "Give page as a whole number from 1.");
        }
        if (pageSize is < 1 or > AuditTrail.MaxPageSize)
        {
            errors.Add(nameof(pageSize), $"Give pageSize as a whole number from 1 to {AuditTrail.MaxPageSize}.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var size = pageSize ?? AuditTrail.DefaultPageSize;
        var (rows, total) = await trail.PageAsync(new AuditFilter(recordType, recordId, personId), page ?? 1, size, ct);
        http.Response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(rows.Select(r => new AuditEntryResponse(r.At, r.By, r.Action, r.RecordType, r.RecordId, r.ChangesObject())).ToList());
    }
}
