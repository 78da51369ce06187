namespace Roundtable.Web.Communities;

// At the next session an owner says what happened after the action they chose.
public sealed class FollowUpInput
{
    public int TurnId { get; set; }
    public string? FollowUpText { get; set; }

    public Result<string> Check()
    {
        if (string.IsNullOrWhiteSpace(FollowUpText))
        {
            return Failure.Invalid(nameof(FollowUpText), "Enter what happened");
        }
        return FollowUpText.Length > CommunitySession.TextMaxLength
            ? Failure.Invalid(nameof(FollowUpText), $"Write what happened in {UkFormat.Number(CommunitySession.TextMaxLength)} characters or fewer")
            : FollowUpText.Trim();
    }
}
