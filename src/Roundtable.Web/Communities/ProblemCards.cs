using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure.Files;

namespace Roundtable.Web.Communities;

// What a delegate writes on a problem card: the problem card page's form and the body of
// POST /api/v1/problems. Answers arrive as text ("yes", "unsure", "no").
public sealed class ProblemCardInput
{
    public string? Problem { get; set; }
    public string? Evidence { get; set; }
    public string? Context { get; set; }
    public string? Why { get; set; }
    public string? FrameworkArea { get; set; }
    public string? Specific { get; set; }
    public string? Solvable { get; set; }
    public string? Controllable { get; set; }

    public static ProblemCardInput From(ProblemCard card) => new()
    {
        Problem = card.Problem, Evidence = card.Evidence, Context = card.Context, Why = card.Why, FrameworkArea = card.FrameworkArea,
        Specific = card.Specific.ToString(), Solvable = card.Solvable.ToString(), Controllable = card.Controllable.ToString(),
    };

    // The card's content once every field is filled and every answer understood; the framework
    // area is one of the programme's, spelt as the programme spells it.
    public Result<ProblemCardContent> Check(IReadOnlyList<string> areas)
    {
        var errors = new FieldErrors();
        var problem = Text(errors, nameof(Problem), Problem, "the problem");
        var evidence = Text(errors, nameof(Evidence), Evidence, "the evidence");
        var context = Text(errors, nameof(Context), Context, "the context");
        var why = Text(errors, nameof(Why), Why, "why it matters");
        var area = areas.FirstOrDefault(a => string.Equals(a, FrameworkArea?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (string.IsNullOrWhiteSpace(FrameworkArea))
        {
            errors.Add(nameof(FrameworkArea), "Choose the NPQ framework area the problem links to");
        }
        else if (area is null)
        {
            errors.Add(nameof(FrameworkArea), "Choose a framework area from the list");
        }
        var answers = new SuitabilityAnswers(
            Answer(errors, nameof(Specific), Specific, "specific"),
            Answer(errors, nameof(Solvable), Solvable, "solvable"),
            Answer(errors, nameof(Controllable), Controllable, "controllable"));
        return errors.ToFailure() is { } failure ? failure : new ProblemCardContent(problem, evidence, context, why, area!, answers);
    }

    private static string Text(FieldErrors errors, string field, string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"Enter {label}");
        }
        else if (text.Length > ProblemCard.TextMaxLength)
        {
            errors.Add(field, $"Write {label} in {UkFormat.Number(ProblemCard.TextMaxLength)} characters or fewer");
        }
        return text?.Trim() ?? "";
    }

    private static SuitabilityAnswer Answer(FieldErrors errors, string field, string? text, string label)
    {
        if (Enum.TryParse<SuitabilityAnswer>(text?.Trim(), ignoreCase: true, out var answer) && Enum.IsDefined(answer) && !int.TryParse(text, out _))
        {
            return answer;
        }
        errors.Add(field, $"Answer yes, unsure or no for {label}");
        return SuitabilityAnswer.No;
    }
}

public sealed record ProblemCardContent(string Problem, string Evidence, string Context, string Why, string FrameworkArea, SuitabilityAnswers Answers);

public sealed record SavedProblemCard(ProblemCard Card, bool Created);

// Saving a delegate's card for a session, from the page (a session they chose) or the API (their next one).
public sealed class ProblemCards(AppDbContext db, CommunityQueries queries, UploadQuota quota, TimeProvider time)
{
    // A member prepares a card only before the session starts.
    public async Task<CommunitySession?> SessionToPrepareAsync(int sessionId, string ownerId, CancellationToken ct = default)
    {
        var session = await db.CommunitySessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        return session is not null && session.StartsAt > time.UtcNow() && await queries.IsMemberAsync(session.GroupId, ownerId, ct) ? session : null;
    }

    public async Task<Result<SavedProblemCard>> SaveForNextSessionAsync(string ownerId, ProblemCardInput input, CancellationToken ct = default)
    {
        var session = await queries.NextSessionForAsync(ownerId, ct);
        var areas = session is null ? ProblemSuitability.NpqhFrameworkAreas : await FrameworkArea.ForSessionAsync(db, session.Id, ct);
        var content = input.Check(areas);
        if (!content.Succeeded)
        {
            return content.Failure;
        }
        if (session is null)
        {
            return Failure.Refused("You have no upcoming community session, so there is nothing to prepare a problem for yet.") with { Title = "No session to prepare for" };
        }
        return await SaveAsync(session.Id, ownerId, content.Value, null, ct);
    }

    // Creates or updates the owner's card for the session. The unique index on (session, owner)
    // decides a race between two first saves.
    public async Task<Result<SavedProblemCard>> SaveAsync(int sessionId, string ownerId, ProblemCardContent content, StoredFile? artefact, CancellationToken ct = default)
    {
        var card = await db.ProblemCards.FirstOrDefaultAsync(c => c.SessionId == sessionId && c.OwnerId == ownerId, ct);
        if (artefact is not null && await quota.CheckAsync(ownerId, artefact.Size, nameof(ProblemCard.Artefact), card?.ArtefactId, ct) is { } overQuota)
        {
            return overQuota;
        }
        var created = card is null;
        card ??= db.ProblemCards.Add(new ProblemCard { SessionId = sessionId, OwnerId = ownerId }).Entity;
        card.Write(content, time.UtcNow());
        if (artefact is not null)
        {
            // A new artefact replaces the old one: its bytes leave the database in the same save.
            if (card.ArtefactId is Guid replaced)
            {
                db.StoredFiles.Remove(await db.StoredFiles.FirstAsync(f => f.Id == replaced, ct));
            }
            db.StoredFiles.Add(artefact);
            card.ArtefactId = artefact.Id;
        }
        return await db.TrySaveUniqueAsync(ct)
            ? new SavedProblemCard(card, created)
            : Failure.Conflict("Your problem card was saved from another window at the same moment. Reload it and try again.") with { Title = "Saved at the same moment" };
    }
}
