using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Api;
using Roundtable.Web.Infrastructure.Audit;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;

namespace Roundtable.Web.Privacy;

public static class PrivacyApi
{
    public sealed record EraseRequest(bool? Confirm);

    public static RouteGroupBuilder MapPrivacyApi(this RouteGroupBuilder v1)
    {
        var privacy = v1.MapArea("Personal data");
        // Anyone signed in: their own data only.
        privacy.MapGet("/me/export", GetMyExport)
            .WithName("ExportMyData").WithSummary("A ZIP of everything held about the signed-in person: JSON per kind of record and their files")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/zip")
            .Fails(FailureKind.NotFound);
        privacy.MapGet("/people/{id}/export", GetPersonExport).RequireAuthorization(Roles.ProgrammeTeam)
            .WithName("ExportPersonData").WithSummary("A subject access export for anyone (programme team); audited")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/zip")
            .Fails(FailureKind.NotFound);
        privacy.MapPost("/people/{id}/erase", PostErase).RequireAuthorization(Roles.ProgrammeTeam)
            .WithName("ErasePerson").WithSummary("Erase a person: deletes what may go, anonymises what must be kept; needs { \"confirm\": true }")
            .Fails(FailureKind.NotFound, FailureKind.Conflict, FailureKind.Refused);
        return v1;
    }

    public static string ExportFileName(DateOnly on) => $"roundtable-personal-data-{on:yyyy-MM-dd}.zip";

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetMyExport(ClaimsPrincipal principal, PersonalDataExport export, TimeProvider time, CancellationToken ct)
    {
        var files = await export.FilesAsync(principal.UserId(), ct);
        return files is null
            ? Failure.NotFound("Your account no longer exists.").ToProblem()
            : TypedResults.File(PersonalDataExport.Zip(files), "application/zip", ExportFileName(LondonTime.Today(time)));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPersonExport(string id, ClaimsPrincipal principal, PersonalDataExport export,
        AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var files = await export.FilesAsync(id, ct);
        if (files is null)
        {
            return Failure.NotFound("There is no such person.").ToProblem();
        }
        db.AuditEntries.Add(AuditEntry.Of(Erasure.AuditSubject, 0, "Exported", principal.UserId(), time.UtcNow(), $"Personal data of person {id} exported (subject access)"));
        await db.SaveChangesAsync(ct);
        return TypedResults.File(PersonalDataExport.Zip(files), "application/zip", ExportFileName(LondonTime.Today(time)));
    }

    private static async Task<Results<Ok<ErasureSummary>, ProblemHttpResult>> PostErase(string id, EraseRequest? request, ClaimsPrincipal principal, Erasure erasure, CancellationToken ct)
    {
        if (request?.Confirm != true)
        {
            return Failure.Refused("Erasing a person cannot be undone: send { \"confirm\": true } to go ahead.", nameof(EraseRequest.Confirm)).ToProblem();
        }
        var result = await erasure.EraseAsync(id, principal.UserId(), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Failure.ToProblem();
    }
}
