using Roundtable.Web.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.Web.Tutorials;

// The school a delegate wants a partner to resemble: their own for Project 1, their placement school
// for Project 2. Any part may be unknown.
public sealed record MatchTarget(string Description, SchoolPhase? Phase, SettingType? SettingType, Region? Region, int? NumberOnRoll)
{
    public static MatchTarget Of(School school, string description) =>
        new(description, school.Phase, school.SettingType, school.Region, school.NumberOnRoll);

    public bool IsEmpty => Phase is null && SettingType is null && Region is null && NumberOnRoll is null;
}

public sealed record PartnerMatch(int Score, IReadOnlyList<string> Reasons);

// Ranks partners by likeness to the target school and says why. Phase matters most (a primary
// head's experience transfers least to a secondary), then setting type and region, then size.
public static class PartnerMatching
{
    public const int PhaseWeight = 3;
    public const int SettingTypeWeight = 2;
    public const int RegionWeight = 2;
    public const int SizeWeight = 1;
    public const int MaxScore = PhaseWeight + SettingTypeWeight + RegionWeight + SizeWeight;

    public static PartnerMatch Score(PartnerProfile partner, MatchTarget target)
    {
        var score = 0;
        var reasons = new List<string>();
        if (target.Phase is not null && target.Phase == partner.Phase)
        {
            score += PhaseWeight;
            reasons.Add($"Same phase ({EnumText.Display(partner.Phase.GetValueOrDefault()).ToLowerInvariant()})");
        }
        if (target.SettingType is not null && target.SettingType == partner.SettingType)
        {
            score += SettingTypeWeight;
            reasons.Add($"Same type of school ({EnumText.Display(partner.SettingType.GetValueOrDefault()).ToLowerInvariant()})");
        }
        if (target.Region is not null && target.Region == partner.Region)
        {
            score += RegionWeight;
            reasons.Add($"Same region ({EnumText.Display(partner.Region.GetValueOrDefault())})");
        }
        if (SimilarSize(target.NumberOnRoll, partner.NumberOnRoll))
        {
            score += SizeWeight;
            reasons.Add($"Similar size of school (about {partner.NumberOnRoll.GetValueOrDefault().ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} pupils)");
        }
        return new PartnerMatch(score, reasons);
    }

    // Within half as big again either way.
    public static bool SimilarSize(int? a, int? b) =>
        a is > 0 && b is > 0 && Math.Max(a.Value, b.Value) <= 1.5 * Math.Min(a.Value, b.Value);

    public static List<(PartnerProfile Partner, PartnerMatch Match)> Rank(IEnumerable<PartnerProfile> partners, MatchTarget target, Func<PartnerProfile, string> name) =>
        partners.Select(p => (Partner: p, Match: Score(p, target)))
            .OrderByDescending(x => x.Match.Score)
            .ThenByDescending(x => x.Partner.HeadshipYears)
            .ThenBy(x => name(x.Partner), StringComparer.OrdinalIgnoreCase)
            .ThenBy(x => x.Partner.Id)
            .ToList();
}
