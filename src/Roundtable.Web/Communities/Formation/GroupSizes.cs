using static System.FormattableString;

namespace Roundtable.Web.Communities;

public sealed record GroupSizePlan(IReadOnlyList<int> Sizes, bool WithinLimits);

// How many groups, and how big: the size plan before anyone is placed.
internal static class GroupSizes
{
    public const int SmallestGroup = 3;

    // Sizes differ by at most one, larger groups first. The count is the one nearest
    // n / PreferredSize that keeps every group within MinSize..MaxSize, raised (where the
    // limits allow) so that the largest school can have each delegate in a different group.
    // When no count fits (n = 7, or n < MinSize) the whole remainder becomes one flagged group.
    public static GroupSizePlan Plan(int delegateCount, GroupFormationOptions options, int largestSchool)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delegateCount);
        var n = delegateCount;
        if (n == 0)
        {
            return new GroupSizePlan([], true);
        }

        var fewest = (n + options.MaxSize - 1) / options.MaxSize;
        var most = n / options.MinSize;
        if (fewest <= most)
        {
            var preferred = Math.Clamp(options.PreferredSize, options.MinSize, options.MaxSize);
            var count = (int)Math.Round((double)n / preferred, MidpointRounding.AwayFromZero);
            count = Math.Max(count, largestSchool);
            count = Math.Clamp(count, fewest, most);
            return new GroupSizePlan(EvenSizes(n, count), true);
        }

        if (n < SmallestGroup)
        {
            return new GroupSizePlan([], false);
        }

        return n < options.MinSize
            ? new GroupSizePlan([n], false)
            : new GroupSizePlan(EvenSizes(n, Math.Max(1, n / options.MinSize)), false);
    }

    public static string DescribeFlagged(IReadOnlyList<int> sizes, GroupFormationOptions options)
    {
        var outside = sizes.Where(s => s < options.MinSize || s > options.MaxSize).ToArray();
        return sizes.Count == 1
            ? Invariant($"one flagged group of {sizes[0]}")
            : Invariant($"{sizes.Count} groups ({string.Join(", ", sizes)}), {outside.Length} of them flagged");
    }

    private static int[] EvenSizes(int n, int count) =>
        Enumerable.Range(0, count).Select(i => (n / count) + (i < n % count ? 1 : 0)).ToArray();
}
