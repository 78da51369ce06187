using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Roundtable.Web.Communities;
using Roundtable.Web.Infrastructure;

// dotnet run -c Release --project bench/Roundtable.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(FormationBenchmarks).Assembly).Run(args);

[MemoryDiagnoser]
public class FormationBenchmarks
{
    private static readonly string[] Phases = ["Primary", "Secondary", "AllThrough", "Special"];
    private static readonly string[] Regions = ["London", "SouthEast", "SouthWest", "NorthWest", "NorthEast", "EastMidlands", "WestMidlands", "EastOfEngland", "Yorkshire"];

    private List<CohortParticipant> _cohort = [];
    private List<string> _ids = [];

    [Params(2000, 10000)]
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
    public Result<Agenda> AgendaForTwelve() =>
        AgendaBuilder.Build(12, new DateTime(2026, 11, 23, 16, 0, 0), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
}

[MemoryDiagnoser]
public class DirectoryBenchmarks
{
    private List<Roundtable.Web.Tutorials.PartnerProfile> _partners = [];
    private readonly Roundtable.Web.Tutorials.MatchTarget _target = new("Test Primary", Roundtable.Web.People.SchoolPhase.Primary,
        Roundtable.Web.People.SettingType.Academy, Roundtable.Web.People.Region.SouthEast, 400);

    [Params(1000)]
    public int Partners { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var phases = Enum.GetValues<Roundtable.Web.People.SchoolPhase>();
        var settings = Enum.GetValues<Roundtable.Web.People.SettingType>();
        var regions = Enum.GetValues<Roundtable.Web.People.Region>();
        _partners = Enumerable.Range(1, Partners).Select(i => new Roundtable.Web.Tutorials.PartnerProfile
        {
            Id = i, Phase = phases[random.Next(phases.Length)], SettingType = settings[random.Next(settings.Length)], Region = regions[random.Next(regions.Length)],
            NumberOnRoll = random.Next(50, 2000), HeadshipYears = random.Next(1, 30),
        }).ToList();
    }

    // The ranking a delegate's directory page and GET /api/v1/partners do after loading the profiles.
    [Benchmark]
    public int RankPartners() => Roundtable.Web.Tutorials.PartnerMatching.Rank(_partners, _target, p => $"Partner {p.Id}").Count;
}
