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
            .WithSummary("The audit trail, newest first, filtered by record and person")
            .Paged();
        return v1;
    }

    private static async Task<Results<Ok<List<AuditEntryResponse>>, ProblemHttpResult>> GetAudit(
        [FromQuery] string? recordType, [FromQuery] int? recordId, [FromQuery] string? personId,
        [AsParameters] PageRequest page, HttpResponse response, AuditTrail trail, CancellationToken ct)
    {
        if (page.Check() is { } outOfRange)
        {
            return outOfRange.ToProblem();
        }
        var entries = await trail.Newest(new AuditFilter(recordType, recordId, personId)).ToPageAsync(page, response, ct);
        var rows = await trail.RowsAsync(entries, ct);
        return TypedResults.Ok(rows.Select(r => new AuditEntryResponse(r.At, r.By, r.Action, r.RecordType, r.RecordId, r.ChangesObject())).ToList());
    }
}
