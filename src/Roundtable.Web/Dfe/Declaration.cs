using System.ComponentModel.DataAnnotations;
using Roundtable.Web.People;

namespace Roundtable.Web.Dfe;

// The DfE's NPQ milestones, in the order a delegate reaches them.
public enum DeclarationType
{
    [Display(Name = "Started")] Started,
    [Display(Name = "Retained 1")] Retained1,
    [Display(Name = "Retained 2")] Retained2,
    [Display(Name = "Completed")] Completed,
}

// Where one declaration is on our side. Ready: queued, nothing sent yet. Submitting: claimed by one
// server, which is calling DfE (or crashed doing so: the next run reads DfE back before sending
// again). Submitted: DfE accepted it. Refused: DfE answered no (a duplicate, say); not retried.
// Failed: DfE could not be reached or failed; "try again" reads back first. Voided: withdrawn at DfE.
public enum DeclarationState
{
    Ready,
    Submitting,
    Submitted,
    Refused,
    Failed,
    Voided,
}

public static class DeclarationTypes
{
    public static readonly IReadOnlyList<DeclarationType> InOrder = [DeclarationType.Started, DeclarationType.Retained1, DeclarationType.Retained2, DeclarationType.Completed];

    // The API's declaration_type values.
    public static string DfeName(this DeclarationType type) => type switch
    {
        DeclarationType.Started => "started",
        DeclarationType.Retained1 => "retained-1",
        DeclarationType.Retained2 => "retained-2",
        DeclarationType.Completed => "completed",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParseDfe(string? text, out DeclarationType type)
    {
        foreach (var t in InOrder)
        {
            if (string.Equals(t.DfeName(), text, StringComparison.Ordinal))
            {
                type = t;
                return true;
            }
        }
        type = default;
        return false;
    }

    public static string Text(this DeclarationType type) => type switch
    {
        DeclarationType.Started => "Started",
        DeclarationType.Retained1 => "Retained 1",
        DeclarationType.Retained2 => "Retained 2",
        _ => "Completed",
    };

    public static string Text(this DeclarationState state) => state switch
    {
        DeclarationState.Ready => "Waiting to be sent",
        DeclarationState.Submitting => "Being sent",
        DeclarationState.Submitted => "Submitted",
        DeclarationState.Refused => "Refused by DfE",
        DeclarationState.Failed => "Failed",
        _ => "Voided",
    };
}

// One declaration of one delegate's milestone to the DfE, from the moment it is queued to its
// answer. A unique index on (ParticipantId, Type) over the rows that are not voided (filtered on
// State) means a delegate is never declared twice for a milestone, whoever clicks what on whichever server.
public class Declaration
{
    public const int EvidenceMaxLength = 2000;
    public const int ErrorMaxLength = 1000;
    public const int DfeIdMaxLength = 64;
    public const int DfeStateMaxLength = 40;
    public const int ServerMaxLength = 200;
    public const string AuditSubject = "DfE declaration";
    // A claim older than this belongs to a server that died mid-call: the next run reads DfE back.
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(5);

    public int Id { get; set; }
    public int ParticipantId { get; set; }
    public Participant Participant { get; set; } = null!;
    public DeclarationType Type { get; set; }
    public DateTime DeclarationDate { get; set; }
    public string Evidence { get; set; } = "";
    // Completed only: whether the delegate passed NPQH.
    public bool? HasPassed { get; set; }
    public DeclarationState State { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public string? ClaimedBy { get; set; }
    public int Attempts { get; set; }
    public string? DfeId { get; set; }
    public string? DfeState { get; set; }
    public string? StatementId { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? VoidedAt { get; set; }
    public string? VoidedById { get; set; }

    public static Declaration Queue(int participantId, DeclarationProposal proposal, string? byUserId, DateTime now) => new()
    {
        ParticipantId = participantId,
        Type = proposal.Type,
        DeclarationDate = proposal.Date,
        Evidence = Fit(proposal.Evidence, EvidenceMaxLength),
        HasPassed = proposal.HasPassed,
        State = DeclarationState.Ready,
        CreatedAt = now,
        CreatedById = byUserId,
        UpdatedAt = now,
    };

    public bool MayVoid => State == DeclarationState.Submitted && DfeId is not null && DfeState is not ("voided" or "awaiting_clawback" or "clawed_back");

    public void Accepted(string dfeId, string? dfeState, string? statementId, DateTime now)
    {
        State = DeclarationState.Submitted;
        DfeId = Fit(dfeId, DfeIdMaxLength);
        DfeState = dfeState is null ? null : Fit(dfeState, DfeStateMaxLength);
        StatementId = statementId is null ? null : Fit(statementId, DfeIdMaxLength);
        Error = null;
        SubmittedAt ??= now;
        UpdatedAt = now;
        ClaimedAt = null;
        ClaimedBy = null;
    }

    public void Refused(string error, DateTime now) => Finish(DeclarationState.Refused, error, now);

    public void Failed(string error, DateTime now) => Finish(DeclarationState.Failed, error, now);

    public void Voided(string? dfeState, string? byUserId, DateTime now)
    {
        State = DeclarationState.Voided;
        DfeState = dfeState is null ? "voided" : Fit(dfeState, DfeStateMaxLength);
        VoidedAt = now;
        VoidedById = byUserId;
        UpdatedAt = now;
    }

    private void Finish(DeclarationState state, string error, DateTime now)
    {
        State = state;
        Error = Fit(error, ErrorMaxLength);
        UpdatedAt = now;
        ClaimedAt = null;
        ClaimedBy = null;
    }

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..max];
}
