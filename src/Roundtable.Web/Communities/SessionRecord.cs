using System.Globalization;

namespace Roundtable.Web.Communities;

// The record of a session as the chair fills it in: who is here, the reconnect, each owner's turn
// (its number and what was said), reflections, questions for the team and the next chair.
public sealed class SessionRecordInput
{
    public List<string> Present { get; set; } = [];
    public string? Successes { get; set; }
    public List<TurnRecordInput> Turns { get; set; } = [];
    public string? Reflections { get; set; }
    public string? QuestionsForTeam { get; set; }
    public string? NextChairId { get; set; }

    // Turns of people who are not in the group are no part of the record.
    public SessionRecordInput ForMembers(IReadOnlyCollection<string> memberIds) => new()
    {
        Present = Present, Successes = Successes, Reflections = Reflections, QuestionsForTeam = QuestionsForTeam, NextChairId = NextChairId,
        Turns = Turns.Where(t => memberIds.Contains(t.OwnerId)).ToList(),
    };
}

public sealed class TurnRecordInput
{
    public string OwnerId { get; set; } = "";
    public string? Position { get; set; }
    public string? ActionSteps { get; set; }
    public string? ChosenAction { get; set; }
}

public sealed record TurnRecord(string OwnerId, int Position, string? ActionSteps, string? ChosenAction);

// A checked record, its texts trimmed (blank is null).
public sealed record SessionRecord(
    IReadOnlySet<string> Present, string? Successes, IReadOnlyList<TurnRecord> Turns, string? Reflections, string? QuestionsForTeam, string NextChairId)
{
    // The programme team keeps any session's record; otherwise only the session's chair, while a member.
    public static bool MayKeep(bool isProgrammeTeam, bool isMember, string? chairId, string userId) =>
        isProgrammeTeam || (isMember && chairId == userId);

    // Turns are numbered 1..n with no number twice, the next chair is one of the group, and
    // every text fits. members: the group's, by id and name (names go in the messages).
    public static Result<SessionRecord> Check(SessionRecordInput input, IReadOnlyList<MemberView> members)
    {
        var memberIds = members.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var errors = new FieldErrors();
        if (input.Present.Any(p => !memberIds.Contains(p)))
        {
            errors.Add(nameof(SessionRecordInput.Present), "Choose who is here from the group's members");
        }
        if (string.IsNullOrEmpty(input.NextChairId) || !memberIds.Contains(input.NextChairId))
        {
            errors.Add(nameof(SessionRecordInput.NextChairId), "Choose the chair for the next meeting from the group");
        }
        CheckLength(errors, nameof(SessionRecordInput.Successes), input.Successes);
        CheckLength(errors, nameof(SessionRecordInput.Reflections), input.Reflections);
        CheckLength(errors, nameof(SessionRecordInput.QuestionsForTeam), input.QuestionsForTeam);

        var turns = input.Turns.Where(t => memberIds.Contains(t.OwnerId)).ToList();
        var positions = new HashSet<int>();
        var checkedTurns = new List<TurnRecord>(turns.Count);
        for (var i = 0; i < turns.Count; i++)
        {
            var turn = turns[i];
            var field = $"{nameof(SessionRecordInput.Turns)}[{i}].{nameof(TurnRecordInput.Position)}";
            var owner = members.First(m => m.Id == turn.OwnerId).Name;
            if (!int.TryParse(turn.Position, CultureInfo.InvariantCulture, out var position) || position < 1 || position > turns.Count)
            {
                errors.Add(field, $"Give {owner}'s turn a number from 1 to {turns.Count}");
            }
            else if (!positions.Add(position))
            {
                errors.Add(field, $"Turn {position} is given to two people: give each a different number");
            }
            if (turn.ActionSteps?.Length > CommunitySession.TextMaxLength || turn.ChosenAction?.Length > CommunitySession.TextMaxLength)
            {
                errors.Add(field, $"Write at most {UkFormat.Number(CommunitySession.TextMaxLength)} characters for {owner}'s turn");
            }
            checkedTurns.Add(new TurnRecord(turn.OwnerId, position, Clean(turn.ActionSteps), Clean(turn.ChosenAction)));
        }
        if (errors.ToFailure() is { } failure)
        {
            return failure;
        }
        return new SessionRecord(input.Present.ToHashSet(StringComparer.Ordinal), Clean(input.Successes), checkedTurns,
            Clean(input.Reflections), Clean(input.QuestionsForTeam), input.NextChairId!);
    }

    private static void CheckLength(FieldErrors errors, string field, string? text)
    {
        if (text?.Length > CommunitySession.TextMaxLength)
        {
            errors.Add(field, $"Write at most {UkFormat.Number(CommunitySession.TextMaxLength)} characters");
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
