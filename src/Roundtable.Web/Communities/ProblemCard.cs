using Roundtable.Web.Infrastructure.Files;
using Roundtable.Web.People;

namespace Roundtable.Web.Communities;

// A delegate's problem for one session, prepared beforehand with the seed's four prompts.
public class ProblemCard
{
    public const int TextMaxLength = 2000;
    public const int AreaMaxLength = 200;

    public int Id { get; set; }
    public int SessionId { get; set; }
    public CommunitySession Session { get; set; } = null!;
    public string OwnerId { get; set; } = "";
    public AppUser Owner { get; set; } = null!;
    public string Problem { get; set; } = "";
    public string Evidence { get; set; } = "";
    public string Context { get; set; } = "";
    public string Why { get; set; } = "";
    public string FrameworkArea { get; set; } = "";
    public SuitabilityAnswer Specific { get; set; }
    public SuitabilityAnswer Solvable { get; set; }
    public SuitabilityAnswer Controllable { get; set; }
    public Guid? ArtefactId { get; set; }
    public StoredFile? Artefact { get; set; }
    public DateTime UpdatedAt { get; set; }

    public SuitabilityResult Suitability => ProblemSuitability.Check(new SuitabilityAnswers(Specific, Solvable, Controllable));

    public void Write(ProblemCardContent content, DateTime now)
    {
        Problem = content.Problem;
        Evidence = content.Evidence;
        Context = content.Context;
        Why = content.Why;
        FrameworkArea = content.FrameworkArea;
        Specific = content.Answers.Specific;
        Solvable = content.Answers.Solvable;
        Controllable = content.Answers.Controllable;
        UpdatedAt = now;
    }
}
