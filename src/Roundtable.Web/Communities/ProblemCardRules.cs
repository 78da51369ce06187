using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;

namespace Roundtable.Web.Communities;

// Validation and saving shared by the problem card page and POST /api/v1/problems.
public static class ProblemCardRules
{
    public static readonly IReadOnlyList<(string Key, string Label)> TextFields =
        [("problem", "the problem"), ("evidence", "the evidence"), ("context", "the context"), ("why", "why it matters")];

    public static Dictionary<string, string[]> Validate(string? problem, string? evidence, string? context, string? why,
        string? frameworkArea, string? specific, string? solvable, string? controllable, IReadOnlyList<string> areas, out SuitabilityAnswers answers)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string?[] texts = [problem, evidence, context, why];
        for (var i = 0; i < texts.Length; i++)
        {
            var (key, label) = TextFields[i];
            if (string.IsNullOrWhiteSpace(texts[i]))
            {
                errors[key] = [$"Enter {label}"];
            }
            else if (texts[i]!.Length > ProblemCard.TextMaxLength)
            {
                errors[key] = [$"Write {label} in {ProblemCard.TextMaxLength:N0} characters or fewer"];
            }
        }
        if (string.IsNullOrWhiteSpace(frameworkArea))
        {
            errors["frameworkArea"] = ["Choose the NPQ framework area the problem links to"];
        }
        else if (!areas.Contains(frameworkArea.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            errors["frameworkArea"] = ["Choose a framework area from the list"];
        }
        var s = Parse(specific, "specific", errors);
        var so = Parse(solvable, "solvable", errors);
        var c = Parse(controllable, "controllable", errors);
        answers = new SuitabilityAnswers(s, so, c);
        return errors;
    }

    private static SuitabilityAnswer Parse(string? text, string key, Dictionary<string, string[]> errors)
    {
        if (Enum.TryParse<SuitabilityAnswer>(text?.Trim(), ignoreCase: true, out var answer) && Enum.IsDefined(answer) && !int.TryParse(text, out _))
        {
            return answer;
        }
        errors[key] = [$"Answer yes, unsure or no for {key}"];
        return SuitabilityAnswer.No;
    }


    // Creates or updates the delegate's card for the session. The unique index on (session, owner)
    // decides a race between two first saves: the loser gets null.
    public static async Task<(ProblemCard? Card, bool Created)> SaveAsync(AppDbContext db, int sessionId, string ownerId,
        string problem, string evidence, string context, string why, string area, IReadOnlyList<string> areas, SuitabilityAnswers answers,
        Infrastructure.Files.StoredFile? artefact, TimeProvider time, CancellationToken ct)
    {
        var card = await db.ProblemCards.FirstOrDefaultAsync(c => c.SessionId == sessionId && c.OwnerId == ownerId, ct);
        var created = card is null;
        card ??= db.ProblemCards.Add(new ProblemCard { SessionId = sessionId, OwnerId = ownerId }).Entity;
        card.Problem = problem.Trim();
        card.Evidence = evidence.Trim();
        card.Context = context.Trim();
        card.Why = why.Trim();
        card.FrameworkArea = areas.First(a => string.Equals(a, area.Trim(), StringComparison.OrdinalIgnoreCase));
        card.Specific = answers.Specific;
        card.Solvable = answers.Solvable;
        card.Controllable = answers.Controllable;
        card.UpdatedAt = time.UtcNow();
        if (artefact is not null)
        {
            db.StoredFiles.Add(artefact);
            card.ArtefactId = artefact.Id;
        }
        return await db.TrySaveUniqueAsync(ct) ? (card, created) : (null, false);
    }
}
