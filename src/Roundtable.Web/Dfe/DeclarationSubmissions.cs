using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;

namespace Roundtable.Web.Dfe;

// What became of one declaration sent (or found already sent) to DfE.
public sealed record SubmitResult(int DeclarationId, int ParticipantId, DeclarationType Type, DeclarationState Status, string? DfeId, string? Error);

public sealed record QueueRun(int Sent, int Submitted, int Refused, int Failed)
{
    public override string ToString() => $"{Sent} sent: {Submitted} submitted, {Refused} refused, {Failed} failed";
}

// Sends declarations to DfE so that none is ever sent twice. Each is a row committed (Ready)
// before anything is sent; one server claims it (Submitting, with the time and its name) by a
// conditional update, then calls DfE and records the answer. A row that was claimed before (a
// server died mid-call, or the call failed without an answer) is first looked for at DfE
// (GET participant-declarations?filter[participant_id]=) and sent again only if DfE has none.
public sealed class DeclarationSubmissions(AppDbContext db, DeclarationProposals proposals, DfeClient dfe, TimeProvider time, ILogger<DeclarationSubmissions> log)
{
    // Which server holds a claim, for the page and the logs.
    public static readonly string ServerName = $"{Environment.MachineName}/{Environment.ProcessId}";

    private static readonly string[] GoneAtDfe = ["voided", "awaiting_clawback", "clawed_back"];

    // Queues the ready declarations of the given delegates (all when null), then sends them. Named
    // delegates' failed declarations are tried again too.
    public async Task<List<SubmitResult>> SubmitAsync(IReadOnlyCollection<int>? participantIds, string? userId, CancellationToken ct)
    {
        var ready = await proposals.ReadyAsync(participantIds, ct);
        var ids = new List<int>();
        foreach (var r in ready)
        {
            if (r.QueuedId is { } queued)
            {
                ids.Add(queued);
                continue;
            }
            var row = Declaration.Queue(r.ParticipantId, r.DeclarationProposal, userId, time.UtcNow());
            db.Declarations.Add(row);
            // Someone else queued this milestone a moment ago: theirs stands, and theirs is sent.
            if (await db.TrySaveUniqueAsync(ct))
            {
                ids.Add(row.Id);
            }
        }
        var retry = false;
        if (participantIds is { Count: > 0 })
        {
            var failed = await db.Declarations.AsNoTracking()
                .Where(d => participantIds.Contains(d.ParticipantId) && d.State == DeclarationState.Failed).Select(d => d.Id).ToListAsync(ct);
            ids.AddRange(failed);
            retry = failed.Count > 0;
        }
        var results = new List<SubmitResult>();
        foreach (var id in ids.Distinct())
        {
            if (await SendAsync(id, includeFailed: retry, ct) is { } result)
            {
                results.Add(result);
            }
        }
        return results;
    }

    // "Try again" on one failed declaration.
    public async Task<Result<SubmitResult>> RetryAsync(int declarationId, CancellationToken ct)
    {
        var state = await db.Declarations.AsNoTracking().Where(d => d.Id == declarationId).Select(d => (DeclarationState?)d.State).FirstOrDefaultAsync(ct);
        if (state is null)
        {
            return Failure.NotFound("There is no declaration with that id.");
        }
        if (state != DeclarationState.Failed)
        {
            return Failure.Conflict("Only a failed declaration can be tried again; this one has moved on.");
        }
        return await SendAsync(declarationId, includeFailed: true, ct) is { } result
            ? result
            : Failure.Conflict("Someone else is sending this declaration now.");
    }

    // The scheduled job's work: queued rows, and rows whose server died mid-call.
    public async Task<QueueRun> SendQueuedAsync(CancellationToken ct)
    {
        var stale = time.UtcNow() - Declaration.ClaimTimeout;
        var ids = await db.Declarations.AsNoTracking()
            .Where(d => d.State == DeclarationState.Ready || (d.State == DeclarationState.Submitting && d.ClaimedAt < stale))
            .OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
        var results = new List<SubmitResult>();
        foreach (var id in ids)
        {
            if (await SendAsync(id, includeFailed: false, ct) is { } result)
            {
                results.Add(result);
            }
        }
        return new QueueRun(results.Count, results.Count(r => r.Status == DeclarationState.Submitted),
            results.Count(r => r.Status == DeclarationState.Refused), results.Count(r => r.Status == DeclarationState.Failed));
    }

    // Null when another server holds the row (or it has moved on).
    private async Task<SubmitResult?> SendAsync(int id, bool includeFailed, CancellationToken ct)
    {
        var now = time.UtcNow();
        var stale = now - Declaration.ClaimTimeout;
        var claimed = await db.Declarations
            .Where(d => d.Id == id && (d.State == DeclarationState.Ready
                || (includeFailed && d.State == DeclarationState.Failed)
                || (d.State == DeclarationState.Submitting && d.ClaimedAt < stale)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, DeclarationState.Submitting)
                .SetProperty(d => d.ClaimedAt, now)
                .SetProperty(d => d.ClaimedBy, ServerName)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                .SetProperty(d => d.UpdatedAt, now), ct);
        if (claimed == 0)
        {
            return null;
        }
        db.ChangeTracker.Clear();
        var row = await db.Declarations.Include(d => d.Participant).ThenInclude(p => p.Cohort).ThenInclude(c => c.Programme).FirstAsync(d => d.Id == id, ct);
        var about = new DfeAbout(Declaration.AuditSubject, row.Id, row.Participant.UserId);
        var participantId = row.Participant.DfeParticipantId;
        var course = row.Participant.Cohort.Programme.DfeCourseIdentifier;
        if (string.IsNullOrEmpty(participantId))
        {
            row.Failed("This delegate has no DfE participant id: accept their application from DfE first.", time.UtcNow());
        }
        else if (string.IsNullOrEmpty(course))
        {
            row.Failed($"The programme {row.Participant.Cohort.Programme.Name} has no DfE course identifier: set it on the DfE settings page, then try again.", time.UtcNow());
        }
        else if (row.Attempts > 1 && await FindAtDfeAsync(row, participantId, course, ct) is { } lookedUp)
        {
            // Sent before without an answer we kept: DfE's own record decides.
            if (lookedUp.Found is { } found)
            {
                row.Accepted(found.Id, found.Attributes.State, found.Attributes.StatementId, time.UtcNow());
            }
            else
            {
                row.Failed($"Could not check with DfE whether this declaration was already received, so it was not sent again. {lookedUp.Error}", time.UtcNow());
            }
        }
        else
        {
            await PostAsync(row, participantId, course, about, ct);
        }
        await db.SaveChangesAsync(ct);
        var (declaration, type, state) = (row.Id, row.Type, row.State);
        log.LogInformation("Declaration {Id} ({Type}) is {State}", declaration, type, state);
        return new SubmitResult(row.Id, row.ParticipantId, row.Type, row.State, row.DfeId, row.Error);
    }

    private async Task PostAsync(Declaration row, string participantId, string course, DfeAbout about, CancellationToken ct)
    {
        var request = DfeDeclarationRequest.Create(participantId, row.Type.DfeName(), course, row.DeclarationDate,
            row.Type == DeclarationType.Completed ? row.HasPassed : null);
        var answer = await dfe.SubmitDeclarationAsync(request, about, ct);
        var now = time.UtcNow();
        switch (answer.Outcome)
        {
            case DfeOutcome.Succeeded:
                row.Accepted(answer.Value!.Id, answer.Value.Attributes.State, answer.Value.Attributes.StatementId, now);
                break;
            case DfeOutcome.Refused:
                // A duplicate or another "no" from DfE: shown to the team, not sent again.
                row.Refused(answer.Error!, now);
                break;
            default:
                row.Failed(answer.Error!, now);
                break;
        }
    }

    // Null when the row was never sent (nothing to look for). Found: DfE's standing declaration of
    // this milestone for this participant and course; Error: DfE could not be asked.
    private async Task<(DfeResource<DfeDeclarationAttributes>? Found, string? Error)?> FindAtDfeAsync(Declaration row, string participantId, string course, CancellationToken ct)
    {
        var listed = await dfe.ListAllDeclarationsAsync(participantId, ct: ct);
        if (!listed.Succeeded)
        {
            return (null, listed.Error);
        }
        var found = listed.Value.FirstOrDefault(d => d.Attributes.DeclarationType == row.Type.DfeName()
            && string.Equals(d.Attributes.CourseIdentifier, course, StringComparison.Ordinal)
            && !GoneAtDfe.Contains(d.Attributes.State));
        // Not there: DfE never received it, so it is sent now.
        return found is null ? null : (found, null);
    }

    public async Task<Result<Declaration>> VoidAsync(int declarationId, string? userId, CancellationToken ct)
    {
        var row = await db.Declarations.Include(d => d.Participant).FirstOrDefaultAsync(d => d.Id == declarationId, ct);
        if (row is null)
        {
            return Failure.NotFound("There is no declaration with that id.");
        }
        if (!row.MayVoid)
        {
            return Failure.Conflict(row.State == DeclarationState.Voided
                ? "This declaration has already been voided."
                : "Only a declaration DfE has accepted can be voided.");
        }
        var answer = await dfe.VoidDeclarationAsync(row.DfeId!, new DfeAbout(Declaration.AuditSubject, row.Id, row.Participant.UserId), ct);
        if (!answer.Succeeded)
        {
            return answer.Outcome == DfeOutcome.Refused
                ? Failure.Refused($"DfE did not void the declaration: {answer.Error}")
                : new Failure(FailureKind.Unavailable, $"The declaration was not voided: {answer.Error}");
        }
        row.Voided(answer.Value.Attributes.State, userId, time.UtcNow());
        await db.SaveChangesAsync(ct);
        return row;
    }
}
