using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Roundtable.Web.Communities;

// dotnet run -c Release --project bench/Roundtable.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(FormationBenchmarks).Assembly).Run(args);

[MemoryDiagnoser]
public class FormationBenchmarks
{
    private static readonly string[] Phases = ["Primary", "Secondary", "AllThrough", "Special"];
    private static readonly string[] Regions = ["London", "SouthEast", "SouthWest", "NorthWest", "NorthEast", "EastMidlands", "WestMidlands", "EastOfEngland", "Yorkshire"];

    private List<CohortParticipant> _cohort = [];
    private List<string> _ids = [];

    [Params(2000)]
    public int Delegates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // 600 schools, a school's delegates share its phase and region, sizes uneven as in real cohorts.
        var random = new Random(42);
        _cohort = Enumerable.Range(0, Delegates).Select(i =>
        {
            var school = (int)Math.Floor(Math.Pow(random.NextDouble(), 1.5) * 600);
            return new CohortParticipant($"d{i}", $"s{school}", Phases[school % Phases.Length], Regions[school % Regions.Length]);
        }).ToList();
        _ids = _cohort.Select(c => c.Id).ToList();
    }

    [Benchmark]
    public GroupFormationResult FormGroups() => GroupFormation.Form(_cohort, new GroupFormationOptions { Seed = 1 });

    [Benchmark]
    public BuddyPairingResult PairBuddies() => BuddyPairing.Pair(_ids, [], seed: 1);

    [Benchmark]
    public AgendaResult AgendaForTwelve() =>
        AgendaBuilder.Build(12, new DateTime(2026, 11, 23, 16, 0, 0), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
}
