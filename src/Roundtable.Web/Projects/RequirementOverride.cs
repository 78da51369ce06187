using Roundtable.Web.People;

namespace Roundtable.Web.Projects;

// The programme team's decision that one requirement is met for one delegate although the facts
// say otherwise (as providers did when school closures broke the two-term rule). Withdrawn
// overrides are kept, with who and when, so the reason stays on record.
public class RequirementOverride
{
    public const int KeyMaxLength = 50;
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }
    public int ParticipantId { get; set; }
    public Participant Participant { get; set; } = null!;
    public int Project { get; set; }
    public string Key { get; set; } = "";
    public string Reason { get; set; } = "";
    public string CreatedById { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnByName { get; set; }
}
