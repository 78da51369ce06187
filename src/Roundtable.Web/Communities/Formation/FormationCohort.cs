using static System.FormattableString;

namespace Roundtable.Web.Communities;

// The cohort as formation works on it: schools, phases and regions interned to small integers
// (-1 for a phase or region not recorded), so that placing and swapping are array look-ups.
internal sealed class FormationCohort
{
    private FormationCohort(IReadOnlyList<CohortParticipant> delegates, int[] school, int[] phase, int[] region,
        string[] schoolNames, string[] phaseNames, string[] regionNames)
    {
        Delegates = delegates;
        School = school;
        Phase = phase;
        Region = region;
        SchoolNames = schoolNames;
        PhaseNames = phaseNames;
        RegionNames = regionNames;
        SchoolSize = new int[schoolNames.Length];
        foreach (var s in school)
        {
            SchoolSize[s]++;
        }
    }

    public IReadOnlyList<CohortParticipant> Delegates { get; }

    // By delegate index.
    public int[] School { get; }
    public int[] Phase { get; }
    public int[] Region { get; }

    public string[] SchoolNames { get; }
    public string[] PhaseNames { get; }
    public string[] RegionNames { get; }

    // By school index: how many of the cohort's delegates it has.
    public int[] SchoolSize { get; }

    public int Count => School.Length;

    public int LargestSchool => SchoolSize.Length == 0 ? 0 : SchoolSize.Max();

    public static FormationCohort Intern(IReadOnlyList<CohortParticipant> delegates)
    {
        var schools = new Interner(StringComparer.Ordinal, blankIsUnknown: false);
        var phases = new Interner(StringComparer.OrdinalIgnoreCase, blankIsUnknown: true);
        var regions = new Interner(StringComparer.OrdinalIgnoreCase, blankIsUnknown: true);
        var n = delegates.Count;
        var school = new int[n];
        var phase = new int[n];
        var region = new int[n];
        for (var i = 0; i < n; i++)
        {
            // A delegate with no school recorded cannot clash with anyone.
            school[i] = string.IsNullOrWhiteSpace(delegates[i].SchoolId)
                ? schools.Intern(Invariant($"(no school recorded: {delegates[i].Id})"))
                : schools.Intern(delegates[i].SchoolId);
            phase[i] = phases.Intern(delegates[i].Phase);
            region[i] = regions.Intern(delegates[i].Region);
        }

        return new FormationCohort(delegates, school, phase, region, [.. schools.Names], [.. phases.Names], [.. regions.Names]);
    }

    private sealed class Interner(StringComparer comparer, bool blankIsUnknown)
    {
        private readonly Dictionary<string, int> _ids = new(comparer);

        public List<string> Names { get; } = [];

        public int Intern(string? value)
        {
            var key = value?.Trim() ?? string.Empty;
            if (blankIsUnknown && key.Length == 0)
            {
                return -1;
            }

            if (!_ids.TryGetValue(key, out var id))
            {
                id = Names.Count;
                _ids[key] = id;
                Names.Add(key);
            }

            return id;
        }
    }
}
