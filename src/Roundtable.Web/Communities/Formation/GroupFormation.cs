using static System.FormattableString;

namespace Roundtable.Web.Communities;

public sealed record CohortParticipant(string Id, string SchoolId, string Phase, string Region);

public sealed record GroupFormationOptions
{
    public int MinSize { get; init; } = 4;
    public int MaxSize { get; init; } = 6;

    // Five fits the hour exactly (5 + 5×10 + 5) and still leaves a workable four when someone is away.
    public int PreferredSize { get; init; } = 5;
    public double PhaseWeight { get; init; } = 2;
    public double RegionWeight { get; init; } = 1;
    public int Seed { get; init; }
}

public sealed record FormedGroup(
    int Number,
    IReadOnlyList<string> MemberIds,
    double Score,
    IReadOnlyList<string> Reasons,
    bool Flagged);

public sealed record GroupFormationResult(IReadOnlyList<FormedGroup> Groups, IReadOnlyList<string> Problems);

// Forms a cohort's community groups: schools kept apart, sizes within limits, and as many
// shared phases and regions inside each group as the weights ask for. The steps, each in its
// own file: plan the sizes (GroupSizes), intern the cohort (FormationCohort), fill the groups
// greedily (GreedyPlacement) under the schools-apart rule (SchoolsApart), improve them by swaps
// (ImprovementSearch), and say why each group is as it is (GroupReasons). A seed fixes the result.
public static class GroupFormation
{
    public const int SmallestGroup = GroupSizes.SmallestGroup;

    public static GroupSizePlan PlanGroupSizes(int delegateCount, GroupFormationOptions options, int largestSchool = 1)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateOptions(options);
        return GroupSizes.Plan(delegateCount, options, largestSchool);
    }

    public static GroupFormationResult Form(IReadOnlyList<CohortParticipant> delegates, GroupFormationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(delegates);
        options ??= new GroupFormationOptions();
        ValidateOptions(options);
        CheckDelegates(delegates);

        var cohort = FormationCohort.Intern(delegates);
        var n = delegates.Count;
        var plan = PlanGroupSizes(n, options, cohort.LargestSchool);
        var problems = new List<string>();
        if (plan.Sizes.Count == 0)
        {
            problems.Add(n == 0
                ? "There are no delegates to place in groups."
                : Invariant($"Only {n} {(n == 1 ? "delegate" : "delegates")}: at least {SmallestGroup} are needed to form a group."));
            return new GroupFormationResult([], problems);
        }
        if (!plan.WithinLimits)
        {
            problems.Add(Invariant(
                $"The cohort of {n} cannot be split into groups of {options.MinSize}–{options.MaxSize}, so it forms {GroupSizes.DescribeFlagged(plan.Sizes, options)}."));
        }

        var schools = new SchoolsApart(cohort, plan.Sizes.Count);
        foreach (var school in schools.Oversubscribed())
        {
            var groups = plan.Sizes.Count;
            var count = cohort.SchoolSize[school];
            // Spread evenly, k delegates over g < k groups leave min(k, 2(k − g)) of them sharing.
            var sharing = Math.Min(count, 2 * (count - groups));
            problems.Add(Invariant(
                $"School {cohort.SchoolNames[school]} has {count} delegates but only {groups} {(groups == 1 ? "group" : "groups")} can be formed, so {sharing} of them share a group with a colleague from the same school."));
        }

        var rng = new SeededRandom(options.Seed);
        var placement = new Placement(cohort, options, plan.Sizes);
        if (!GreedyPlacement.Fill(placement, schools, rng))
        {
            placement = new Placement(cohort, options, plan.Sizes);
            GreedyPlacement.StripeBySchool(placement);
        }
        ImprovementSearch.Improve(placement, schools, options, rng);
        return new GroupFormationResult(GroupReasons.Describe(placement, options), problems);
    }

    public static IReadOnlyList<ArrangementViolation> ValidateArrangement(
        IReadOnlyList<IReadOnlyList<string>> groups,
        IReadOnlyList<CohortParticipant> delegates,
        GroupFormationOptions? options = null) =>
        ArrangementCheck.Violations(groups, delegates, options ?? new GroupFormationOptions());

    private static void ValidateOptions(GroupFormationOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinSize, 2, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSize, options.MinSize, nameof(options));
        if (!double.IsFinite(options.PhaseWeight) || options.PhaseWeight < 0
            || !double.IsFinite(options.RegionWeight) || options.RegionWeight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Preference weights must be zero or positive.");
        }
    }

    private static void CheckDelegates(IReadOnlyList<CohortParticipant> delegates)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in delegates)
        {
            ArgumentNullException.ThrowIfNull(d, nameof(delegates));
            ArgumentNullException.ThrowIfNull(d.Id, nameof(delegates));
            ArgumentNullException.ThrowIfNull(d.SchoolId, nameof(delegates));
            if (!ids.Add(d.Id))
            {
                throw new ArgumentException($"Delegate '{d.Id}' appears more than once.", nameof(delegates));
            }
        }
    }
}
